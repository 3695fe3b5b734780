import { describe, expect, it } from "vitest";
import { gridSchema, gridSlots, parseInterpreters, scheduleInputFrom, type MeetingGrid } from "./grid";
import { buildSchedule } from "./schedule";
import { validateScheduleInput } from "./schedule-input";

const grid: MeetingGrid = {
  days: ["2027-10-21", "2027-10-22"],
  dayFrom: "10:00",
  dayTo: "12:00",
  breaks: [{ from: "11:00", to: "11:15" }],
  slotMinutes: 20,
  tables: 1,
  interpreters: [{ id: "I1", name: "Ana", languages: ["pt", "zh"], from: "10:00", to: "11:00" }],
  maxMeetingsPerFirm: 5,
  maxMeetingsPerBuyer: 5,
};

describe("the meeting grid", () => {
  it("cuts each day into slots in the fair's zone, around the breaks", () => {
    const slots = gridSlots(grid, "Asia/Macau");
    expect(slots.filter((slot) => slot.day === "2027-10-21").map((slot) => slot.id.slice(11))).toEqual(["10:00", "10:20", "10:40", "11:15", "11:35"]);
    expect(slots[0].start).toBe("2027-10-21T10:00:00.000+08:00");
    expect(slots[0].end).toBe("2027-10-21T10:20:00.000+08:00");
    expect(slots).toHaveLength(10);
  });

  it("parses the bureau's form: interpreter lines, breaks, days inside the fair, and names each mistake", () => {
    const schema = gridSchema({ startsOn: "2027-10-21", endsOn: "2027-10-24" });
    const parsed = schema.parse({ days: ["2027-10-22"], dayFrom: "09:00", dayTo: "18:00", breaks: "12:00-13:30", slotMinutes: "20", tables: "30", interpreters: "Ana Lopes; pt zh; 09:00-18:00\n\nLi Wei; zh pt en; 13:00-18:00", maxMeetingsPerFirm: "12", maxMeetingsPerBuyer: "8" });
    expect(parsed.interpreters.map((entry) => entry.id)).toEqual(["I1", "I2"]);
    expect(parsed.breaks).toEqual([{ from: "12:00", to: "13:30" }]);
    const bad = schema.safeParse({ days: ["2027-11-01"], dayFrom: "18:00", dayTo: "09:00", breaks: "lunch", slotMinutes: "0", tables: "-1", interpreters: "Ana; pt; 09:00-18:00", maxMeetingsPerFirm: "12", maxMeetingsPerBuyer: "8" });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining(["meetings:errors.dayOutsideFair", "meetings:errors.tooSmall"]));
    expect(parseInterpreters("Ana; pt; 09:00-18:00\nBo; pt zh; 10:00-09:00\nCé; pt zh; 09:00-12:00").badLines).toEqual([1, 2]);
  });

  it("builds a valid scheduler input from agreed pairs, remote buyers in their hours, interpreters where needed", () => {
    const now = new Date("2027-09-01T00:00:00Z");
    const raw = scheduleInputFrom({
      grid,
      timeZone: "Asia/Macau",
      firms: [{ firmId: "f1", languages: ["zh"] }, { firmId: "f2", languages: ["zh", "pt"] }],
      buyers: [
        { buyerCompanyId: "b1", days: ["2027-10-21"], mode: "IN_PERSON", timeZone: "America/Sao_Paulo", languages: ["pt"], needsInterpreter: true },
        // 10:00 in Macao is 03:00 in Lisbon... and 23:00 the day before in Brasília: a remote buyer there gets no meeting in these hours.
        { buyerCompanyId: "b2", days: ["2027-10-21", "2027-10-22"], mode: "REMOTE", timeZone: "America/Sao_Paulo", languages: ["pt"], needsInterpreter: false },
      ],
      pairs: [
        { id: "r1", firmId: "f1", buyerCompanyId: "b1", buyerAskedAt: now, firmAskedAt: now, matchScore: 80 },
        { id: "r2", firmId: "f2", buyerCompanyId: "b2", buyerAskedAt: now, firmAskedAt: null, matchScore: 50 },
        { id: "r3", firmId: "f2", buyerCompanyId: "gone", buyerAskedAt: now, firmAskedAt: null, matchScore: 50 },
      ],
      locked: [{ requestId: "r1", slotId: "2027-10-21T10:20", table: "T01", interpreterId: "I1" }, { requestId: "r1", slotId: "2027-10-23T10:00", table: null, interpreterId: null }],
    });
    expect(raw.requests.map((request) => request.id)).toEqual(["r1", "r2"]);
    expect(raw.locked).toHaveLength(1);
    const checked = validateScheduleInput(raw);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const out = buildSchedule(checked.input);
    expect(out.meetings).toEqual([{ request: "r1", slot: "2027-10-21T10:20", table: "T01", interpreter: "I1" }]);
    expect(out.unscheduled).toEqual([{ request: "r2", reason: "outsideLocalHours" }]);
  });
});
