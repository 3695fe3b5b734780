import { DateTime } from "luxon";

/**
 * When a participant is reminded of a meeting (issue 10), pure: the evening
 * before, at 18:00 on the previous day in the reader's zone (the fair's zone,
 * or a remote buyer's own), and no later than the meeting's start. A meeting
 * that starts before the evening reminder could be sent (placed late) is
 * reminded as soon as the job sees it, until it starts.
 */
export const MEETING_REMINDER_RULES = { eveningHour: 18 } as const;

export function reminderDueAt(startsAt: Date, zone: string, eveningHour: number = MEETING_REMINDER_RULES.eveningHour): Date {
  const local = DateTime.fromJSDate(startsAt, { zone });
  return local.startOf("day").minus({ days: 1 }).set({ hour: eveningHour }).toJSDate();
}

export function isReminderDue(startsAt: Date, zone: string, now: Date): boolean {
  return reminderDueAt(startsAt, zone).getTime() <= now.getTime() && now.getTime() < startsAt.getTime();
}

/** The zone a side reads its meetings in: a remote buyer's own, otherwise the fair's. */
export function readerZone(side: "buyer" | "firm", fairZone: string, registration: { mode: string; timeZone: string } | null): string {
  return side === "buyer" && registration?.mode === "REMOTE" ? registration.timeZone : fairZone;
}
