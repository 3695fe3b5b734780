import { describe, expect, it } from "vitest";
import { buildSchedule, type ScheduleOutput } from "./schedule";
import { checkSchedule } from "./schedule-check";
import { validateScheduleInput, type ScheduleInput, type ScheduleInputRaw } from "./schedule-input";

/** A day of half-hour slots at the fair (Macao time), d1-01 at 09:00. */
function slots(count: number, firstHour = 9) {
  return Array.from({ length: count }, (_, k) => {
    const minutes = firstHour * 60 + k * 30;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return { id: `d1-${String(k + 1).padStart(2, "0")}`, start: `2026-10-22T${hhmm(minutes)}:00+08:00`, end: `2026-10-22T${hhmm(minutes + 20)}:00+08:00` };
  });
}

function person(id: string, languages: string[], slotIds: string[], maxMeetings = 10, extra: Partial<ScheduleInput["participants"][number]> = {}) {
  return { id, languages, slots: slotIds, maxMeetings, ...extra };
}

function valid(raw: ScheduleInputRaw): ScheduleInput {
  const result = validateScheduleInput(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.input;
}

function run(raw: ScheduleInputRaw): { input: ScheduleInput; output: ScheduleOutput } {
  const input = valid(raw);
  const output = buildSchedule(input);
  expect(checkSchedule(input, output)).toEqual([]);
  return { input, output };
}

const reasonOf = (output: ScheduleOutput, request: string) => output.unscheduled.find((row) => row.request === request)?.reason;
const meetingOf = (output: ScheduleOutput, request: string) => output.meetings.find((row) => row.request === request);

describe("buildSchedule rules", () => {
  it("places a meeting in a slot where both sides are available, with a table and no interpreter when they share a language", () => {
    const grid = slots(3);
    const { output } = run({
      slots: grid,
      tables: ["T01"],
      participants: [person("F1", ["zh", "en"], ["d1-01", "d1-02"]), person("B1", ["en"], ["d1-02", "d1-03"])],
      requests: [{ id: "R1", a: "F1", b: "B1", weight: 2, remote: false }],
    });
    expect(output.meetings).toEqual([{ request: "R1", slot: "d1-02", table: "T01", interpreter: null }]);
    expect(output.weight).toBe(2);
    expect(output.unscheduled).toEqual([]);
  });

  it("gives a remote meeting no table, even with none to give", () => {
    const { output } = run({
      slots: slots(1),
      tables: [],
      participants: [person("F1", ["zh", "en"], ["d1-01"]), person("B1", ["en"], ["d1-01"])],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: true },
      ],
    });
    expect(meetingOf(output, "R1")).toEqual({ request: "R1", slot: "d1-01", table: null, interpreter: null });
  });

  it("sends an interpreter who speaks a language of each side, only where the sides share none", () => {
    const { output } = run({
      slots: slots(1),
      tables: ["T01", "T02"],
      interpreters: [
        { id: "I-es", languages: ["zh", "es"], slots: ["d1-01"] },
        { id: "I-pt", languages: ["pt", "zh"], slots: ["d1-01"] },
      ],
      participants: [person("F1", ["zh"], ["d1-01"]), person("B1", ["pt"], ["d1-01"]), person("F2", ["zh", "en"], ["d1-01"]), person("B2", ["en"], ["d1-01"])],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: false },
        { id: "R2", a: "F2", b: "B2", weight: 1, remote: false },
      ],
    });
    expect(meetingOf(output, "R1")?.interpreter).toBe("I-pt");
    expect(meetingOf(output, "R2")?.interpreter).toBeNull();
  });

  it("never puts a participant, a table or an interpreter in two meetings of one slot", () => {
    const { output } = run({
      slots: slots(2),
      tables: ["T01"],
      interpreters: [{ id: "I1", languages: ["pt", "zh"], slots: ["d1-01", "d1-02"] }],
      participants: [person("F1", ["zh"], ["d1-01", "d1-02"]), person("F2", ["zh"], ["d1-01", "d1-02"]), person("B1", ["pt"], ["d1-01", "d1-02"]), person("B2", ["pt"], ["d1-01", "d1-02"])],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: false },
        { id: "R2", a: "F2", b: "B2", weight: 1, remote: false },
        { id: "R3", a: "F1", b: "B2", weight: 1, remote: false },
      ],
    });
    expect(output.meetings).toHaveLength(2);
    expect(new Set(output.meetings.map((meeting) => meeting.slot)).size).toBe(2);
    expect(reasonOf(output, "R1") ?? reasonOf(output, "R2") ?? reasonOf(output, "R3")).toBeDefined();
  });

  it("keeps everyone within maxMeetings, favouring the heavier requests", () => {
    const { output } = run({
      slots: slots(4),
      tables: ["T01", "T02", "T03"],
      participants: [person("F1", ["en"], ["d1-01", "d1-02", "d1-03", "d1-04"], 2), ...["B1", "B2", "B3"].map((id) => person(id, ["en"], ["d1-01", "d1-02", "d1-03", "d1-04"]))],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: false },
        { id: "R2", a: "F1", b: "B2", weight: 5, remote: false },
        { id: "R3", a: "B3", b: "F1", weight: 3, remote: false },
      ],
    });
    expect(output.meetings.map((meeting) => meeting.request).sort()).toEqual(["R2", "R3"]);
    expect(output.weight).toBe(8);
    expect(reasonOf(output, "R1")).toBe("participantCap");
  });

  it("puts remote meetings inside the remote side's local hours (luxon time zones), never at 3 a.m.", () => {
    // 10:00 in Macao is 23:00 the day before in Brasília; 20:00 in Macao is 09:00 there.
    const grid = [
      { id: "morning", start: "2026-10-22T10:00:00+08:00", end: "2026-10-22T10:20:00+08:00" },
      { id: "evening", start: "2026-10-22T20:00:00+08:00", end: "2026-10-22T20:20:00+08:00" },
    ];
    const { output } = run({
      slots: grid,
      tables: [],
      participants: [
        person("F1", ["zh", "pt"], ["morning", "evening"]),
        person("B1", ["pt"], ["morning", "evening"], 10, { timeZone: "America/Sao_Paulo" }),
        person("F2", ["zh", "pt"], ["morning"]),
        person("B2", ["pt"], ["morning"], 10, { timeZone: "America/Sao_Paulo" }),
        person("F3", ["zh", "pt"], ["morning"]),
        person("B3", ["pt"], ["morning"], 10, { timeZone: "America/Sao_Paulo", localHours: { from: "22:00", to: "24:00" } }),
      ],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: true },
        { id: "R2", a: "F2", b: "B2", weight: 1, remote: true },
        { id: "R3", a: "F3", b: "B3", weight: 1, remote: true },
      ],
    });
    expect(meetingOf(output, "R1")?.slot).toBe("evening");
    expect(reasonOf(output, "R2")).toBe("outsideLocalHours");
    expect(meetingOf(output, "R3")?.slot).toBe("morning");
  });

  it("keeps locked meetings exactly as given and schedules around them", () => {
    const { output } = run({
      slots: slots(2),
      tables: ["T01", "T02"],
      participants: [person("F1", ["en"], ["d1-01", "d1-02"]), person("B1", ["en"], ["d1-01", "d1-02"]), person("B2", ["en"], ["d1-01"])],
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 1, remote: false },
        { id: "R2", a: "F1", b: "B2", weight: 9, remote: false },
      ],
      locked: [{ request: "R1", slot: "d1-01", table: "T02", interpreter: null }],
    });
    expect(meetingOf(output, "R1")).toEqual({ request: "R1", slot: "d1-01", table: "T02", interpreter: null });
    // The heavier R2 could only meet in d1-01, which the locked meeting holds.
    expect(reasonOf(output, "R2")).toBe("noCommonFreeSlot");
  });
});

