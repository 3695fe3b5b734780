import { notify } from "~/modules/notification/notification.server";
import { prisma } from "~/utils/db.server";
import { readerZone, remindersDue, SOON_REMINDER_MINUTES, type MeetingReminderKind } from "./reminders";

/**
 * Meeting reminders (issue 10): the evening before each published meeting,
 * in the reader's zone, and again shortly before it starts
 * (SOON_REMINDER_MINUTES, reminders.ts), both sides are told (inbox and
 * mail, in each member's language) with the meeting's time in that zone,
 * and the video link of a remote meeting. Run by the worker loop of every
 * instance and by `npm run cli -- remind-meetings`; sent once per meeting,
 * side, start and kind: the MeetingReminder row is inserted first in the
 * transaction that writes the notices, and a side already reminded (by an
 * earlier run, or another instance at the same moment) is skipped. A meeting
 * moved to another time is reminded again for its new time.
 */
const LOOKAHEAD_MS = 48 * 3_600_000;

export interface MeetingReminderRun {
  meetings: number;
  reminded: number;
}

const noticeKind: Record<MeetingReminderKind, "meeting.reminder" | "meeting.soon"> = { evening: "meeting.reminder", soon: "meeting.soon" };

export async function sendMeetingReminders(now = new Date()): Promise<MeetingReminderRun> {
  const published = await prisma.meetingGrid.findMany({ where: { status: "PUBLISHED" }, select: { editionId: true } });
  if (!published.length) return { meetings: 0, reminded: 0 };
  const meetings = await prisma.meeting.findMany({
    where: { editionId: { in: published.map((grid) => grid.editionId) }, startsAt: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) }, request: { status: "ACCEPTED" } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      requestId: true,
      startsAt: true,
      editionId: true,
      remote: true,
      edition: { select: { slug: true, name: true, timeZone: true } },
      request: { select: { firmId: true, buyerCompanyId: true, firm: { select: { name: true } }, buyerCompany: { select: { name: true } } } },
    },
  });
  if (!meetings.length) return { meetings: 0, reminded: 0 };
  const registrations = await prisma.meetingRegistration.findMany({
    where: { OR: meetings.map((meeting) => ({ editionId: meeting.editionId, buyerCompanyId: meeting.request.buyerCompanyId })) },
    select: { editionId: true, buyerCompanyId: true, mode: true, timeZone: true, videoLink: true },
  });
  const registrationOf = new Map(registrations.map((row) => [`${row.editionId}:${row.buyerCompanyId}`, row]));
  let reminded = 0;
  for (const meeting of meetings) {
    const registration = registrationOf.get(`${meeting.editionId}:${meeting.request.buyerCompanyId}`) ?? null;
    for (const side of ["firm", "buyer"] as const) {
      const zone = readerZone(side, meeting.edition.timeZone, registration);
      for (const kind of remindersDue({ startsAt: meeting.startsAt, cancelled: false }, zone, now)) {
        reminded += await prisma.$transaction(async (tx) => {
          const claimed = await tx.$executeRaw`
            INSERT INTO "MeetingReminder" ("requestId", "side", "startsAt", "kind", "sentAt")
            VALUES (${meeting.requestId}, ${side}, ${meeting.startsAt.toISOString()}::timestamp, ${kind}, ${now.toISOString()}::timestamp)
            ON CONFLICT DO NOTHING`;
          if (claimed === 0) return 0;
          const where = side === "firm" ? { firmId: meeting.request.firmId, role: "FIRM_MEMBER" as const } : { buyerCompanyId: meeting.request.buyerCompanyId, role: "BUYER" as const };
          const recipients = await tx.user.findMany({ where: { ...where, status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
          const href = `/meetings/${meeting.edition.slug}/${side}/agenda`;
          const remote = kind === "soon" && meeting.remote ? { videoLink: registration?.videoLink ?? "", fairTimeZone: meeting.edition.timeZone } : {};
          await notify(tx, {
            recipients,
            kind: noticeKind[kind],
            params: { fairName: meeting.edition.name, firmName: meeting.request.firm.name, buyerCompany: meeting.request.buyerCompany.name, startsAt: meeting.startsAt.toISOString(), timeZone: zone, path: href, ...(kind === "soon" ? { minutesBefore: SOON_REMINDER_MINUTES } : {}), ...remote },
            link: (locale) => `/${locale}${href}`,
          });
          return 1;
        });
      }
    }
  }
  return { meetings: meetings.length, reminded };
}
