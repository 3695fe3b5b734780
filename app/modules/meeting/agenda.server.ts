import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/i18n/i18next.server";
import { agendaIcs, agendaRows, type AgendaMeeting, type AgendaRow } from "./agenda";
import { cancelledSequence } from "./changes";
import type { MeetingEdition } from "./edition.server";
import type { Interpreter } from "./grid";
import { agendaVersion, cachedByVersion } from "./agenda-cache.server";

type Owner = { buyerCompanyId: string } | { firmId: string };
const ownerKey = (owner: Owner) => ("firmId" in owner ? `firm:${owner.firmId}` : `buyer:${owner.buyerCompanyId}`);

/**
 * A participant's meetings once the bureau has published the schedule: a
 * buyer's (with its own zone when it meets remotely) or a firm's. Nothing
 * before publishing. Each side reads only its own: callers pass the company
 * or firm the signed-in user acts for.
 */
export async function agendaFor(edition: MeetingEdition, owner: Owner, locale: Locale, version?: string) {
  const current = version ?? (await agendaVersion(edition.id, owner));
  return cachedByVersion(`agenda|${edition.id}|${ownerKey(owner)}|${locale}`, current, () => readAgenda(edition, owner, locale));
}

async function readAgenda(edition: MeetingEdition, owner: Owner, locale: Locale) {
  const grid = await prisma.meetingGrid.findUnique({ where: { editionId: edition.id }, select: { status: true, interpreters: true, publishedAt: true } });
  const published = grid?.status === "PUBLISHED";
  const registration =
    "buyerCompanyId" in owner
      ? await prisma.meetingRegistration.findUnique({ where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId: owner.buyerCompanyId } }, select: { mode: true, timeZone: true } })
      : null;
  if (!published) return { published: false, ownZone: null, meetings: [] as AgendaMeeting[] };
  const rows = await prisma.meeting.findMany({
    where: { editionId: edition.id, request: { ...owner, status: "ACCEPTED" } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      requestId: true,
      startsAt: true,
      endsAt: true,
      table: true,
      interpreterId: true,
      remote: true,
      updatedAt: true,
      sequence: true,
      request: { select: { firm: { select: { name: true } }, buyerCompany: { select: { name: true, meetingRegistrations: { where: { editionId: edition.id }, select: { videoLink: true } } } } } },
    },
  });
  const interpreters = new Map(((grid?.interpreters ?? []) as unknown as Interpreter[]).map((entry) => [entry.id, entry.name]));
  const meetings = rows.map((row): AgendaMeeting => {
    const firmSide = "firmId" in owner;
    return {
      requestId: row.requestId,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      counterpart: firmSide ? row.request.buyerCompany.name : displayTextIn(row.request.firm.name, locale),
      counterpartZh: firmSide ? row.request.buyerCompany.name : displayTextIn(row.request.firm.name, "zh-CN"),
      table: row.table,
      interpreter: row.interpreterId ? (interpreters.get(row.interpreterId) ?? null) : null,
      remote: row.remote,
      videoLink: row.remote ? (row.request.buyerCompany.meetingRegistrations[0]?.videoLink ?? null) : null,
      sequence: row.sequence,
      updatedAt: row.updatedAt,
    };
  });
  return { published: true, ownZone: registration?.mode === "REMOTE" ? registration.timeZone : null, meetings };
}

/**
 * The agenda page's rows (dates and times worded in the reader's language):
 * worked out once for each agenda read, which `agendaFor` gives back as the
 * same object until the participant's agenda changes.
 */
export function agendaPageRows(meetings: readonly AgendaMeeting[], options: { fairZone: string; ownZone: string | null; locale: string }): AgendaRow[] {
  let byOptions = rowsByAgenda.get(meetings);
  if (!byOptions) rowsByAgenda.set(meetings, (byOptions = new Map()));
  const key = `${options.fairZone}|${options.ownZone ?? ""}|${options.locale}`;
  let rows = byOptions.get(key);
  if (!rows) byOptions.set(key, (rows = agendaRows(meetings, options)));
  return rows;
}
const rowsByAgenda = new WeakMap<readonly AgendaMeeting[], Map<string, AgendaRow[]>>();

