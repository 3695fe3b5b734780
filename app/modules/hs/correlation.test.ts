import { describe, expect, it } from "vitest";
import { buildCorrelations, resolveHsCode, sameSinceHs2012 } from "./correlation";

const known = new Set(["9405", "940541", "940542", "940549", "8539", "853951", "9401", "940131", "940139", "6201", "620140", "701919"]);
const isKnown = (code: string) => known.has(code);

const correlations = buildCorrelations({
  "2017": [
    { old: "940540", current: "940541" },
    { old: "940540", current: "940542" },
    { old: "940540", current: "940549" },
    { old: "940540", current: "853951" },
    { old: "940130", current: "940131" },
    { old: "940130", current: "940139" },
    { old: "620193", current: "620140" },
    { old: "999999", current: "999999" },
    { old: "852580", current: "852581" },
    { old: "852580", current: "852589" },
  ],
  "2012": [
    { old: "620113", current: "620140" },
    { old: "701919", current: "701914" },
    { old: "620140", current: "620140" },
    { old: "620193", current: "620140" },
  ],
});

describe("HS codes of earlier editions read as HS 2022", () => {
  it("takes an HS 2022 code as it is, keeping a national code's full value", () => {
    expect(resolveHsCode("940542", correlations, isKnown)).toEqual({ kind: "current", code: "940542", nationalCode: null });
    expect(resolveHsCode("9405420000", correlations, isKnown)).toEqual({ kind: "current", code: "940542", nationalCode: "9405420000" });
    expect(resolveHsCode("9405", correlations, isKnown)).toEqual({ kind: "current", code: "9405", nationalCode: null });
  });

  it("maps a code HS 2022 changed to its one successor", () => {
    expect(resolveHsCode("620193", correlations, isKnown)).toEqual({ kind: "mapped", code: "620140", from: "620193", edition: "2017", nationalCode: null });
    // NCM 2016 is built on HS 2012: an 8-digit NCM line under 6201.13 is filed under 6201.40.
    expect(resolveHsCode("62011300", correlations, isKnown)).toEqual({ kind: "mapped", code: "620140", from: "620113", edition: "2012", nationalCode: "62011300" });
  });

  it("files a code that split under the shared heading, with the candidates", () => {
    expect(resolveHsCode("940130", correlations, isKnown)).toEqual({
      kind: "ambiguous",
      code: "9401",
      from: "940130",
      edition: "2017",
      candidates: ["940131", "940139"],
      nationalCode: null,
    });
    // Candidates in two headings: the old code's heading, which HS 2022 kept.
    expect(resolveHsCode("940540", correlations, isKnown)).toMatchObject({ kind: "ambiguous", code: "9405", candidates: ["853951", "940541", "940542", "940549"] });
  });

  it("says so when the tables point nowhere or nothing is known", () => {
    expect(resolveHsCode("999999", correlations, isKnown)).toEqual({ kind: "nowhere", from: "999999", edition: "2017", targets: ["999999"] });
    expect(resolveHsCode("123456", correlations, isKnown)).toEqual({ kind: "unknown", code: "123456" });
    expect(resolveHsCode("1234", correlations, isKnown)).toEqual({ kind: "unknown", code: "1234" });
    expect(resolveHsCode("852580", correlations, isKnown)).toEqual({ kind: "nowhere", from: "852580", edition: "2017", targets: ["852581", "852589"] });
  });

  it("tells which subheadings mean the same in HS 2012 and HS 2022", () => {
    expect(sameSinceHs2012("620140", correlations)).toBe(false); // 6201.13 and 6201.93 merged into it
    expect(sameSinceHs2012("701919", correlations)).toBe(false); // same number, another meaning
    expect(sameSinceHs2012("940542", correlations)).toBe(false); // not in the 2012 table at all
  });
});
