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

/**
 * The reminder shortly before each meeting (issue 10, item 5): due from
 * SOON_REMINDER_MINUTES before the start until the start, for meetings that
 * are not cancelled; never once the meeting has started. The worker checks
 * every SOON_REMINDER_TICK_MINUTES, so it goes out 28–30 minutes before.
 */
export const SOON_REMINDER_MINUTES = 30;
export const SOON_REMINDER_TICK_MINUTES = 2;

export type MeetingReminderKind = "evening" | "soon";

export function isSoonReminderDue(startsAt: Date, now: Date, leadMinutes: number = SOON_REMINDER_MINUTES): boolean {
  return startsAt.getTime() - leadMinutes * 60_000 <= now.getTime() && now.getTime() < startsAt.getTime();
}

/** The reminders due at `now` for one side of one meeting (a cancelled meeting gets none). */
export function remindersDue(meeting: { startsAt: Date; cancelled: boolean }, zone: string, now: Date): MeetingReminderKind[] {
  if (meeting.cancelled) return [];
  const due: MeetingReminderKind[] = [];
  if (isSoonReminderDue(meeting.startsAt, now)) due.push("soon");
  // The evening reminder would tell nothing the shortly-before one does not: a meeting placed late gets only the latter.
  else if (isReminderDue(meeting.startsAt, zone, now)) due.push("evening");
  return due;
}

/** The zone a side reads its meetings in: a remote buyer's own, otherwise the fair's. */
export function readerZone(side: "buyer" | "firm", fairZone: string, registration: { mode: string; timeZone: string } | null): string {
  return side === "buyer" && registration?.mode === "REMOTE" ? registration.timeZone : fairZone;
}