/**
 * The participant's meetings that calendars must remove, once the schedule is
 * published: those a rerun no longer places (kept as MeetingCancellation) and
 * placed ones whose pair was declined or cancelled since (a buyer who
 * cancels its registration). Each keeps its UID with a higher SEQUENCE.
 */
export async function cancelledFor(edition: MeetingEdition, owner: { buyerCompanyId: string } | { firmId: string }, locale: Locale): Promise<AgendaMeeting[]> {
  const firmSide = "firmId" in owner;
  const names = { firm: { select: { name: true } }, buyerCompany: { select: { name: true } } } as const;
  const [dropped, kept] = await Promise.all([
    prisma.meetingCancellation.findMany({ where: { editionId: edition.id, request: owner }, select: { requestId: true, startsAt: true, endsAt: true, table: true, remote: true, sequence: true, cancelledAt: true, request: { select: names } } }),
    prisma.meeting.findMany({ where: { editionId: edition.id, request: { ...owner, status: { not: "ACCEPTED" } } }, select: { requestId: true, startsAt: true, endsAt: true, table: true, remote: true, sequence: true, request: { select: { ...names, decidedAt: true, updatedAt: true } } } }),
  ]);
  const entry = (row: { requestId: string; startsAt: Date; endsAt: Date; table: string | null; remote: boolean; request: { firm: { name: unknown }; buyerCompany: { name: string } } }, sequence: number, updatedAt: Date): AgendaMeeting => ({
    requestId: row.requestId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    counterpart: firmSide ? row.request.buyerCompany.name : displayTextIn(row.request.firm.name, locale),
    counterpartZh: firmSide ? row.request.buyerCompany.name : displayTextIn(row.request.firm.name, "zh-CN"),
    table: row.table,
    interpreter: null,
    remote: row.remote,
    videoLink: null,
    sequence,
    updatedAt,
  });
  const placed = new Set(kept.map((row) => row.requestId));
  return [
    ...kept.map((row) => entry(row, cancelledSequence(row.sequence), row.request.decidedAt ?? row.request.updatedAt)),
    ...dropped.filter((row) => !placed.has(row.requestId)).map((row) => entry(row, row.sequence, row.cancelledAt)),
  ];
}

/**
 * One side's published meetings as an iCalendar file, worded in `locale`
 * (events in the fair's zone; a meeting keeps its UID when it moves, and a
 * cancelled one is sent as CANCELLED).
 */
export async function agendaCalendar(edition: MeetingEdition, owner: Owner, locale: Locale) {
  const version = await agendaVersion(edition.id, owner);
  const body = await cachedByVersion(`ics|${edition.id}|${ownerKey(owner)}|${locale}`, version, () => writeCalendar(edition, owner, locale, version));
  return { body, fileName: `${edition.slug}-agenda.ics` };
}

async function writeCalendar(edition: MeetingEdition, owner: Owner, locale: Locale, version: string) {
  const [agenda, t] = await Promise.all([agendaFor(edition, owner, locale, version), getFixedT(locale, "meetings")]);
  const cancelled = agenda.published ? await cancelledFor(edition, owner, locale) : [];
  const body = agendaIcs(agenda.meetings, {
    name: t("agenda.title", { fair: edition.name }),
    fairZone: edition.timeZone,
    summary: (meeting) => t("agenda.summary", { with: meeting.counterpart }),
    location: (meeting) => (meeting.remote ? (meeting.videoLink ?? t("agenda.remote")) : `${t("agenda.table")} ${meeting.table ?? ""}`),
    uidDomain: "meetings.ponte",
    cancelled,
  });
  return body;
}
