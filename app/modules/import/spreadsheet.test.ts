import { describe, expect, it } from "vitest";
import { detectDelimiter, xlsxCellText } from "./spreadsheet.server";

describe("reading spreadsheet cells", () => {
  it("finds the delimiter of a CSV header", () => {
    expect(detectDelimiter("external_id,name_zh,name_en")).toBe(",");
    expect(detectDelimiter("external_id;name_zh;name_en")).toBe(";");
    expect(detectDelimiter("external_id\tname_zh\tname_en")).toBe("\t");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
    expect(detectDelimiter("external_id")).toBe(",");
  });

  it("uses a formula's saved result, never the formula, and flags what has no value", () => {
    expect(xlsxCellText({ formula: "A1*2", result: 12 })).toEqual({ text: "12" });
    expect(xlsxCellText({ formula: "NOW()" } as never)).toEqual({ text: "", problem: { code: "formulaNoResult" } });
    expect(xlsxCellText({ formula: "1/0", result: { error: "#DIV/0!" } } as never)).toEqual({ text: "", problem: { code: "cellError", params: { value: "#DIV/0!" } } });
    expect(xlsxCellText({ richText: [{ text: "LED" }, { text: "吸顶灯" }] })).toEqual({ text: "LED吸顶灯" });
    expect(xlsxCellText({ text: "site", hyperlink: "https://x.example" })).toEqual({ text: "site" });
    expect(xlsxCellText(9405.1)).toEqual({ text: "9405.1" });
    expect(xlsxCellText(null)).toEqual({ text: "" });
  });
});
