import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { DateTime } from "luxon";

/**
 * A participant's agenda (issue 10, slice 4), pure: each meeting's time in
 * the fair's zone and, for a remote participant, in their own zone (luxon,
 * the zone rules of the ICU data, never hand-made offsets); and the same
 * meetings as an iCalendar file written by ical-generator, with events in
 * the fair's zone (TZID and its VTIMEZONE from timezones-ical-library), a UID
 * per meeting request (stable when the bureau moves the meeting or reruns
 * the scheduler) and a SEQUENCE that grows with every change.
 */
export interface AgendaMeeting {
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  /** The other side, in the reader's language, and in Chinese for the bilingual print. */
  counterpart: string;
  counterpartZh: string;
  table: string | null;
  interpreter: string | null;
  remote: boolean;
  videoLink: string | null;
  /** Grows with every change of time or place. */
  sequence: number;
  updatedAt: Date;
}

export interface AgendaRow {
  requestId: string;
  day: string;
  fairTime: string;
  /** The participant's own local time, for remote participants in another zone. */
  ownTime: string | null;
  counterpart: string;
  counterpartZh: string;
  table: string | null;
  interpreter: string | null;
  remote: boolean;
  videoLink: string | null;
}

export function agendaRows(meetings: readonly AgendaMeeting[], options: { fairZone: string; ownZone: string | null; locale: string }): AgendaRow[] {
  const span = (start: DateTime, end: DateTime) => `${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}`;
  return [...meetings]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.requestId < b.requestId ? -1 : 1))
    .map((meeting) => {
      const start = DateTime.fromJSDate(meeting.startsAt, { zone: options.fairZone }).setLocale(options.locale);
      const end = DateTime.fromJSDate(meeting.endsAt, { zone: options.fairZone });
      let ownTime: string | null = null;
      if (options.ownZone && options.ownZone !== options.fairZone) {
        const ownStart = start.setZone(options.ownZone);
        const ownEnd = end.setZone(options.ownZone);
        ownTime = `${ownStart.setLocale(options.locale).toLocaleString({ weekday: "short", day: "numeric", month: "short" })} ${span(ownStart, ownEnd)} (${options.ownZone.replace(/_/g, " ")})`;
      }
      return {
        requestId: meeting.requestId,
        day: start.toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" }),
        fairTime: span(start, end),
        ownTime,
        counterpart: meeting.counterpart,
        counterpartZh: meeting.counterpartZh,
        table: meeting.table,
        interpreter: meeting.interpreter,
        remote: meeting.remote,
        videoLink: meeting.videoLink,
      };
    });
}

export function agendaIcs(
  meetings: readonly AgendaMeeting[],
  options: { name: string; fairZone: string; summary: (meeting: AgendaMeeting) => string; location: (meeting: AgendaMeeting) => string; uidDomain: string; cancelled?: readonly AgendaMeeting[] },
): string {
  const calendar = ical({ name: options.name, prodId: { company: "Ponte", product: "meetings", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  calendar.timezone({ name: options.fairZone, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  const add = (meeting: AgendaMeeting, status: ICalEventStatus) =>
    calendar.createEvent({
      id: `${meeting.requestId}@${options.uidDomain}`,
      // Luxon times in the fair's zone: given a plain Date, the library would write the server's wall clock under the TZID.
      start: DateTime.fromJSDate(meeting.startsAt, { zone: options.fairZone }),
      end: DateTime.fromJSDate(meeting.endsAt, { zone: options.fairZone }),
      timezone: options.fairZone,
      summary: options.summary(meeting),
      location: options.location(meeting),
      url: meeting.remote && meeting.videoLink ? meeting.videoLink : null,
      sequence: meeting.sequence,
      status,
      stamp: DateTime.fromJSDate(meeting.updatedAt, { zone: "utc" }),
    });
  for (const meeting of meetings) add(meeting, ICalEventStatus.CONFIRMED);
  for (const meeting of options.cancelled ?? []) add(meeting, ICalEventStatus.CANCELLED);
  return calendar.toString();
}
