import { describe, expect, it } from "vitest";
import { validateScheduleInput, type InputProblem } from "./schedule-input";
import { slotWithinLocalHours } from "./local-hours";

const base = () => ({
  slots: [
    { id: "d1-01", start: "2026-10-22T10:00:00+08:00", end: "2026-10-22T10:20:00+08:00" },
    { id: "d1-02", start: "2026-10-22T10:30:00+08:00", end: "2026-10-22T10:50:00+08:00" },
  ],
  tables: ["T01", "T02"],
  interpreters: [{ id: "I1", languages: ["pt", "zh"], slots: ["d1-01"] }],
  participants: [
    { id: "F001", languages: ["zh"], slots: ["d1-01", "d1-02"], maxMeetings: 1 },
    { id: "B001", languages: ["pt"], slots: ["d1-01", "d1-02"], maxMeetings: 8 },
    { id: "B002", languages: ["zh"], slots: ["d1-01"], maxMeetings: 8 },
  ],
  requests: [
    { id: "R1", a: "F001", b: "B001", weight: 3, remote: false },
    { id: "R2", a: "B002", b: "F001", weight: 1, remote: false },
  ],
  locked: [] as { request: string; slot: string; table: string | null; interpreter: string | null }[],
});

function problems(raw: unknown): InputProblem[] {
  const result = validateScheduleInput(raw);
  return result.ok ? [] : result.problems;
}
const codes = (raw: unknown) => problems(raw).map((problem) => `${problem.path.join(".")}:${problem.code}`);

describe("validateScheduleInput", () => {
  it("accepts the README's kind of input and fills the defaults", () => {
    const result = validateScheduleInput({ ...base(), locked: undefined, interpreters: undefined });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.input.locked).toEqual([]);
  });

  it("names every problem at once, each with its path", () => {
    const input = base();
    input.slots.push({ id: "d1-01", start: "2026-10-22T11:00:00+08:00", end: "2026-10-22T10:59:00+08:00" });
    input.participants.push({ id: "B001", languages: ["en"], slots: ["d1-09"], maxMeetings: 2 });
    input.requests.push(
      { id: "R3", a: "F001", b: "F001", weight: 1, remote: false },
      { id: "R4", a: "F001", b: "X99", weight: 1, remote: false },
      { id: "R5", a: "B001", b: "F001", weight: 2, remote: false },
    );
    input.tables.push("T01");
    expect(codes(input)).toEqual([
      "slots.2.id:duplicateId",
      "tables.2:duplicateId",
      "participants.3.id:duplicateId",
      "slots.2.end:slotEndsBeforeStart",
      "participants.3.slots.0:unknownSlot",
      "requests.2.b:requestToSelf",
      "requests.3.b:unknownParticipant",
      "requests.4:duplicatePair",
    ]);
  });

  it("rejects zero-length and overlapping slots, unknown time zones and empty local hours", () => {
    const input = base();
    input.slots.push({ id: "zero", start: "2026-10-22T12:00:00+08:00", end: "2026-10-22T12:00:00+08:00" });
    input.slots.push({ id: "overlap", start: "2026-10-22T10:10:00+08:00", end: "2026-10-22T10:25:00+08:00" });
    Object.assign(input.participants[1], { timeZone: "America/Brasilia", localHours: { from: "22:00", to: "07:00" } });
    expect(codes(input)).toEqual([
      "slots.2.end:slotHasNoLength",
      "slots.3:slotsOverlap",
      "participants.1.timeZone:unknownTimeZone",
      "participants.1.localHours:localHoursEmpty",
    ]);
  });

  it("reports structural errors from the schema (times without offset, negative weights)", () => {
    const input = base();
    (input.slots[0] as { start: string }).start = "2026-10-22T10:00:00";
    input.requests[0].weight = -1;
    const found = codes(input);
    expect(found).toContain("slots.0.start:invalid:invalid_string");
    expect(found).toContain("requests.0.weight:invalid:too_small");
  });

  it("rejects a locked meeting that breaks a rule, naming each rule", () => {
    const input = base();
    input.locked = [
      // F001 and B001 share no language: an interpreter is required; I1 is off duty in d1-02.
      { request: "R1", slot: "d1-02", table: null, interpreter: "I1" },
      // F001 is already in d1-02 above, its cap is 1; B002 is not available in d1-02.
      { request: "R2", slot: "d1-02", table: "T09", interpreter: "I1" },
      { request: "R7", slot: "d1-07", table: null, interpreter: null },
    ];
    expect(codes(input)).toEqual([
      "locked.0.table:tableRequired",
      "locked.0.interpreter:interpreterUnavailable",
      "locked.1.slot:participantUnavailable",
      "locked.1.slot:participantDoubleBooked",
      "locked.1.request:participantCapExceeded",
      "locked.1.table:unknownTable",
      "locked.1.interpreter:interpreterNotNeeded",
      "locked.1.interpreter:interpreterUnavailable",
      "locked.1.interpreter:interpreterDoubleBooked",
      "locked.2.request:unknownRequest",
      "locked.2.slot:unknownSlot",
    ]);
  });

  it("rejects a locked meeting with a double-booked table, a mismatched interpreter or a remote table", () => {
    const input = base();
    input.participants.push({ id: "B003", languages: ["es"], slots: ["d1-01"], maxMeetings: 2 }, { id: "F002", languages: ["zh"], slots: ["d1-01"], maxMeetings: 2 });
    input.requests.push({ id: "R5", a: "F002", b: "B003", weight: 1, remote: true });
    input.locked = [
      { request: "R1", slot: "d1-01", table: "T01", interpreter: "I1" },
      { request: "R5", slot: "d1-01", table: "T01", interpreter: null },
    ];
    expect(codes(input)).toEqual(["locked.1.table:tableNotAllowed", "locked.1.table:tableDoubleBooked", "locked.1.interpreter:interpreterRequired"]);
    input.locked[1] = { request: "R5", slot: "d1-01", table: null, interpreter: "I1" };
    expect(codes(input)).toEqual(["locked.1.interpreter:interpreterLanguageMismatch", "locked.1.interpreter:interpreterDoubleBooked"]);
  });
});

describe("slotWithinLocalHours", () => {
  it("reads the zone's rules, daylight saving included", () => {
    // 21:00 in Macao: 14:00 in Lisbon on 22 October (summer time, +01:00), 13:00 on 26 October (winter, +00:00).
    expect(slotWithinLocalHours("2026-10-22T21:00:00+08:00", "2026-10-22T21:20:00+08:00", "Europe/Lisbon", { from: "14:00", to: "15:00" })).toBe(true);
    expect(slotWithinLocalHours("2026-10-26T21:00:00+08:00", "2026-10-26T21:20:00+08:00", "Europe/Lisbon", { from: "14:00", to: "15:00" })).toBe(false);
    // 10:00 in Macao is 23:00 the day before in Brasília, outside 07:00–22:00.
    expect(slotWithinLocalHours("2026-10-22T10:00:00+08:00", "2026-10-22T10:20:00+08:00", "America/Sao_Paulo")).toBe(false);
    // A slot ending at local midnight ends at 24:00.
    expect(slotWithinLocalHours("2026-10-22T22:30:00+08:00", "2026-10-22T23:00:00+08:00", "Asia/Dili", { from: "05:00", to: "24:00" })).toBe(true);
  });
});
