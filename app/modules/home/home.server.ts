import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";

/** The public front page: figures, the specialty towns and the coming fairs. */
export async function getHomePage(locale: Locale, today = new Date()) {
  const publicFirm = { verification: "VERIFIED" as const, published: true };
  const [firms, products, towns, fairs, firmCounts] = await Promise.all([
    prisma.firm.count({ where: publicFirm }),
    prisma.product.count({ where: { published: true, firm: publicFirm } }),
    prisma.town.findMany({
      orderBy: [{ position: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        clusters: { orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } },
      },
    }),
    prisma.fairEdition.findMany({
      where: { endsOn: { gte: new Date(today.toISOString().slice(0, 10)) } },
      orderBy: { startsOn: "asc" },
      take: 4,
      select: { id: true, slug: true, name: true, shortName: true, city: true, startsOn: true, endsOn: true },
    }),
    prisma.firm.groupBy({ by: ["townId"], where: publicFirm, _count: { _all: true } }),
  ]);
  const firmsInTown = new Map(firmCounts.map((row) => [row.townId, row._count._all]));
  return {
    figures: { firms, products, towns: towns.length },
    towns: towns.map((town) => ({
      id: town.id,
      slug: town.slug,
      name: displayTextIn(town.name, locale),
      firms: firmsInTown.get(town.id) ?? 0,
      clusters: town.clusters.map((cluster) => ({ slug: cluster.slug, name: displayTextIn(cluster.name, locale) })),
    })),
    fairs: fairs.map((fair) => ({
      id: fair.id,
      slug: fair.slug,
      name: displayTextIn(fair.name, locale),
      shortName: fair.shortName,
      city: displayTextIn(fair.city, locale),
      startsOn: fair.startsOn.toISOString(),
      endsOn: fair.endsOn.toISOString(),
    })),
  };
}
