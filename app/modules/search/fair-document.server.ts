import { localizedFields, type LocalizedFields } from "./documents.server";

/**
 * A fair edition as a search document: its names, series, city and venue in
 * the three languages, and its dates. Whether its delegation call is open
 * is read from the database when results are shown (the database has the
 * last word: a call that closed a second ago is not offered), so a call
 * changing status writes nothing to the index.
 */
export interface FairRow {
  id: string;
  slug: string;
  shortName: string;
  name: unknown;
  city: unknown;
  venue: unknown;
  startsOn: Date;
  endsOn: Date;
  updatedAt: Date;
  series: { slug: string; shortName: string; name: unknown } | null;
}

export interface FairDocument extends LocalizedFields<"name" | "series" | "city" | "venue"> {
  id: string;
  slug: string;
  shortName: string;
  seriesSlug: string | null;
  year: number;
  startsOn: string;
}

export function fairDocument(row: FairRow): FairDocument {
  return {
    id: row.id,
    slug: row.slug,
    shortName: [row.shortName, row.series?.shortName].filter(Boolean).join(" "),
    seriesSlug: row.series?.slug ?? null,
    year: row.startsOn.getUTCFullYear(),
    startsOn: row.startsOn.toISOString().slice(0, 10),
    ...localizedFields("name", row.name),
    ...(row.series ? localizedFields("series", row.series.name) : {}),
    ...localizedFields("city", row.city),
    ...(row.venue ? localizedFields("venue", row.venue) : {}),
  };
}
