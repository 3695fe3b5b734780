import { describe, expect, it } from "vitest";
import { ndcgAt, recallAt } from "../relevance/metrics";

const grades = new Map([
  ["a", 2],
  ["b", 2],
  ["c", 1],
]);

describe("nDCG@k", () => {
  it("is 1 for the ideal ranking and 0 when nothing relevant is shown", () => {
    expect(ndcgAt(10, ["a", "b", "c", "x"], grades)).toBeCloseTo(1, 10);
    expect(ndcgAt(10, ["x", "y"], grades)).toBe(0);
    expect(ndcgAt(10, [], grades)).toBe(0);
  });

  it("weighs rank and grade: the exact match first beats the related one first", () => {
    const exactFirst = ndcgAt(10, ["a", "c"], grades);
    const relatedFirst = ndcgAt(10, ["c", "a"], grades);
    expect(exactFirst).toBeGreaterThan(relatedFirst);
    // DCG of [2, 1] = 3/1 + 1/log2(3); ideal [2, 2, 1] = 3 + 3/log2(3) + 1/2.
    expect(exactFirst).toBeCloseTo((3 + 1 / Math.log2(3)) / (3 + 3 / Math.log2(3) + 0.5), 10);
  });

  it("counts a repeated result once and looks only at the first k", () => {
    expect(ndcgAt(10, ["a", "a", "a"], grades)).toBeCloseTo(ndcgAt(10, ["a"], grades), 10);
    expect(ndcgAt(1, ["x", "a"], grades)).toBe(0);
  });
});

describe("recall@k", () => {
  it("divides what was found by min(k, relevant)", () => {
    expect(recallAt(10, ["a", "x", "c"], grades)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(2, ["a", "b"], grades)).toBe(1);
    expect(recallAt(2, ["a", "x", "b"], grades)).toBe(0.5);
  });

  it("is 0 without judged products", () => {
    expect(recallAt(10, ["a"], new Map())).toBe(0);
  });
});
