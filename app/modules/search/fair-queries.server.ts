import type { MultiSearchQuery } from "meilisearch";
import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";
import { searchClient } from "./client.server";
import { liveIndexUid } from "./index-admin.server";
import { prepareQuery } from "./queries.server";

/**
 * Fair editions found by the site search, with their delegation call when
 * it is open for applications. The index finds the editions; the database
 * says which calls are open now (a call's status is never read from the
 * index, so it cannot be stale).
 */
export interface FairHit {
  slug: string;
  name: string;
  city: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  openCall: { callId: string; deadline: string } | null;
}

export async function searchFairs(q: string, locale: Locale, limit = 5): Promise<FairHit[]> {
  const query = fairsQuery(q, limit);
  if (!query) return [];
  const { indexUid, q: text, ...params } = query;
  return fairHitsFrom(await searchClient().index(indexUid).search(text, params), locale);
}

/** The search `searchFairs` sends, for a multi-search (the site search page sends it with its product search); null: nothing to search for. */
export function fairsQuery(q: string, limit = 5) {
  const prepared = prepareQuery(q);
  if (!prepared.q || prepared.nothing) return null;
  return { indexUid: liveIndexUid("fairs"), q: prepared.q, limit, attributesToRetrieve: ["id"], ...(prepared.locales ? { locales: prepared.locales } : {}) } satisfies MultiSearchQuery;
}

/** The editions the engine found, from the database, in the engine's order. */
export async function fairHitsFrom(result: { hits: Record<string, unknown>[] }, locale: Locale): Promise<FairHit[]> {
  const ids = result.hits.map((hit) => String(hit.id));
  if (!ids.length) return [];
  const now = new Date();
  const editions = await prisma.fairEdition.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, name: true, city: true, startsOn: true, endsOn: true, timeZone: true, call: { select: { id: true, status: true, deadline: true } } },
  });
  const byId = new Map(editions.map((edition) => [edition.id, edition]));
  return ids.flatMap((id) => {
    const edition = byId.get(id);
    if (!edition) return [];
    const open = edition.call && edition.call.status === "OPEN" && edition.call.deadline > now ? edition.call : null;
    return [
      {
        slug: edition.slug,
        name: displayTextIn(edition.name, locale),
        city: displayTextIn(edition.city, locale),
        startsOn: edition.startsOn.toISOString().slice(0, 10),
        endsOn: edition.endsOn.toISOString().slice(0, 10),
        timeZone: edition.timeZone,
        openCall: open ? { callId: open.id, deadline: open.deadline.toISOString() } : null,
      },
    ];
  });
}
