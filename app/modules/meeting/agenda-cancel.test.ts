import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { agendaIcs, type AgendaMeeting } from "./agenda";

const meeting = (requestId: string, sequence: number): AgendaMeeting => ({
  requestId,
  startsAt: new Date("2027-10-21T02:00:00Z"),
  endsAt: new Date("2027-10-21T02:20:00Z"),
  counterpart: "Zhongshan Lighting",
  counterpartZh: "中山照明",
  table: "T01",
  interpreter: null,
  remote: false,
  videoLink: null,
  sequence,
  updatedAt: new Date("2027-09-01T00:00:00Z"),
});

describe("a calendar with a cancelled meeting", () => {
  it("sends it as CANCELLED under its UID with its SEQUENCE, beside the confirmed ones, and a parser reads both", () => {
    const text = agendaIcs([meeting("kept", 0)], { name: "MIF", fairZone: "Asia/Macau", summary: (m) => `Meeting with ${m.counterpart}`, location: () => "Table T01", uidDomain: "meetings.ponte", cancelled: [meeting("gone", 3)] });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    const byUid = new Map(events.map((event) => [String(event.getFirstPropertyValue("uid")), event]));
    expect([...byUid.keys()].sort()).toEqual(["gone@meetings.ponte", "kept@meetings.ponte"]);
    expect(byUid.get("gone@meetings.ponte")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(Number(byUid.get("gone@meetings.ponte")!.getFirstPropertyValue("sequence"))).toBe(3);
    expect(byUid.get("kept@meetings.ponte")!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(byUid.get("gone@meetings.ponte")!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Macau");
  });
});
