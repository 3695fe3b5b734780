import { describe, expect, it } from "vitest";
import { formatHsCode, hsAncestors, hsCodeAtLevel, hsIsWithin, normalizeHsCode } from "./hs-code";

describe("HS codes as typed", () => {
  it.each([
    ["9405", "9405"],
    ["9405.11", "940511"],
    ["9405 11", "940511"],
    [" 940511 ", "940511"],
    ["9405.11.00", "94051100"],
    ["94", "94"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeHsCode(input)).toBe(expected);
  });

  it.each(["", "9", "lamp", "94a5", "12345678901", "--", "9405;DROP"])("refuses %j", (input) => {
    expect(normalizeHsCode(input)).toBeNull();
  });

  it("cuts national codes to the HS subheading", () => {
    expect(hsCodeAtLevel("9405.11.00")).toBe("940511");
    expect(hsCodeAtLevel("94051")).toBe("9405");
    expect(hsCodeAtLevel("940")).toBe("94");
  });

  it("formats, lists ancestors and tests containment", () => {
    expect(formatHsCode("940511")).toBe("9405.11");
    expect(formatHsCode("9405")).toBe("9405");
    expect(hsAncestors("940511")).toEqual(["94", "9405", "940511"]);
    expect(hsIsWithin("940511", "9405")).toBe(true);
    expect(hsIsWithin("940511", "9403")).toBe(false);
  });
});
