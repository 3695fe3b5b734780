import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit, diffFields } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { authored, mergeAuthored, textIn } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import type { Locale } from "~/i18n/config";
import { phaseCategories, type EditionInput } from "./edition.schema";

/**
 * Fairs and their editions as the bureau keeps them: listed with the state
 * of each edition's delegation call, created and edited (every change
 * audited as a "fair"). The public pages (fairs.server.ts) read the same rows.
 */

export interface StaffActor {
  userId: string;
}

const slugTaken = () => new DomainError("slugTaken", { status: 409, messageKey: "delegation:errors.slugTaken", field: "slug" });
const seriesNotFound = () => new DomainError("seriesNotFound", { status: 400, messageKey: "delegation:errors.seriesNotFound", field: "seriesId" });

const utcDay = (value: string) => new Date(`${value}T00:00:00Z`);
const isoDay = (value: Date) => value.toISOString().slice(0, 10);

export async function listEditionsForBureau(locale: Locale) {
  const editions = await prisma.fairEdition.findMany({
    orderBy: [{ startsOn: "desc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      city: true,
      startsOn: true,
      endsOn: true,
      timeZone: true,
      series: { select: { shortName: true } },
      call: { select: { status: true, deadline: true, quota: true, _count: { select: { applications: { where: { status: { not: "WITHDRAWN" } } } } } } },
    },
  });
  return editions.map((edition) => ({
    slug: edition.slug,
    shortName: edition.shortName,
    name: displayTextIn(edition.name, locale),
    city: displayTextIn(edition.city, locale),
    series: edition.series?.shortName ?? null,
    startsOn: isoDay(edition.startsOn),
    endsOn: isoDay(edition.endsOn),
    timeZone: edition.timeZone,
    call: edition.call ? { status: edition.call.status, deadline: edition.call.deadline.toISOString(), quota: edition.call.quota, applications: edition.call._count.applications } : null,
  }));
}

export async function listFairSeries(locale: Locale) {
  const series = await prisma.fairSeries.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { id: true, shortName: true, name: true, timeZone: true } });
  return series.map((entry) => ({ id: entry.id, label: `${entry.shortName} · ${displayTextIn(entry.name, locale)}`, timeZone: entry.timeZone }));
}

/** The edition as its form shows it (the authored text per language), or 404. */
export async function getEditionForm(slug: string) {
  const edition = await prisma.fairEdition.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      seriesId: true,
      shortName: true,
      name: true,
      city: true,
      venue: true,
      startsOn: true,
      endsOn: true,
      timeZone: true,
      online: true,
      website: true,
      phases: { orderBy: { number: "asc" }, select: { startsOn: true, endsOn: true, categories: true } },
    },
  });
  if (!edition) throw notFoundError();
  const categories = (value: unknown, locale: string) => (Array.isArray(value) ? value : []).map((entry) => textIn(entry, locale)).filter(Boolean).join("; ");
  const value: EditionInput = {
    slug: edition.slug,
    seriesId: edition.seriesId ?? undefined,
    shortName: edition.shortName,
    nameZh: textIn(edition.name, "zh-CN"),
    nameEn: textIn(edition.name, "en"),
    namePt: textIn(edition.name, "pt") || undefined,
    cityZh: textIn(edition.city, "zh-CN"),
    cityEn: textIn(edition.city, "en"),
    cityPt: textIn(edition.city, "pt") || undefined,
    venueZh: textIn(edition.venue, "zh-CN") || undefined,
    venueEn: textIn(edition.venue, "en") || undefined,
    venuePt: textIn(edition.venue, "pt") || undefined,
    startsOn: isoDay(edition.startsOn),
    endsOn: isoDay(edition.endsOn),
    timeZone: edition.timeZone,
    online: edition.online,
    website: edition.website ?? undefined,
    phases: edition.phases.map((phase) => ({
      startsOn: isoDay(phase.startsOn),
      endsOn: isoDay(phase.endsOn),
      categoriesZh: categories(phase.categories, "zh-CN"),
      categoriesEn: categories(phase.categories, "en"),
      categoriesPt: categories(phase.categories, "pt"),
    })),
  };
  return { id: edition.id, value };
}

