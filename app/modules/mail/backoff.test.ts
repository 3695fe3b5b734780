import { describe, expect, it } from "vitest";
import { mailBackoffMs } from "./backoff";

describe("mail retry backoff", () => {
  it("doubles from 30 seconds and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(mailBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mailBackoffMs(9)).toBe(60 * 60 * 1000);
    expect(mailBackoffMs(30)).toBe(60 * 60 * 1000);
  });
});
