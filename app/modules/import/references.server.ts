import { prisma } from "~/utils/db.server";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { isCountryCode } from "~/modules/reference/countries.server";
import { isKnownHsCode } from "~/modules/hs/nomenclature.server";
import { certificationKey, placeKeys } from "./fields";
import type { ImportReferences } from "./rows";

/** Names of a town or cluster in every language plus its slug, as lookup keys. */
function nameKeys(slug: string, name: unknown): string[] {
  const texts = Object.values(asLocalizedText(name)).map((entry) => entry?.text ?? "");
  return [slug, ...texts].filter(Boolean).map((text) => placeKeys(text)[0]);
}

function lookup<T>(index: Map<string, T>, text: string): T | null {
  for (const key of placeKeys(text)) {
    const found = index.get(key);
    if (found !== undefined) return found;
  }
  return null;
}

/** The reference data rows are checked against, read once per import. */
export async function loadImportReferences(now = new Date()): Promise<ImportReferences> {
  const [towns, clusters, certifications] = await Promise.all([
    prisma.town.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.cluster.findMany({ select: { id: true, slug: true, name: true, townId: true } }),
    prisma.certification.findMany({ select: { code: true } }),
  ]);
  const townIndex = new Map<string, string>();
  for (const town of towns) for (const key of nameKeys(town.slug, town.name)) townIndex.set(key, town.id);
  const clusterIndex = new Map<string, { id: string; townId: string | null }>();
  for (const cluster of clusters) {
    for (const key of nameKeys(cluster.slug, cluster.name)) clusterIndex.set(key, { id: cluster.id, townId: cluster.townId });
  }
  const certificationIndex = new Map(certifications.map((row) => [certificationKey(row.code), row.code]));
  return {
    town: (name) => lookup(townIndex, name),
    cluster: (name) => lookup(clusterIndex, name),
    certification: (text) => certificationIndex.get(certificationKey(text)) ?? null,
    isCountryCode,
    isKnownHsCode,
    thisYear: now.getUTCFullYear(),
  };
}
