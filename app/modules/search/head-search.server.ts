import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import { anyOf } from "./filters";
import { findHead, type Head } from "./head-noun";
import { headIndex } from "./head-vocabulary.server";

/**
 * Head-noun matching in the product and firm searches (head-noun.ts reads
 * the head): products (firms) of the type the query names come first, the
 * others after them; a head the catalogue has no product of is said, and
 * the other results are shown as related ones.
 *
 * Cost: one extra query in the search's multi-search (the page among the
 * head's products, no facets). Only when it finds nothing does a second round
 * trip ask with the head alone (when the query has other words) and count the
 * catalogue's products of that kind; a third fills the page with the others
 * when the head's do not.
 */
export interface HeadAnswer {
  /** The words naming the product asked for, as typed. */
  term: string;
  /** Whether the catalogue has any product of that kind (the reader's filters set aside). */
  found: boolean;
}

/** The head of a prepared query (Chinese already in Simplified characters), or null. */
export async function queryHead(q: string): Promise<Head | null> {
  return q ? findHead(q, await headIndex()) : null;
}

type Filter = MultiSearchQuery["filter"];

function and(filter: Filter, part: string): string[] {
  if (!filter) return [part];
  return Array.isArray(filter) ? [...(filter as string[]), part] : [filter as string, part];
}

/** Products have one type, firms the types of their products: both filter on `productType`. */
export function headFilter(head: Head): string {
  return anyOf("productType", head.types) ?? "productType IN []";
}

/** The query to add to the search: the page among the head's products (or firms). */
export function headQueries(main: MultiSearchQuery, head: Head): MultiSearchQuery[] {
  return [{ ...main, filter: and(main.filter, headFilter(head)), facets: [] }];
}

type Result = SearchResponse<Record<string, unknown>>;

const count = (result: Result) => result.estimatedTotalHits ?? result.totalHits ?? 0;

/** Whether the query has words beyond its head ("ventilador de teto", not "ventiladores"). */
function hasModifiers(q: string | null | undefined, head: Head): boolean {
  const words = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
  return words(q ?? "") !== words(head.term);
}

/**
 * The page with the head's products first: those on this page, then the
 * others from where they start (another query when the head's do not fill it).
 * `scope` is the visibility part of the filter (undefined: the bureau sees all).
 */
export async function headFirstHits(
  main: MultiSearchQuery,
  head: Head,
  [withAllWords]: Result[],
  scope: string | undefined,
  run: (queries: MultiSearchQuery[]) => Promise<Result[]>,
): Promise<{ hits: Record<string, unknown>[]; answer: HeadAnswer }> {
  const part = headFilter(head);
  let onPage = withAllWords;
  let found = count(withAllWords) > 0;
  if (!found) {
    // When no product of the head's kind holds the other words either, Meilisearch
    // may drop the head itself ("ventilador de teto": no fan mentions a ceiling).
    const inCatalogue: MultiSearchQuery = { indexUid: main.indexUid, q: "", filter: scope ? [scope, part] : [part], limit: 0 };
    const withHead: MultiSearchQuery = { ...main, q: head.term, filter: and(main.filter, part), facets: [] };
    const modifiers = hasModifiers(main.q, head);
    const results = await run(modifiers ? [inCatalogue, withHead] : [inCatalogue]);
    found = count(results[0]) > 0;
    if (modifiers) onPage = results[1];
  }
  const answer = { term: "", found };
  if (!found || count(onPage) === 0) return { hits: [], answer };
  const limit = main.limit ?? 20;
  const offset = main.offset ?? 0;
  const hits = [...onPage.hits];
  if (hits.length < limit) {
    const [rest] = await run([{ ...main, filter: and(main.filter, `NOT ${part}`), facets: [], offset: Math.max(0, offset - count(onPage)), limit: limit - hits.length }]);
    hits.push(...rest.hits);
  }
  return { hits, answer };
}