describe("buildSchedule explanations", () => {
  it("names why each request was left out", () => {
    const { output } = run({
      slots: slots(2),
      tables: ["T01"],
      interpreters: [{ id: "I1", languages: ["zh", "pt"], slots: ["d1-01"] }],
      participants: [
        person("F1", ["zh"], ["d1-01"]),
        person("B1", ["pt"], ["d1-02"]),
        person("B2", ["es"], ["d1-01"]),
        person("F2", ["zh"], ["d1-01"]),
        person("B3", ["pt"], ["d1-01"]),
        person("B4", ["pt"], ["d1-01"]),
        person("F3", ["en"], ["d1-01", "d1-02"]),
        person("B5", ["en"], ["d1-02"], 0),
        person("F4", ["zh"], ["d1-02"]),
        person("B6", ["pt"], ["d1-02"]),
      ],
      requests: [
        { id: "noCommon", a: "F1", b: "B1", weight: 1, remote: false },
        { id: "noBridge", a: "F1", b: "B2", weight: 1, remote: false },
        { id: "placed", a: "F2", b: "B3", weight: 5, remote: true },
        { id: "poolFull", a: "F1", b: "B4", weight: 1, remote: true },
        { id: "capped", a: "F3", b: "B5", weight: 1, remote: false },
        { id: "noDuty", a: "F4", b: "B6", weight: 1, remote: false },
      ],
    });
    expect(meetingOf(output, "placed")?.interpreter).toBe("I1");
    expect(reasonOf(output, "noCommon")).toBe("noCommonSlot");
    expect(reasonOf(output, "noBridge")).toBe("noInterpreterSpeaksBoth");
    expect(reasonOf(output, "poolFull")).toBe("interpreterPoolFull");
    expect(reasonOf(output, "capped")).toBe("participantCap");
    expect(reasonOf(output, "noDuty")).toBe("noInterpreterAvailable");
  });

  it("says noTable when the tables are taken or there are none", () => {
    const { output } = run({
      slots: slots(1),
      tables: ["T01"],
      participants: ["F1", "F2", "B1", "B2"].map((id) => person(id, ["en"], ["d1-01"])),
      requests: [
        { id: "R1", a: "F1", b: "B1", weight: 2, remote: false },
        { id: "R2", a: "F2", b: "B2", weight: 1, remote: false },
      ],
    });
    expect(reasonOf(output, "R2")).toBe("noTable");
  });
});

