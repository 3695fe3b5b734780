import { describe, expect, it } from "vitest";
import { parseHsCodeList } from "./hs-code-list";

describe("HS code lists typed in one field", () => {
  it("reads codes with or without dots, separated by commas, semicolons or spaces", () => {
    expect(parseHsCodeList("9405.11, 940542；8516 9405.11", [4, 6])).toEqual({ codes: ["940511", "940542", "8516"], invalid: [] });
    expect(parseHsCodeList("9405.11.00", [4, 6])).toEqual({ codes: ["940511"], invalid: [] });
  });

  it("names what is not a code of the levels asked for", () => {
    expect(parseHsCodeList("94, 9405, lamp, 94051", [4, 6])).toEqual({ codes: ["9405"], invalid: ["94", "lamp", "94051"] });
    expect(parseHsCodeList("94, 8516, 9405.11", [2, 4])).toEqual({ codes: ["94", "8516"], invalid: ["9405.11"] });
  });
});
