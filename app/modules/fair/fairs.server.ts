import { DateTime } from "luxon";
import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { publicFirmWhere } from "~/modules/directory/visibility.server";
import type { Locale } from "~/i18n/config";

/**
 * The public fair pages: editions coming and past, and one edition with the
 * Zhongshan delegation once the bureau has published its roster. Dates are
 * calendar days where the fair is held (the edition's time zone), stored at
 * UTC midnight and shown as such.
 */

const editionSelect = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  city: true,
  venue: true,
  startsOn: true,
  endsOn: true,
  timeZone: true,
  online: true,
  website: true,
  series: { select: { slug: true, shortName: true } },
} as const;

function present(edition: { id: string; slug: string; name: unknown; shortName: string; city: unknown; venue: unknown; startsOn: Date; endsOn: Date; timeZone: string; online: boolean; website: string | null }, locale: Locale) {
  return {
    id: edition.id,
    slug: edition.slug,
    name: displayTextIn(edition.name, locale),
    shortName: edition.shortName,
    city: displayTextIn(edition.city, locale),
    venue: edition.venue ? displayTextIn(edition.venue, locale) : null,
    startsOn: edition.startsOn.toISOString().slice(0, 10),
    endsOn: edition.endsOn.toISOString().slice(0, 10),
    timeZone: edition.timeZone,
    online: edition.online,
    website: edition.website,
  };
}

/** The venue's calendar day today: an edition is past once its last day is over where it is held. */
export function venueToday(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

export async function listFairEditions(locale: Locale, now = new Date()) {
  const editions = await prisma.fairEdition.findMany({ orderBy: [{ startsOn: "asc" }, { slug: "asc" }], select: editionSelect });
  const shown = editions.map((edition) => ({ ...present(edition, locale), past: edition.endsOn.toISOString().slice(0, 10) < venueToday(edition.timeZone, now) }));
  return {
    coming: shown.filter((edition) => !edition.past),
    past: shown.filter((edition) => edition.past).reverse(),
  };
}

/** One edition, its phases, and the delegation's firms and products when the roster is published. */
export async function getFairEdition(slug: string, locale: Locale) {
  const edition = await prisma.fairEdition.findUnique({
    where: { slug },
    select: {
      ...editionSelect,
      phases: { orderBy: { number: "asc" }, select: { number: true, startsOn: true, endsOn: true, categories: true } },
      call: {
        select: {
          status: true,
          rosterPublishedAt: true,
          applications: {
            where: { status: "APPROVED", firm: publicFirmWhere },
            orderBy: [{ booth: "asc" }, { submittedAt: "asc" }],
            select: { booth: true, productIds: true, firm: { select: { slug: true, name: true, town: { select: { name: true } }, cluster: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  if (!edition) return null;
  const published = !!edition.call && (edition.call.status === "ROSTER_PUBLISHED" || edition.call.status === "FINISHED");
  const applications = published ? edition.call!.applications : [];
  const productIds = applications.flatMap((application) => application.productIds);
  const products = productIds.length
    ? await prisma.product.findMany({ where: { id: { in: productIds }, published: true }, select: { id: true, name: true } })
    : [];
  const productName = new Map(products.map((product) => [product.id, displayTextIn(product.name, locale)]));
  return {
    ...present(edition, locale),
    phases: edition.phases.map((phase) => ({
      number: phase.number,
      startsOn: phase.startsOn.toISOString().slice(0, 10),
      endsOn: phase.endsOn.toISOString().slice(0, 10),
      categories: (Array.isArray(phase.categories) ? phase.categories : []).map((category) => displayTextIn(category, locale)),
    })),
    rosterPublished: published,
    delegation: applications.map((application) => ({
      slug: application.firm.slug,
      name: displayTextIn(application.firm.name, locale),
      town: application.firm.town ? displayTextIn(application.firm.town.name, locale) : null,
      cluster: application.firm.cluster ? displayTextIn(application.firm.cluster.name, locale) : null,
      booth: application.booth,
      products: application.productIds.flatMap((id) => (productName.has(id) ? [{ id, name: productName.get(id)! }] : [])),
    })),
  };
}
