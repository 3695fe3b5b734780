import { prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import type { FigurePeriod } from "~/modules/inquiry/figures.server";
import { computeProblemFigures, groupProblemFigures, type ProblemFigureDimension } from "./figures";

/**
 * The bureau's problem figures over a period (problems raised in it): the
 * rows in one query, the arithmetic in the pure figures.ts. Counts, times
 * and ratings only, never what was written. Open problems by age are of
 * today, whatever the period.
 */
export async function getProblemFigures(dimension: ProblemFigureDimension, period: FigurePeriod, locale: Locale, now = new Date()) {
  const end = new Date(period.to.getTime() + 86_400_000);
  const rows = await prisma.problem.findMany({
    where: { createdAt: { gte: period.from, lt: end } },
    select: { category: true, status: true, createdAt: true, firstAnswerDueAt: true, firstAnsweredAt: true, rating: true, firm: { select: { townId: true, clusterId: true } } },
  });
  const plain = rows.map(({ firm, ...row }) => ({ ...row, townId: firm.townId, clusterId: firm.clusterId }));
  const labels = await labelsFor(dimension, locale);
  return {
    total: computeProblemFigures(plain, now),
    groups: groupProblemFigures(plain, dimension, now).map((group) => ({ ...group, label: group.key === null ? null : (labels.get(group.key) ?? group.key) })),
  };
}

/** Town and cluster names; categories are named by the page from their keys. */
async function labelsFor(dimension: ProblemFigureDimension, locale: Locale): Promise<Map<string, string>> {
  const fallbacks = textFallbacks[locale];
  if (dimension === "town") {
    const towns = await prisma.town.findMany({ select: { id: true, name: true } });
    return new Map(towns.map((town) => [town.id, textIn(town.name, locale, fallbacks)]));
  }
  if (dimension === "cluster") {
    const clusters = await prisma.cluster.findMany({ select: { id: true, name: true } });
    return new Map(clusters.map((cluster) => [cluster.id, textIn(cluster.name, locale, fallbacks)]));
  }
  return new Map();
}
