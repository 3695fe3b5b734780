import { describe, expect, it } from "vitest";
import { isReminderDue, isSoonReminderDue, readerZone, reminderDueAt, remindersDue, SOON_REMINDER_MINUTES, SOON_REMINDER_TICK_MINUTES } from "./reminders";

describe("a meeting reminder", () => {
  it("is due at 18:00 the evening before, in the reader's zone", () => {
    // 10:00 on 21 October 2027 in Macao (UTC+8) is 02:00 UTC.
    const startsAt = new Date("2027-10-21T02:00:00Z");
    expect(reminderDueAt(startsAt, "Asia/Macau").toISOString()).toBe("2027-10-20T10:00:00.000Z");
    // The same meeting for a remote buyer in Brasília (UTC-3) is 23:00 on the 20th there: reminded at 18:00 on the 19th.
    expect(reminderDueAt(startsAt, "America/Sao_Paulo").toISOString()).toBe("2027-10-19T21:00:00.000Z");
    // Lisbon, summer time until 31 October 2027 (UTC+1): the meeting is at 03:00 on the 21st, reminded at 18:00 on the 20th.
    expect(reminderDueAt(startsAt, "Europe/Lisbon").toISOString()).toBe("2027-10-20T17:00:00.000Z");
  });

  it("is sent between that evening and the meeting's start, never after", () => {
    const startsAt = new Date("2027-10-21T02:00:00Z");
    expect(isReminderDue(startsAt, "Asia/Macau", new Date("2027-10-20T09:59:59Z"))).toBe(false);
    expect(isReminderDue(startsAt, "Asia/Macau", new Date("2027-10-20T10:00:00Z"))).toBe(true);
    expect(isReminderDue(startsAt, "Asia/Macau", new Date("2027-10-21T01:59:00Z"))).toBe(true);
    expect(isReminderDue(startsAt, "Asia/Macau", new Date("2027-10-21T02:00:00Z"))).toBe(false);
  });

  it("is read in a remote buyer's own zone, and in the fair's for everyone else", () => {
    expect(readerZone("buyer", "Asia/Macau", { mode: "REMOTE", timeZone: "Africa/Luanda" })).toBe("Africa/Luanda");
    expect(readerZone("buyer", "Asia/Macau", { mode: "IN_PERSON", timeZone: "Africa/Luanda" })).toBe("Asia/Macau");
    expect(readerZone("buyer", "Asia/Macau", null)).toBe("Asia/Macau");
    expect(readerZone("firm", "Asia/Macau", { mode: "REMOTE", timeZone: "Africa/Luanda" })).toBe("Asia/Macau");
  });
});

describe("the reminder shortly before a meeting", () => {
  const startsAt = new Date("2027-10-21T02:00:00Z");
  it(`is due from ${SOON_REMINDER_MINUTES} minutes before the start until the start, never after`, () => {
    expect(isSoonReminderDue(startsAt, new Date("2027-10-21T01:29:59Z"))).toBe(false);
    expect(isSoonReminderDue(startsAt, new Date("2027-10-21T01:30:00Z"))).toBe(true);
    expect(isSoonReminderDue(startsAt, new Date("2027-10-21T01:59:59Z"))).toBe(true);
    expect(isSoonReminderDue(startsAt, new Date("2027-10-21T02:00:00Z"))).toBe(false);
  });

  it("is the only reminder due in the last half hour; the evening one comes the evening before; a cancelled meeting gets none", () => {
    expect(remindersDue({ startsAt, cancelled: false }, "Asia/Macau", new Date("2027-10-20T10:30:00Z"))).toEqual(["evening"]);
    expect(remindersDue({ startsAt, cancelled: false }, "Asia/Macau", new Date("2027-10-21T01:45:00Z"))).toEqual(["soon"]);
    expect(remindersDue({ startsAt, cancelled: true }, "Asia/Macau", new Date("2027-10-21T01:45:00Z"))).toEqual([]);
    expect(remindersDue({ startsAt, cancelled: false }, "Asia/Macau", new Date("2027-10-21T02:01:00Z"))).toEqual([]);
    // The worker's tick is well inside the lead time, so no meeting slips between two ticks.
    expect(SOON_REMINDER_TICK_MINUTES).toBeLessThan(SOON_REMINDER_MINUTES / 5);
  });
});
