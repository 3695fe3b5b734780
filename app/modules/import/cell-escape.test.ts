import { describe, expect, it } from "vitest";
import { escapeCell, unescapeCell } from "./cell-escape";

describe("spreadsheet formula escaping", () => {
  it("escapes cells a spreadsheet would run, and nothing else", () => {
    for (const cell of ["=1+1", "+86 760 1234", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd"]) expect(escapeCell(cell)).toBe(`'${cell}`);
    for (const cell of ["LED吸顶灯", "9405.11", "a=b", "", "'quoted"]) expect(escapeCell(cell)).toBe(cell);
    expect(escapeCell("'=1")).toBe("''=1");
  });

  it("imports an escaped cell back as it was", () => {
    for (const cell of ["=HYPERLINK(\"x\")", "+86 760", "-", "@x", "plain", "'=already text"]) expect(unescapeCell(escapeCell(cell))).toBe(cell);
    expect(unescapeCell("'apostrophe at start")).toBe("'apostrophe at start");
  });
});
