import { describe, expect, it } from "vitest";
import { answerableStages, dueFollowUp, followUpDueAt } from "./followups";

// A meeting at 10:00 Zhongshan time on 22 October 2026 (02:00 UTC).
const startsAt = new Date("2026-10-22T02:00:00Z");
const facts = (extra: Partial<Parameters<typeof dueFollowUp>[0]> = {}) => ({ startsAt, held: true, outcomeUpdatedAt: new Date("2026-10-22T03:00:00Z"), claimedStages: [], ...extra });

describe("followUpDueAt", () => {
  it("falls at 09:00 Zhongshan time, 30, 90 and 180 days after the meeting's day there", () => {
    expect(followUpDueAt(startsAt, 30).toISOString()).toBe("2026-11-21T01:00:00.000Z");
    expect(followUpDueAt(startsAt, 90).toISOString()).toBe("2027-01-20T01:00:00.000Z");
    expect(followUpDueAt(startsAt, 180).toISOString()).toBe("2027-04-20T01:00:00.000Z");
  });

  it("counts from the day in Zhongshan, not in UTC", () => {
    // 23:30 UTC on 21 October is 07:30 on 22 October in Zhongshan.
    expect(followUpDueAt(new Date("2026-10-21T23:30:00Z"), 30).toISOString()).toBe("2026-11-21T01:00:00.000Z");
  });
});

describe("dueFollowUp", () => {
  it("is due from its time until the next stage", () => {
    expect(dueFollowUp(facts(), new Date("2026-11-21T00:59:00Z"))).toBeNull();
    expect(dueFollowUp(facts(), new Date("2026-11-21T01:00:00Z"))).toBe(30);
    expect(dueFollowUp(facts(), new Date("2027-01-19T00:00:00Z"))).toBe(30);
    expect(dueFollowUp(facts(), new Date("2027-01-20T01:00:00Z"))).toBe(90);
    expect(dueFollowUp(facts(), new Date("2027-04-20T01:00:00Z"))).toBe(180);
  });

  it("sends only the latest stage when the job was away: 30 is not sent once 90 is due", () => {
    expect(dueFollowUp(facts(), new Date("2027-02-01T00:00:00Z"))).toBe(90);
    expect(dueFollowUp(facts({ claimedStages: [90] }), new Date("2027-02-01T00:00:00Z"))).toBeNull();
  });

  it("skips a stage already reminded or answered, and one the firm updated the outcome for", () => {
    const at = new Date("2026-11-25T00:00:00Z");
    expect(dueFollowUp(facts({ claimedStages: [30] }), at)).toBeNull();
    expect(dueFollowUp(facts({ outcomeUpdatedAt: new Date("2026-11-21T01:00:00Z") }), at)).toBeNull();
    expect(dueFollowUp(facts({ outcomeUpdatedAt: new Date("2026-11-21T00:59:59Z") }), at)).toBe(30);
    expect(dueFollowUp(facts({ outcomeUpdatedAt: null }), at)).toBe(30);
  });

  it("does not remind meetings that were not held, nor after the record closes", () => {
    expect(dueFollowUp(facts({ held: false }), new Date("2026-11-25T00:00:00Z"))).toBeNull();
    expect(dueFollowUp(facts(), new Date("2027-05-10T02:00:00Z"))).toBeNull();
  });
});

describe("answerableStages", () => {
  it("opens each stage when it falls due", () => {
    expect(answerableStages(startsAt, new Date("2026-11-01T00:00:00Z"))).toEqual([]);
    expect(answerableStages(startsAt, new Date("2026-12-01T00:00:00Z"))).toEqual([30]);
    expect(answerableStages(startsAt, new Date("2027-04-21T00:00:00Z"))).toEqual([30, 90, 180]);
  });
});
