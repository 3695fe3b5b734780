import { describe, expect, it } from "vitest";
import { boothTypesOf, expectedSubsidy } from "./subsidy";

describe("the subsidy a firm can expect", () => {
  it("is the city's share of the booth fee, held to the cap", () => {
    expect(expectedSubsidy(18_000, 50, 10_000)).toBe(9_000);
    expect(expectedSubsidy(30_000, 50, 10_000)).toBe(10_000);
    expect(expectedSubsidy(18_000, 0, 10_000)).toBe(0);
    expect(expectedSubsidy(18_000, 50, 0)).toBe(9_000);
    expect(expectedSubsidy(333.33, 33.33, 1_000)).toBe(111.1);
  });

  it("reads the call's booth types and drops what is not one", () => {
    expect(boothTypesOf([{ code: "STD", name: "Standard", widthM: "3", depthM: 3, feeCny: 18000 }, null, { name: "no code" }, 7])).toEqual([
      { code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 },
    ]);
    expect(boothTypesOf("nonsense")).toEqual([]);
  });
});
