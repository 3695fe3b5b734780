import { describe, expect, it } from "vitest";
import { floorPlanText, parseFloorPlan, storedFloorPlan, subsidyCeiling } from "./floor-plan";

describe("the floor plan", () => {
  it("reads one booth a line, whatever the separators, and writes it back the same", () => {
    const { booths, problems } = parseFloorPlan("A1, A, STD\nA2\tA\tstd\n\nb1；b；CORNER", ["STD", "CORNER"]);
    expect(problems).toEqual([]);
    expect(booths).toEqual([
      { number: "A1", zone: "A", boothTypeCode: "STD" },
      { number: "A2", zone: "A", boothTypeCode: "STD" },
      { number: "B1", zone: "B", boothTypeCode: "CORNER" },
    ]);
    expect(parseFloorPlan(floorPlanText(booths), ["STD", "CORNER"]).booths).toEqual(booths);
  });

  it("names each bad line and its problem", () => {
    const { problems } = parseFloorPlan("A1, A, STD\nA1, A, STD\nA2, A, XL\n=cmd|' /C calc'!A0\nA3 A", ["STD"]);
    expect(problems).toEqual([
      { line: 2, code: "duplicate" },
      { line: 3, code: "unknownType" },
      { line: 4, code: "format" },
      { line: 5, code: "format" },
    ]);
    expect(parseFloorPlan("A1 A STD\n".repeat(2_001), ["STD"]).problems).toEqual([{ line: 0, code: "tooMany" }]);
  });

  it("drops stored entries that are not booths", () => {
    expect(storedFloorPlan([{ number: "A1", zone: "A", boothTypeCode: "STD" }, { number: 3 }, null, "x"])).toEqual([{ number: "A1", zone: "A", boothTypeCode: "STD" }]);
    expect(storedFloorPlan({})).toEqual([]);
  });

  it("caps the subsidy at the share of the fee and at the cap per firm", () => {
    expect(subsidyCeiling(18_000, 50, 10_000)).toBe(9_000);
    expect(subsidyCeiling(30_000, 50, 10_000)).toBe(10_000);
    expect(subsidyCeiling(18_000, 0, 10_000)).toBe(0);
  });
});