describe("buildSchedule determinism and fairness", () => {
  const crowded = (): ScheduleInputRaw => ({
    slots: slots(6),
    tables: ["T01", "T02", "T03"],
    participants: [
      ...["F1", "F2", "F3"].map((id) => person(id, ["en"], slots(6).map((slot) => slot.id), 6)),
      ...["B1", "B2", "B3", "B4"].map((id) => person(id, ["en"], slots(6).map((slot) => slot.id), 6)),
    ],
    requests: ["F1", "F2", "F3"].flatMap((f, i) => ["B1", "B2", "B3", "B4"].map((b, j) => ({ id: `R${i}${j}`, a: f, b, weight: 1 + ((i + j) % 3), remote: false }))),
  });

  it("gives the same schedule for the same input, every time", () => {
    const input = valid(crowded());
    const first = JSON.stringify(buildSchedule(input));
    for (let k = 0; k < 3; k++) expect(JSON.stringify(buildSchedule(input))).toBe(first);
  });

  it("does not leave a participant with none while another has several, when a swap fixes it", () => {
    // B1's one request is lighter than F1's others; F1 (cap 2) would take the heavy two.
    const all = ["d1-01", "d1-02", "d1-03"];
    const raw: ScheduleInputRaw = {
      slots: slots(3),
      tables: ["T01", "T02", "T03"],
      participants: [person("F1", ["en"], all, 2), person("B1", ["en"], all), person("B2", ["en"], all), person("B3", ["en"], all), person("F2", ["en"], all)],
      requests: [
        { id: "light", a: "B1", b: "F1", weight: 1, remote: false },
        { id: "heavy1", a: "B2", b: "F1", weight: 5, remote: false },
        { id: "heavy2", a: "B3", b: "F1", weight: 5, remote: false },
        { id: "other", a: "B3", b: "F2", weight: 1, remote: false },
      ],
    };
    const input = valid(raw);
    const weightOnly = buildSchedule(input, { fairness: false });
    expect(reasonOf(weightOnly, "light")).toBe("participantCap");
    const { output } = run(raw);
    expect(meetingOf(output, "light")).toBeDefined();
    // B3 keeps a meeting: the swap displaced heavy2 (B3 has "other"), not heavy1 (B2's only one).
    expect(meetingOf(output, "heavy1")).toBeDefined();
    expect(meetingOf(output, "other")).toBeDefined();
    expect(output.weight).toBe(7);
  });

  it("does not swap when it would leave another participant with none", () => {
    const all = ["d1-01"];
    const { output } = run({
      slots: slots(1),
      tables: ["T01"],
      participants: [person("F1", ["en"], all), person("B1", ["en"], all), person("F2", ["en"], all), person("B2", ["en"], all)],
      requests: [
        { id: "kept", a: "F1", b: "B1", weight: 3, remote: false },
        { id: "left", a: "F2", b: "B2", weight: 1, remote: false },
      ],
    });
    expect(meetingOf(output, "kept")).toBeDefined();
    expect(reasonOf(output, "left")).toBe("noTable");
  });
});
