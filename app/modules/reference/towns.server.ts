import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";

/** Towns with their clusters, named in the reader's language, in the bureau's order. */
export async function listTowns(locale: Locale) {
  const towns = await prisma.town.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      clusters: { orderBy: [{ position: "asc" }], select: { id: true, slug: true, name: true } },
    },
  });
  return towns.map((town) => ({
    id: town.id,
    slug: town.slug,
    name: displayTextIn(town.name, locale),
    clusters: town.clusters.map((cluster) => ({
      id: cluster.id,
      slug: cluster.slug,
      name: displayTextIn(cluster.name, locale),
    })),
  }));
}
