import { describe, expect, it } from "vitest";
import {
  attendanceFigures,
  cancellationOutcome,
  capacityProblem,
  checkSessionTimes,
  localInputValue,
  materialChanges,
  promotable,
  registrationOutcome,
  reminderDue,
  sessionCalendar,
  sessionTimeText,
  waitlistOutcome,
  zonedInstant,
} from "./session";

const now = new Date("2026-12-04T06:00:00Z");
const startsAt = new Date("2026-12-10T06:00:00Z"); // 14:00 in Zhongshan

describe("session times", () => {
  it("read a typed time as Zhongshan's clock and store it in UTC", () => {
    expect(zonedInstant("2026-12-10T14:00")?.toISOString()).toBe("2026-12-10T06:00:00.000Z");
    expect(localInputValue(new Date("2026-12-10T06:00:00Z"))).toBe("2026-12-10T14:00");
    expect(zonedInstant("2026-13-10T14:00")).toBeNull();
    expect(zonedInstant("10/12/2026 14:00")).toBeNull();
  });

  it("refuse a start in the past, an end before the start, and a session over 12 hours", () => {
    expect(checkSessionTimes({ startsAt, endsAt: new Date("2026-12-10T08:00:00Z"), now })).toBeNull();
    expect(checkSessionTimes({ startsAt: new Date("2026-12-01T06:00:00Z"), endsAt: startsAt, now })?.problem).toBe("startsPast");
    expect(checkSessionTimes({ startsAt, endsAt: startsAt, now })).toEqual({ problem: "endsBeforeStart", field: "endsAt" });
    expect(checkSessionTimes({ startsAt, endsAt: new Date("2026-12-10T18:01:00Z"), now })?.problem).toBe("tooLong");
  });

  it("are shown on Zhongshan's clock in the reader's language with the zone named", () => {
    const text = sessionTimeText(startsAt, new Date("2026-12-10T08:00:00Z"), "en");
    expect(text).toContain("Dec 10, 2026");
    expect(text).toContain("2:00");
    expect(text).toContain("4:00");
    expect(text).toContain("(Asia/Shanghai)");
    expect(sessionTimeText(startsAt, new Date("2026-12-10T08:00:00Z"), "zh-CN")).toContain("2026年12月10日");
  });
});

describe("registration", () => {
  it("accepts exactly the capacity", () => {
    expect(registrationOutcome({ capacity: 2, taken: 0, current: null, startsAt, now })).toBe("registered");
    expect(registrationOutcome({ capacity: 2, taken: 1, current: "CANCELLED", startsAt, now })).toBe("registered");
    expect(registrationOutcome({ capacity: 2, taken: 2, current: null, startsAt, now })).toBe("full");
    expect(registrationOutcome({ capacity: 2, taken: 2, current: "REGISTERED", startsAt, now })).toBe("already");
  });

  it("closes when the session starts, for registering and cancelling", () => {
    expect(registrationOutcome({ capacity: 5, taken: 0, current: null, startsAt, now: startsAt })).toBe("closed");
    expect(cancellationOutcome({ current: "REGISTERED", startsAt, now: startsAt })).toBe("closed");
    expect(cancellationOutcome({ current: "REGISTERED", startsAt, now })).toBe("cancelled");
    expect(cancellationOutcome({ current: "CANCELLED", startsAt, now })).toBe("notRegistered");
    expect(cancellationOutcome({ current: null, startsAt, now })).toBe("notRegistered");
  });
});

describe("the waitlist and the bureau's changes", () => {
  it("lets a firm wait when the session is full, and seats it at once when a seat is free", () => {
    expect(waitlistOutcome({ capacity: 2, taken: 2, current: null, startsAt, now })).toBe("waitlisted");
    expect(waitlistOutcome({ capacity: 2, taken: 2, current: "CANCELLED", startsAt, now })).toBe("waitlisted");
    expect(waitlistOutcome({ capacity: 2, taken: 1, current: null, startsAt, now })).toBe("registered");
    expect(waitlistOutcome({ capacity: 2, taken: 2, current: "WAITLISTED", startsAt, now })).toBe("alreadyWaiting");
    expect(waitlistOutcome({ capacity: 2, taken: 1, current: "REGISTERED", startsAt, now })).toBe("already");
    expect(waitlistOutcome({ capacity: 2, taken: 2, current: null, startsAt, now: startsAt })).toBe("closed");
    expect(cancellationOutcome({ current: "WAITLISTED", startsAt, now })).toBe("cancelled");
  });

  it("promotes as many waiting firms as seats are free, never more", () => {
    expect(promotable({ capacity: 3, taken: 3, waiting: 4 })).toBe(0);
    expect(promotable({ capacity: 3, taken: 2, waiting: 4 })).toBe(1);
    expect(promotable({ capacity: 6, taken: 2, waiting: 2 })).toBe(2);
    expect(promotable({ capacity: 2, taken: 3, waiting: 1 })).toBe(0);
  });

  it("refuses seats below the firms registered", () => {
    expect(capacityProblem({ capacity: 2, registered: 3 })).toBe("belowRegistered");
    expect(capacityProblem({ capacity: 3, registered: 3 })).toBeNull();
  });

  it("names the changes firms must hear of", () => {
    const before = { title: "A", startsAt, endsAt: new Date("2026-12-10T08:00:00Z"), place: "Room 3", videoLink: null };
    expect(materialChanges(before, { ...before })).toEqual([]);
    expect(materialChanges(before, { ...before, endsAt: new Date("2026-12-10T09:00:00Z"), place: "Room 4" })).toEqual(["time", "place"]);
    expect(materialChanges(before, { ...before, title: "B", videoLink: "https://x.test" })).toEqual(["title", "videoLink"]);
  });
});

describe("reminders and attendance", () => {
  it("remind once, within the day before the start", () => {
    expect(reminderDue({ startsAt, remindedAt: null, now })).toBe(false);
    expect(reminderDue({ startsAt, remindedAt: null, now: new Date("2026-12-09T07:00:00Z") })).toBe(true);
    expect(reminderDue({ startsAt, remindedAt: new Date("2026-12-09T07:00:00Z"), now: new Date("2026-12-09T08:00:00Z") })).toBe(false);
    expect(reminderDue({ startsAt, remindedAt: null, now: new Date("2026-12-10T07:00:00Z") })).toBe(false);
  });

  it("count the attended among the recorded", () => {
    expect(attendanceFigures([{ attended: true }, { attended: false }, { attended: null }, { attended: true }])).toEqual({ registered: 4, attended: 2, absent: 1, unrecorded: 1, rate: 2 / 3 });
    expect(attendanceFigures([]).rate).toBeNull();
  });
});

describe("the calendar entry", () => {
  it("has the event in Zhongshan's zone with a stable UID and the video link", () => {
    const session = { id: "s1", title: "直播带货培训", description: "Line one", startsAt, endsAt: new Date("2026-12-10T08:00:00Z"), place: null, videoLink: "https://meet.example/x", updatedAt: now };
    const ics = sessionCalendar(session, { uidDomain: "ponte.test" });
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain("DTSTART;TZID=Asia/Shanghai:20261210T140000");
    expect(ics).toContain("DTEND;TZID=Asia/Shanghai:20261210T160000");
    expect(ics).toContain("UID:training-s1@ponte.test");
    expect(ics).toContain("URL;VALUE=URI:https://meet.example/x");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(sessionCalendar(session, { uidDomain: "ponte.test", cancelled: true })).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:0");
    expect(sessionCalendar({ ...session, sequence: 2 }, { uidDomain: "ponte.test" })).toContain("SEQUENCE:2");
  });
});
