import { prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

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
  const fallbacks = textFallbacks[locale];
  return towns.map((town) => ({
    id: town.id,
    slug: town.slug,
    name: textIn(town.name, locale, fallbacks),
    clusters: town.clusters.map((cluster) => ({
      id: cluster.id,
      slug: cluster.slug,
      name: textIn(cluster.name, locale, fallbacks),
    })),
  }));
}
