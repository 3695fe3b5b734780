import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import { productTypes } from "~/modules/product/vocabulary";
import { singleton } from "~/utils/singleton.server";
import { anyOf } from "./filters";
import { buildHeadIndex, findHead, type Head, type HeadIndex } from "./head-noun";
import { baseSynonymGroups } from "./vocabulary.server";

/**
 * Head-noun matching in the product search (head-noun.ts reads the head):
 * products whose type is the one the query names come first, the others
 * after them; a head the catalogue has no product of is said, and the
 * other results are shown as related ones. Costs one extra query in the
 * search's multi-search, and a second round trip only when the head's
 * products do not fill the page.
 */
export interface HeadAnswer {
  /** The words naming the product asked for, as typed. */
  term: string;
  /** Whether the catalogue has any product of that kind (the reader's filters set aside). */
  found: boolean;
}

function headIndex(): HeadIndex {
  return singleton("searchHeadIndex", () => buildHeadIndex(productTypes, baseSynonymGroups()));
}

/** The head of a prepared query (Chinese already in Simplified characters), or null. */
export function queryHead(q: string): Head | null {
  return q ? findHead(q, headIndex()) : null;
}

type Filter = MultiSearchQuery["filter"];

function and(filter: Filter, part: string): string[] {
  if (!filter) return [part];
  return Array.isArray(filter) ? [...(filter as string[]), part] : [filter as string, part];
}

export function headFilter(head: Head): string {
  return anyOf("productType", head.types) ?? "productType IN []";
}

/**
 * Queries to add to the search: the page among the head's products, and how
 * many the catalogue has at all (only `scope`, the visibility part, kept).
 */
export function headQueries(main: MultiSearchQuery, head: Head, scope: string | undefined): MultiSearchQuery[] {
  const part = headFilter(head);
  return [
    { ...main, filter: and(main.filter, part), facets: [] },
    // When no product of the head's kind holds the other words either, Meilisearch
    // may drop the head itself ("ventilador de teto": no fan mentions a ceiling).
    { ...main, q: head.term, filter: and(main.filter, part), facets: [] },
    { indexUid: main.indexUid, q: "", filter: scope ? [scope, part] : [part], limit: 0 },
  ];
}

type Result = SearchResponse<Record<string, unknown>>;

const count = (result: Result) => result.estimatedTotalHits ?? result.totalHits ?? 0;

/**
 * The page with the head's products first: those on this page, then the
 * others from where they start (a second query when the head's do not fill it).
 */
export async function headFirstHits(
  main: MultiSearchQuery,
  head: Head,
  [withAllWords, withHead, inCatalogue]: Result[],
  runRest: (query: MultiSearchQuery) => Promise<Result>,
): Promise<{ hits: Record<string, unknown>[]; answer: HeadAnswer }> {
  const answer = { term: "", found: count(inCatalogue) > 0 };
  const onPage = count(withAllWords) > 0 ? withAllWords : withHead;
  if (!answer.found || count(onPage) === 0) return { hits: [], answer };
  const limit = main.limit ?? 20;
  const offset = main.offset ?? 0;
  const hits = [...onPage.hits];
  if (hits.length < limit) {
    const rest = await runRest({ ...main, filter: and(main.filter, `NOT ${headFilter(head)}`), facets: [], offset: Math.max(0, offset - count(onPage)), limit: limit - hits.length });
    hits.push(...rest.hits);
  }
  return { hits, answer };
}
