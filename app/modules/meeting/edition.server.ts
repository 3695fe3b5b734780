import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { publicFirmWhere } from "~/modules/directory/visibility.server";
import { venueToday } from "~/modules/fair/fairs.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma, Prisma } from "~/utils/db.server";
import { feedOwnerKey, toFeedStatus, type FeedStatus } from "./feed";

/**
 * The edition meetings are arranged for: one with a delegation call (the
 * bureau's delegation to it). Its firms are those whose application was
 * approved and whose profile is public.
 */
export interface MeetingEdition {
  id: string;
  slug: string;
  name: string;
  /** The name in Chinese, for bilingual agendas (the firms' staff and the venue read Chinese). */
  nameZh: string;
  shortName: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  /** The fair's last day is over where it is held. */
  past: boolean;
}

export async function getMeetingEdition(slug: string, locale: Locale, now = new Date()): Promise<MeetingEdition> {
  if (!slug) throw notFoundError("editionNotFound");
  // One query: the call is a condition, not a relation read (which would be a second query).
  const edition = await prisma.fairEdition.findFirst({
    where: { slug, call: { isNot: null } },
    select: { id: true, slug: true, name: true, shortName: true, startsOn: true, endsOn: true, timeZone: true },
  });
  if (!edition) throw notFoundError("editionNotFound");
  return toMeetingEdition(edition, locale, now);
}

/**
 * For statements that read an edition (as `e`) together with something else
 * (a firm's membership, a feed's owner): the columns of a MeetingEditionRow,
 * and the condition `getMeetingEdition` puts on an edition, that it has a
 * delegation call.
 */
export const editionColumnsSql = Prisma.raw(`e."id", e."slug", e."name", e."shortName", e."startsOn", e."endsOn", e."timeZone"`);
export const editionHasDelegationSql = Prisma.raw(`EXISTS (SELECT 1 FROM "DelegationCall" c WHERE c."editionId" = e."id")`);

/** An edition's row as read from the database. */
export interface MeetingEditionRow {
  id: string;
  slug: string;
  name: unknown;
  shortName: string;
  startsOn: Date;
  endsOn: Date;
  timeZone: string;
}

export function toMeetingEdition(edition: MeetingEditionRow, locale: Locale, now = new Date()): MeetingEdition {
  const endsOn = edition.endsOn.toISOString().slice(0, 10);
  return {
    id: edition.id,
    slug: edition.slug,
    name: displayTextIn(edition.name, locale),
    nameZh: displayTextIn(edition.name, "zh-CN"),
    shortName: edition.shortName,
    startsOn: edition.startsOn.toISOString().slice(0, 10),
    endsOn,
    timeZone: edition.timeZone,
    past: endsOn < venueToday(edition.timeZone, now),
  };
}

/** Editions with a delegation that are not over: where meetings can be asked for. */
export async function listMeetingEditions(locale: Locale, now = new Date()) {
  const editions = await prisma.fairEdition.findMany({
    where: { call: { isNot: null } },
    orderBy: [{ startsOn: "asc" }, { slug: "asc" }],
    select: { slug: true, name: true, startsOn: true, endsOn: true, timeZone: true },
  });
  return editions
    .filter((edition) => edition.endsOn.toISOString().slice(0, 10) >= venueToday(edition.timeZone, now))
    .map((edition) => ({ slug: edition.slug, name: displayTextIn(edition.name, locale), startsOn: edition.startsOn.toISOString().slice(0, 10), endsOn: edition.endsOn.toISOString().slice(0, 10) }));
}

/** The delegation's firms: approved applications of public firms. */
export function delegationFirmWhere(editionId: string): Prisma.FirmWhereInput {
  return { ...publicFirmWhere, delegationEntries: { some: { status: "APPROVED", call: { editionId } } } };
}

export async function isDelegationFirm(editionId: string, firmId: string): Promise<boolean> {
  return (await prisma.firm.count({ where: { id: firmId, ...delegationFirmWhere(editionId) } })) > 0;
}

const notInDelegation = () => new DomainError("notInDelegation", { status: 403, messageKey: "meetings:errors.notInDelegation" });

/**
 * The edition a firm's own meeting page is about, for a firm of its
 * delegation only: 404 for no such edition (as `getMeetingEdition`), 403 for
 * a firm outside the delegation. One statement instead of two, since every
 * firm page asks both. The membership condition is `delegationFirmWhere`
 * written in SQL (an approved application of a public firm);
 * `meeting-edition-sql.test.ts` holds the two to the same answers.
 */
export async function getFirmMeetingEdition(slug: string, firmId: string, locale: Locale, now = new Date()): Promise<MeetingEdition> {
  return (await readFirmMeetingEdition(slug, firmId, locale, now, false)).edition;
}

/**
 * The firm's agenda page: the edition as `getFirmMeetingEdition` reads it
 * and the firm's calendar feed (`feedStatus`), in the same statement.
 */
export async function getFirmAgendaEdition(slug: string, firmId: string, locale: Locale, now = new Date()): Promise<{ edition: MeetingEdition; feed: FeedStatus | null }> {
  return readFirmMeetingEdition(slug, firmId, locale, now, true);
}

async function readFirmMeetingEdition(slug: string, firmId: string, locale: Locale, now: Date, withFeed: boolean) {
  if (!slug) throw notFoundError("editionNotFound");
  const feedColumn = withFeed
    ? Prisma.sql`, (SELECT fd."createdAt" FROM "MeetingFeed" fd WHERE fd."editionId" = e."id" AND fd."owner" = ${feedOwnerKey({ firmId })}) AS "feedCreatedAt"`
    : Prisma.empty;
  const [row] = await prisma.$queryRaw<(MeetingEditionRow & { member: boolean; feedCreatedAt?: Date | null })[]>`
    SELECT ${editionColumnsSql},
      EXISTS (
        SELECT 1 FROM "DelegationApplication" a
        JOIN "DelegationCall" c ON c."id" = a."callId"
        JOIN "Firm" f ON f."id" = a."firmId"
        WHERE c."editionId" = e."id" AND a."firmId" = ${firmId} AND a."status" = 'APPROVED'
          AND f."verification" = 'VERIFIED' AND f."published"
      ) AS "member"${feedColumn}
    FROM "Fair" e
    WHERE e."slug" = ${slug} AND ${editionHasDelegationSql}`;
  if (!row) throw notFoundError("editionNotFound");
  if (!row.member) throw notInDelegation();
  return { edition: toMeetingEdition(row, locale, now), feed: row.feedCreatedAt ? toFeedStatus(row.feedCreatedAt) : null };
}
