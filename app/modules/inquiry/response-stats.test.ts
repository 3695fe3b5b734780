import { describe, expect, it } from "vitest";
import { computeResponseStats, describeResponseStats, median } from "./response-stats";

const now = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const thread = (askedHoursAgo: number, answeredAfterHours: number | null) => ({
  createdAt: hoursAgo(askedHoursAgo),
  firstResponseAt: answeredAfterHours === null ? null : hoursAgo(askedHoursAgo - answeredAfterHours),
});

describe("response figures", () => {
  it("takes the median time to the first answer and the share of answered inquiries", () => {
    const stats = computeResponseStats([thread(100, 2), thread(200, 5), thread(300, 30), thread(400, null)], now);
    expect(stats).toEqual({ inquiries: 4, answered: 3, medianResponseMinutes: 300 });
    expect(describeResponseStats(stats)).toEqual({ withinHours: 5, answerRatePercent: 75 });
  });

  it("does not count an unanswered inquiry that is still within the grace period", () => {
    const stats = computeResponseStats([thread(100, 1), thread(3, null)], now);
    expect(stats.inquiries).toBe(1);
    expect(describeResponseStats(stats).answerRatePercent).toBe(100);
  });

  it("counts a recent inquiry once it is answered", () => {
    expect(computeResponseStats([thread(3, 0.5)], now)).toEqual({ inquiries: 1, answered: 1, medianResponseMinutes: 30 });
  });

  it("leaves out inquiries older than the window", () => {
    expect(computeResponseStats([thread(24 * 200, 1)], now).inquiries).toBe(0);
  });

  it("says nothing without inquiries, and rounds a quick answer up to one hour", () => {
    expect(describeResponseStats(computeResponseStats([], now))).toEqual({ withinHours: null, answerRatePercent: null });
    expect(describeResponseStats({ inquiries: 1, answered: 1, medianResponseMinutes: 4 }).withinHours).toBe(1);
  });

  it("computes medians of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
