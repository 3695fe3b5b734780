import { describe, expect, it } from "vitest";
import { firstAnswerDue, slaState } from "./sla";

// Zhongshan is UTC+8 all year.
describe("the first-answer deadline", () => {
  it("is two working days later at the same time of day", () => {
    // Monday 10:00 in Zhongshan → Wednesday 10:00.
    expect(firstAnswerDue(new Date("2026-12-07T02:00:00Z")).toISOString()).toBe("2026-12-09T02:00:00.000Z");
  });

  it("skips the weekend", () => {
    // Thursday 15:00 → Monday 15:00.
    expect(firstAnswerDue(new Date("2026-12-10T07:00:00Z")).toISOString()).toBe("2026-12-14T07:00:00.000Z");
  });

  it("counts a weekend problem from Monday 09:00 Zhongshan time", () => {
    // Saturday 23:30 → counted from Monday 09:00 → Wednesday 09:00 (01:00 UTC).
    expect(firstAnswerDue(new Date("2026-12-12T15:30:00Z")).toISOString()).toBe("2026-12-16T01:00:00.000Z");
  });

  it("uses Zhongshan's day, not UTC's", () => {
    // Friday 20:00 UTC is already Saturday 04:00 in Zhongshan.
    expect(firstAnswerDue(new Date("2026-12-11T20:00:00Z")).toISOString()).toBe("2026-12-16T01:00:00.000Z");
  });

  it("says whether the deadline was met, missed, is pending or overdue", () => {
    const due = new Date("2026-12-09T02:00:00Z");
    expect(slaState({ firstAnswerDueAt: due, firstAnsweredAt: new Date("2026-12-08T00:00:00Z") }, new Date("2026-12-20"))).toBe("met");
    expect(slaState({ firstAnswerDueAt: due, firstAnsweredAt: new Date("2026-12-09T03:00:00Z") }, new Date("2026-12-20"))).toBe("missed");
    expect(slaState({ firstAnswerDueAt: due, firstAnsweredAt: null }, new Date("2026-12-08T00:00:00Z"))).toBe("pending");
    expect(slaState({ firstAnswerDueAt: due, firstAnsweredAt: null }, new Date("2026-12-09T02:00:01Z"))).toBe("overdue");
  });
});
