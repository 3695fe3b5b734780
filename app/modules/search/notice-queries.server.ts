import { searchClient } from "./client.server";
import { liveIndexUid } from "./index-admin.server";
import { prepareQuery } from "./queries.server";

/**
 * Public notices found by the `notices` index: ids in rank order and the
 * estimated total. The query is prepared as product queries are (Chinese
 * folded to Simplified and split by the shared vocabulary). Throws when the
 * engine cannot answer; callers decide what to show then.
 */
export async function searchNoticeIndex(input: {
  q: string;
  category?: string;
  offset: number;
  limit: number;
}): Promise<{ ids: string[]; total: number }> {
  const prepared = prepareQuery(input.q);
  if (prepared.nothing) return { ids: [], total: 0 };
  // A code-looking query ("2026") is searched as typed: notices have no HS codes.
  const q = prepared.q || (prepared.codePrefix ? input.q : "");
  const filter = [
    "public = true",
    ...(input.category ? [`category = ${JSON.stringify(input.category)}`] : []),
  ];
  const result = await searchClient()
    .index(liveIndexUid("notices"))
    .search(q, {
      filter,
      offset: input.offset,
      limit: input.limit,
      attributesToRetrieve: ["id"],
      ...(q ? {} : { sort: ["sentAt:desc"] }),
      ...(prepared.locales ? { locales: prepared.locales } : {}),
    });
  return {
    ids: result.hits.map((hit) => String(hit.id)),
    total: result.estimatedTotalHits ?? result.hits.length,
  };
}