function phaseRows(input: EditionInput) {
  return input.phases.map((phase, index) => ({
    number: index + 1,
    startsOn: utcDay(phase.startsOn),
    endsOn: utcDay(phase.endsOn),
    categories: phaseCategories(phase).map((entry) => authored(entry)) as Prisma.InputJsonValue,
  }));
}

async function checkSeries(seriesId: string | undefined) {
  if (!seriesId) return null;
  const series = await prisma.fairSeries.findUnique({ where: { id: seriesId }, select: { id: true } });
  if (!series) throw seriesNotFound();
  return series.id;
}

export async function createEdition(actor: StaffActor, input: EditionInput): Promise<{ slug: string }> {
  const seriesId = await checkSeries(input.seriesId);
  try {
    return await prisma.$transaction(async (tx) => {
      const edition = await tx.fairEdition.create({
        data: {
          slug: input.slug,
          seriesId,
          shortName: input.shortName,
          name: authored({ "zh-CN": input.nameZh, en: input.nameEn, pt: input.namePt }) as Prisma.InputJsonValue,
          city: authored({ "zh-CN": input.cityZh, en: input.cityEn, pt: input.cityPt }) as Prisma.InputJsonValue,
          venue: authored({ "zh-CN": input.venueZh, en: input.venueEn, pt: input.venuePt }) as Prisma.InputJsonValue,
          startsOn: utcDay(input.startsOn),
          endsOn: utcDay(input.endsOn),
          timeZone: input.timeZone,
          online: input.online,
          website: input.website ?? null,
          phases: { create: phaseRows(input) },
        },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, { actorId: actor.userId, entityType: "fair", entityId: edition.id, action: "create", changes: { slug: input.slug, startsOn: input.startsOn, endsOn: input.endsOn } });
      await enqueueSearchSync(tx, "fair", edition.id);
      return { slug: edition.slug };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw slugTaken();
    throw error;
  }
}

/** Edits an edition; its slug (the public address) stays. Phases are replaced by the form's. */
export async function updateEdition(actor: StaffActor, slug: string, input: EditionInput): Promise<{ slug: string }> {
  const seriesId = await checkSeries(input.seriesId);
  return prisma.$transaction(async (tx) => {
    const before = await tx.fairEdition.findUnique({
      where: { slug },
      select: { id: true, shortName: true, name: true, city: true, venue: true, startsOn: true, endsOn: true, timeZone: true, online: true, website: true, seriesId: true },
    });
    if (!before) throw notFoundError();
    const after = {
      seriesId,
      shortName: input.shortName,
      name: mergeAuthored(before.name, { "zh-CN": input.nameZh, en: input.nameEn, pt: input.namePt }),
      city: mergeAuthored(before.city, { "zh-CN": input.cityZh, en: input.cityEn, pt: input.cityPt }),
      venue: mergeAuthored(before.venue, { "zh-CN": input.venueZh, en: input.venueEn, pt: input.venuePt }),
      startsOn: utcDay(input.startsOn),
      endsOn: utcDay(input.endsOn),
      timeZone: input.timeZone,
      online: input.online,
      website: input.website ?? null,
    };
    await tx.fairEdition.update({
      where: { id: before.id },
      data: { ...after, name: after.name as Prisma.InputJsonValue, city: after.city as Prisma.InputJsonValue, venue: after.venue as Prisma.InputJsonValue },
    });
    await tx.fairPhase.deleteMany({ where: { editionId: before.id } });
    if (input.phases.length) await tx.fairPhase.createMany({ data: phaseRows(input).map((phase) => ({ ...phase, editionId: before.id })) });
    const changes = diffFields(before as Record<string, unknown>, after, ["seriesId", "shortName", "name", "city", "venue", "startsOn", "endsOn", "timeZone", "online", "website"]);
    await recordAudit(tx, { actorId: actor.userId, entityType: "fair", entityId: before.id, action: "update", changes: { ...changes, phases: input.phases.length } });
    await enqueueSearchSync(tx, "fair", before.id);
    return { slug };
  });
}
