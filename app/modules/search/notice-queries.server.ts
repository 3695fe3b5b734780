import type { MultiSearchQuery } from "meilisearch";
import { searchClient } from "./client.server";
import { liveIndexUid } from "./index-admin.server";
import { prepareQuery } from "./queries.server";

/**
 * Public notices found by the `notices` index: ids in rank order and the
 * estimated total. The query is prepared as product queries are (Chinese
 * folded to Simplified and split by the shared vocabulary). Throws when the
 * engine cannot answer; callers decide what to show then.
 */
export async function searchNoticeIndex(input: NoticeSearchInput): Promise<{ ids: string[]; total: number }> {
  const query = noticeIndexQuery(input);
  if (!query) return { ids: [], total: 0 };
  const { indexUid, q, ...params } = query;
  return noticeIdsFrom(await searchClient().index(indexUid).search(q, params));
}

type NoticeSearchInput = {
  q: string;
  category?: string;
  offset: number;
  limit: number;
};

/** The search `searchNoticeIndex` sends, for a multi-search (the site search page sends it with its product search); null: nothing to search for. */
export function noticeIndexQuery(input: NoticeSearchInput) {
  const prepared = prepareQuery(input.q);
  if (prepared.nothing) return null;
  // A code-looking query ("2026") is searched as typed: notices have no HS codes.
  const q = prepared.q || (prepared.codePrefix ? input.q : "");
  const filter = [
    "public = true",
    ...(input.category ? [`category = ${JSON.stringify(input.category)}`] : []),
  ];
  return {
    indexUid: liveIndexUid("notices"),
    q,
    filter,
    offset: input.offset,
    limit: input.limit,
    attributesToRetrieve: ["id"],
    ...(q ? {} : { sort: ["sentAt:desc"] }),
    ...(prepared.locales ? { locales: prepared.locales } : {}),
  } satisfies MultiSearchQuery;
}

/** Ids in rank order and the estimated total, from the engine's answer to that search. */
export function noticeIdsFrom(result: { hits: Record<string, unknown>[]; estimatedTotalHits?: number }): { ids: string[]; total: number } {
  return {
    ids: result.hits.map((hit) => String(hit.id)),
    total: result.estimatedTotalHits ?? result.hits.length,
  };
}
