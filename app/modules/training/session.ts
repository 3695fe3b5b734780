import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { DateTime } from "luxon";
import { ZHONGSHAN_TIME_ZONE } from "~/utils/time-zone";

/**
 * Training sessions of the bureau (issue 11), pure: times typed as
 * Zhongshan's wall clock and stored in UTC, the registration and
 * cancellation decisions (taken under the session's lock by the service),
 * when registrants are reminded, attendance figures, and the session as an
 * iCalendar entry. No I/O here.
 */
export const TRAINING_ZONE = ZHONGSHAN_TIME_ZONE;
/** Registrants are reminded once, this long before the start. */
export const REMINDER_LEAD_HOURS = 24;
export const MAX_SESSION_HOURS = 12;

/** A `datetime-local` value ("2026-12-10T14:00") read as Zhongshan's clock; null when it is not a real time there. */
export function zonedInstant(local: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const when = DateTime.fromISO(local, { zone: TRAINING_ZONE });
  return when.isValid ? when.toUTC().toJSDate() : null;
}

/** The `datetime-local` value of an instant on Zhongshan's clock (for the form). */
export function localInputValue(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TRAINING_ZONE }).toFormat("yyyy-LL-dd'T'HH:mm");
}

export type SessionTimeProblem = "startsPast" | "endsBeforeStart" | "tooLong";

/** What is wrong with a session's times, if anything. */
export function checkSessionTimes(input: { startsAt: Date; endsAt: Date; now: Date }): { problem: SessionTimeProblem; field: "startsAt" | "endsAt" } | null {
  if (input.startsAt <= input.now) return { problem: "startsPast", field: "startsAt" };
  if (input.endsAt <= input.startsAt) return { problem: "endsBeforeStart", field: "endsAt" };
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_SESSION_HOURS * 3_600_000) return { problem: "tooLong", field: "endsAt" };
  return null;
}

export type RegistrationState = "REGISTERED" | "CANCELLED" | "WAITLISTED" | null;

/**
 * Whether a firm's registration is accepted, given the seats taken by the
 * others: exactly `capacity` firms hold a seat at any time.
 */
export function registrationOutcome(input: { capacity: number; taken: number; current: RegistrationState; startsAt: Date; now: Date }): "registered" | "already" | "full" | "closed" {
  if (input.current === "REGISTERED") return "already";
  if (input.startsAt <= input.now) return "closed";
  if (input.taken >= input.capacity) return "full";
  return "registered";
}

/**
 * A firm asks to wait for a seat: it takes one at once when a seat is free,
 * waits when the session is full.
 */
export function waitlistOutcome(input: { capacity: number; taken: number; current: RegistrationState; startsAt: Date; now: Date }): "registered" | "waitlisted" | "already" | "alreadyWaiting" | "closed" {
  if (input.current === "WAITLISTED") return "alreadyWaiting";
  const outcome = registrationOutcome(input);
  return outcome === "full" ? "waitlisted" : outcome;
}

/** How many waiting firms take a seat: as many as seats are free, in the order they joined. */
export function promotable(input: { capacity: number; taken: number; waiting: number }): number {
  return Math.max(0, Math.min(input.waiting, input.capacity - input.taken));
}

/** The bureau may not lower the seats below the firms already holding one. */
export function capacityProblem(input: { capacity: number; registered: number }): "belowRegistered" | null {
  return input.capacity < input.registered ? "belowRegistered" : null;
}

export interface SessionFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoLink: string | null;
}

/** What changed in an edit that registered firms must hear of (and their calendar entry's SEQUENCE is raised for). */
export function materialChanges(before: SessionFacts, after: SessionFacts): ("title" | "time" | "place" | "videoLink")[] {
  const changes: ("title" | "time" | "place" | "videoLink")[] = [];
  if (before.title !== after.title) changes.push("title");
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push("time");
  if ((before.place ?? null) !== (after.place ?? null)) changes.push("place");
  if ((before.videoLink ?? null) !== (after.videoLink ?? null)) changes.push("videoLink");
  return changes;
}

/** Whether a firm may give its seat (or its place on the waitlist) back (before the session starts). */
export function cancellationOutcome(input: { current: RegistrationState; startsAt: Date; now: Date }): "cancelled" | "notRegistered" | "closed" {
  if (input.current !== "REGISTERED" && input.current !== "WAITLISTED") return "notRegistered";
  if (input.startsAt <= input.now) return "closed";
  return "cancelled";
}

export const seatsLeft = (capacity: number, taken: number) => Math.max(0, capacity - taken);

/** Registrants get one reminder, within the lead time before the start. */
export function reminderDue(input: { startsAt: Date; remindedAt: Date | null; now: Date }): boolean {
  if (input.remindedAt) return false;
  const until = input.startsAt.getTime() - input.now.getTime();
  return until > 0 && until <= REMINDER_LEAD_HOURS * 3_600_000;
}

/** Attendance of a session: of the firms registered, how many the bureau recorded as present, absent, or not yet. */
export function attendanceFigures(registrations: { attended: boolean | null }[]) {
  const attended = registrations.filter((row) => row.attended === true).length;
  const absent = registrations.filter((row) => row.attended === false).length;
  const recorded = attended + absent;
  return { registered: registrations.length, attended, absent, unrecorded: registrations.length - recorded, rate: recorded ? attended / recorded : null };
}

/** The session's time on Zhongshan's clock, in the reader's language, with the zone named. */
export function sessionTimeText(startsAt: Date, endsAt: Date, locale: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone: TRAINING_ZONE }).setLocale(locale);
  const end = DateTime.fromJSDate(endsAt, { zone: TRAINING_ZONE }).setLocale(locale);
  const sameDay = start.hasSame(end, "day");
  const endText = sameDay ? end.toLocaleString(DateTime.TIME_SIMPLE) : end.toLocaleString(DateTime.DATETIME_MED);
  return `${start.toLocaleString(DateTime.DATETIME_MED)} – ${endText} (${TRAINING_ZONE})`;
}

export interface CalendarSession {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoLink: string | null;
  updatedAt: Date;
  /** Raised at every change the firms were told of (iCalendar SEQUENCE). */
  sequence?: number;
}

/**
 * A session as an iCalendar file: the event in Zhongshan's zone (TZID with
 * its VTIMEZONE), a UID stable across edits with a SEQUENCE raised at each
 * change, CANCELLED when the firm gave its seat back or the bureau cancelled
 * the session.
 */
export function sessionCalendar(session: CalendarSession, options: { uidDomain: string; cancelled?: boolean }): string {
  const calendar = ical({ name: session.title, prodId: { company: "Ponte", product: "training", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  calendar.timezone({ name: TRAINING_ZONE, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  calendar.createEvent({
    id: `training-${session.id}@${options.uidDomain}`,
    start: DateTime.fromJSDate(session.startsAt, { zone: TRAINING_ZONE }),
    end: DateTime.fromJSDate(session.endsAt, { zone: TRAINING_ZONE }),
    timezone: TRAINING_ZONE,
    summary: session.title,
    description: session.description || null,
    location: session.place ?? session.videoLink ?? null,
    url: session.videoLink,
    status: options.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: DateTime.fromJSDate(session.updatedAt, { zone: "utc" }),
    sequence: session.sequence ?? 0,
  });
  return calendar.toString();
}
