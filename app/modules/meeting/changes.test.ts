import { describe, expect, it } from "vitest";
import { cancelledSequence, changesByParticipant, isMove, placedSequence, type MeetingChange } from "./changes";

describe("changes to a published schedule", () => {
  it("raise the SEQUENCE on cancelling, and again when the meeting is placed after a cancellation", () => {
    expect(cancelledSequence(0)).toBe(1);
    expect(cancelledSequence(3)).toBe(4);
    expect(placedSequence(null)).toBe(0);
    expect(placedSequence({ sequence: 4 })).toBe(5);
    // Always above what calendars last saw.
    for (const sequence of [0, 1, 7]) expect(placedSequence({ sequence: cancelledSequence(sequence) })).toBeGreaterThan(cancelledSequence(sequence));
  });

  it("count as a move only when time or place changes", () => {
    const at = { slotId: "2027-10-21T10:00", table: "T01", interpreterId: null, remote: false };
    expect(isMove(at, { ...at })).toBe(false);
    expect(isMove(at, { ...at, slotId: "2027-10-21T10:20" })).toBe(true);
    expect(isMove(at, { ...at, table: "T02" })).toBe(true);
    expect(isMove(at, { ...at, interpreterId: "I1" })).toBe(true);
    expect(isMove(at, { ...at, table: null, remote: true })).toBe(true);
  });

  it("make one message per participant, however many of their meetings changed, each request counted once with its last state", () => {
    const changes: MeetingChange[] = [
      { requestId: "r1", firmId: "f1", buyerCompanyId: "b1", kind: "moved" },
      { requestId: "r2", firmId: "f1", buyerCompanyId: "b2", kind: "cancelled" },
      { requestId: "r3", firmId: "f1", buyerCompanyId: "b1", kind: "added" },
      { requestId: "r4", firmId: "f2", buyerCompanyId: "b1", kind: "moved" },
      { requestId: "r4", firmId: "f2", buyerCompanyId: "b1", kind: "cancelled" },
    ];
    const { firms, buyers } = changesByParticipant(changes);
    expect([...firms.keys()].sort()).toEqual(["f1", "f2"]);
    expect(firms.get("f1")).toEqual({ added: 1, moved: 1, cancelled: 1 });
    expect(firms.get("f2")).toEqual({ added: 0, moved: 0, cancelled: 1 });
    expect(buyers.get("b1")).toEqual({ added: 1, moved: 1, cancelled: 1 });
    expect(buyers.get("b2")).toEqual({ added: 0, moved: 0, cancelled: 1 });
    expect(changesByParticipant([]).firms.size).toBe(0);
  });
});
