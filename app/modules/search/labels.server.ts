import type { Locale } from "~/i18n/config";
import { displayLabel, displayTextIn } from "~/modules/i18n-text/display.server";
import { formatHsCode, hsHeadline } from "~/modules/hs/hs-code";
import { hsTitle } from "~/modules/hs/nomenclature.server";
import { countryName } from "~/modules/reference/countries.server";
import { languageName } from "~/modules/reference/languages.server";
import { prisma } from "~/utils/db.server";
import { singletons } from "~/utils/singleton.server";
import type { FacetParam } from "./search-params";

/**
 * Names of facet values (towns, clusters, certifications, HS headings,
 * countries, languages) in the reader's language. Towns, clusters and
 * certifications are bureau-edited data: read at most once a minute per
 * process, so a search costs no database query.
 */
const TTL_MS = 60_000;

interface ReferenceRows {
  loadedAt: number;
  towns: Map<string, unknown>;
  clusters: Map<string, unknown>;
  certifications: Map<string, unknown>;
  /** Labels already worked out, per locale: a search names the same few hundred values again and again. */
  labels: Map<Locale, Map<string, string>>;
}

async function referenceRows(): Promise<ReferenceRows> {
  const cached = singletons().searchReferenceRows as ReferenceRows | undefined;
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached;
  const [towns, clusters, certifications] = await Promise.all([
    prisma.town.findMany({ select: { slug: true, name: true } }),
    prisma.cluster.findMany({ select: { slug: true, name: true } }),
    prisma.certification.findMany({ select: { code: true, name: true } }),
  ]);
  const rows: ReferenceRows = {
    loadedAt: Date.now(),
    towns: new Map(towns.map((row) => [row.slug, row.name])),
    clusters: new Map(clusters.map((row) => [row.slug, row.name])),
    certifications: new Map(certifications.map((row) => [row.code, row.name])),
    labels: new Map(),
  };
  singletons().searchReferenceRows = rows;
  return rows;
}

export type Labeller = (facet: FacetParam, value: string) => string;

/** A function naming facet values in `locale`. */
export async function facetLabeller(locale: Locale): Promise<Labeller> {
  const rows = await referenceRows();
  let known = rows.labels.get(locale);
  if (!known) rows.labels.set(locale, (known = new Map()));
  const labels = known;
  return (facet, value) => {
    const key = `${facet}:${value}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = labelOf(rows, locale, facet, value);
      labels.set(key, label);
    }
    return label;
  };
}

function labelOf(rows: ReferenceRows, locale: Locale, facet: FacetParam, value: string): string {
  switch (facet) {
    case "town":
      return displayTextIn(rows.towns.get(value), locale) || value;
    case "cluster":
      return displayTextIn(rows.clusters.get(value), locale) || value;
    case "cert":
      return displayTextIn(rows.certifications.get(value), locale) || value;
    case "hs":
      return `${formatHsCode(value)} ${hsHeadline(hsTitle(value, locale) ?? "")}`.trim();
    case "market":
      return displayLabel(countryName(value, locale), locale);
    case "language":
      return displayLabel(languageName(value, locale), locale);
    case "verified":
      return value;
  }
}
