import { describe, expect, it } from "vitest";
import { isValidUscc, normalizeUscc, usccCheckCharacter, usccProblem, withUsccCheck } from "./uscc";

describe("Unified Social Credit Code (GB 32100-2015)", () => {
  // Published codes of well-known companies, as printed on their licences.
  it.each(["914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000802100433B"])("accepts %s", (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it("computes the check character, 31 written as 0", () => {
    expect(usccCheckCharacter("91440300192203821")).toBe("6");
    expect(withUsccCheck("91440300715267260").length).toBe(18);
  });

  it("normalises spaces, dashes and lower case", () => {
    expect(normalizeUscc(" 9144 0300-7152 6726xg ")).toBe("9144030071526726XG");
    expect(isValidUscc("9144 0300 7152 6726xg")).toBe(true);
  });

  it.each([
    ["91440300192203821", "length"],
    ["9144030019220382166", "length"],
    ["91440300192203821I", "characters"],
    ["914403O01922038216", "characters"],
    ["91AB0300192203821X", "division"],
    ["914403001922038217", "checksum"],
  ])("refuses %s (%s)", (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });
});
