import { describe, expect, it } from "vitest";
import { agendaIcs, agendaRows, type AgendaMeeting } from "./agenda";
import { agendaPageRows } from "./agenda.server";

const meeting = (overrides: Partial<AgendaMeeting> = {}): AgendaMeeting => ({
  requestId: "req1",
  startsAt: new Date("2027-10-21T02:00:00Z"), // 10:00 in Macao
  endsAt: new Date("2027-10-21T02:20:00Z"),
  counterpart: "Zhongshan Lighting",
  counterpartZh: "中山照明",
  table: "T01",
  interpreter: null,
  remote: false,
  videoLink: null,
  sequence: 0,
  updatedAt: new Date("2027-09-01T00:00:00Z"),
  ...overrides,
});

describe("an agenda", () => {
  it("shows the fair's time, and a remote participant's own time from the zone's rules", () => {
    const [row] = agendaRows([meeting({ remote: true, startsAt: new Date("2027-10-21T12:00:00Z"), endsAt: new Date("2027-10-21T12:20:00Z") })], { fairZone: "Asia/Macau", ownZone: "America/Sao_Paulo", locale: "pt" });
    expect(row.fairTime).toBe("20:00–20:20");
    expect(row.ownTime).toContain("09:00–09:20");
    expect(row.ownTime).toContain("America/Sao Paulo");
    expect(row.day).toContain("outubro");
    // Lisbon in summer time (WEST, UTC+1) until 31 October 2027.
    const [lisbon] = agendaRows([meeting({ startsAt: new Date("2027-10-21T12:00:00Z"), endsAt: new Date("2027-10-21T12:20:00Z") })], { fairZone: "Asia/Macau", ownZone: "Europe/Lisbon", locale: "pt" });
    expect(lisbon.ownTime).toContain("13:00–13:20");
    expect(agendaRows([meeting()], { fairZone: "Asia/Macau", ownZone: null, locale: "zh-CN" })[0].ownTime).toBeNull();
  });

  it("orders meetings by time", () => {
    const rows = agendaRows([meeting({ requestId: "late", startsAt: new Date("2027-10-21T05:00:00Z"), endsAt: new Date("2027-10-21T05:20:00Z") }), meeting()], { fairZone: "Asia/Macau", ownZone: null, locale: "en" });
    expect(rows.map((row) => row.requestId)).toEqual(["req1", "late"]);
  });

  it("writes an iCalendar file with the fair's zone, stable UIDs, a growing SEQUENCE and cancelled events", () => {
    const options = { name: "MIF 2027", fairZone: "Asia/Macau", summary: (m: AgendaMeeting) => `Meeting: ${m.counterpart}`, location: (m: AgendaMeeting) => m.table ?? "", uidDomain: "ponte.test" };
    const before = agendaIcs([meeting()], options);
    const after = agendaIcs([meeting({ startsAt: new Date("2027-10-21T03:00:00Z"), endsAt: new Date("2027-10-21T03:20:00Z"), updatedAt: new Date("2027-09-02T00:00:00Z"), sequence: 1 })], { ...options, cancelled: [meeting({ requestId: "gone" })] });
    expect(before).toContain("BEGIN:VTIMEZONE");
    expect(before).toContain("DTSTART;TZID=Asia/Macau:20271021T100000");
    expect(before).toContain("UID:req1@ponte.test");
    expect(after).toContain("UID:req1@ponte.test");
    expect(after).toContain("DTSTART;TZID=Asia/Macau:20271021T110000");
    const sequence = (text: string) => Number(/SEQUENCE:(\d+)/.exec(text)?.[1]);
    expect(sequence(after)).toBeGreaterThan(sequence(before));
    expect(after).toMatch(/UID:gone@ponte.test[\s\S]*STATUS:CANCELLED/);
  });
});

describe("an agenda page's rows", () => {
  it("are worded once per agenda read and reading options, and are the pure rows", () => {
    const meetings = [meeting(), meeting({ requestId: "req2", startsAt: new Date("2027-10-21T01:00:00Z"), endsAt: new Date("2027-10-21T01:20:00Z") })];
    const options = { fairZone: "Asia/Macau", ownZone: null, locale: "zh-CN" };
    const first = agendaPageRows(meetings, options);
    expect(first).toEqual(agendaRows(meetings, options));
    expect(agendaPageRows(meetings, { ...options })).toBe(first);
    // Another language, another zone, or a new read of the agenda: worded again.
    expect(agendaPageRows(meetings, { ...options, locale: "pt-BR" })).not.toBe(first);
    expect(agendaPageRows(meetings, { ...options, ownZone: "America/Sao_Paulo" })[0].ownTime).toContain("America/Sao Paulo");
    expect(agendaPageRows([...meetings], options)).not.toBe(first);
  });
});
