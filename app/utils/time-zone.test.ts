import { describe, expect, it } from "vitest";
import { startOfZhongshanDay } from "./time-zone";

describe("calendar days in Zhongshan", () => {
  it("start at midnight UTC+8 (China has no daylight saving)", () => {
    expect(startOfZhongshanDay("2026-10-22").toISOString()).toBe("2026-10-21T16:00:00.000Z");
    expect(startOfZhongshanDay("2026-07-01").toISOString()).toBe("2026-06-30T16:00:00.000Z");
    expect(startOfZhongshanDay("2024-02-29").toISOString()).toBe("2024-02-28T16:00:00.000Z");
  });
});
