import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { publicFirmWhere } from "~/modules/directory/visibility.server";
import { venueToday } from "~/modules/fair/fairs.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";

/**
 * The edition meetings are arranged for: one with a delegation call (the
 * bureau's delegation to it). Its firms are those whose application was
 * approved and whose profile is public.
 */
export interface MeetingEdition {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  /** The fair's last day is over where it is held. */
  past: boolean;
}

export async function getMeetingEdition(slug: string, locale: Locale, now = new Date()): Promise<MeetingEdition> {
  if (!slug) throw notFoundError("editionNotFound");
  return meetingEdition({ slug }, locale, now);
}

/** An edition's row as read from the database (the calendar feed reads it with its token). */
export interface MeetingEditionRow {
  id: string;
  slug: string;
  name: unknown;
  shortName: string;
  startsOn: Date;
  endsOn: Date;
  timeZone: string;
}

async function meetingEdition(where: { slug: string }, locale: Locale, now: Date): Promise<MeetingEdition> {
  // One query: the call is a condition, not a relation read (which would be a second query).
  const edition = await prisma.fairEdition.findFirst({
    where: { ...where, call: { isNot: null } },
    select: { id: true, slug: true, name: true, shortName: true, startsOn: true, endsOn: true, timeZone: true },
  });
  if (!edition) throw notFoundError("editionNotFound");
  return toMeetingEdition(edition, locale, now);
}

export function toMeetingEdition(edition: MeetingEditionRow, locale: Locale, now = new Date()): MeetingEdition {
  const endsOn = edition.endsOn.toISOString().slice(0, 10);
  return {
    id: edition.id,
    slug: edition.slug,
    name: displayTextIn(edition.name, locale),
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

/** A firm's own meeting pages are for firms of the delegation: any other firm is refused (403). */
export async function assertDelegationFirm(editionId: string, firmId: string) {
  if (!(await isDelegationFirm(editionId, firmId))) throw new DomainError("notInDelegation", { status: 403, messageKey: "meetings:errors.notInDelegation" });
}
