// Types only: erased from the browser bundle.
import type { FirmHit, ProductHit, SearchResult } from "./queries.server";

/**
 * What the search page sends its browser of a search result: the fields its
 * cards, facets and pagination show, no more. The page's loader data is
 * serialised into every HTML answer (and parsed again by the browser), so
 * ids, slugs and codes nobody reads there cost on every search; the JSON API
 * keeps the full result.
 */
const productFields = ["id", "firmSlug", "name", "nameKind", "nameLocale", "hsCode", "firmName", "town", "certifications", "moq", "moqUnitName", "priceMinUsd", "priceMaxUsd", "verified", "public", "thumbKey"] as const;
const firmFields = ["id", "slug", "name", "nameLocale", "nameIsFallback", "nameOrigin", "description", "town", "cluster", "certifications", "productCount", "verified"] as const;

export type PageProductHit = Pick<ProductHit, (typeof productFields)[number]>;
export type PageFirmHit = Pick<FirmHit, (typeof firmFields)[number]>;

type PageResult<Hit> = Pick<SearchResult<Hit>, "hits" | "total" | "page" | "pages" | "facets" | "moqRange" | "head">;

/** The result with each hit cut down to `fields`. */
function pageResult<Hit, Field extends keyof Hit>(result: SearchResult<Hit>, fields: readonly Field[]): PageResult<Pick<Hit, Field>> {
  const pick = (hit: Hit) => Object.fromEntries(fields.map((field) => [field, hit[field]])) as Pick<Hit, Field>;
  return { hits: result.hits.map(pick), total: result.total, page: result.page, pages: result.pages, facets: result.facets, moqRange: result.moqRange, head: result.head };
}

export function pageProducts(result: SearchResult<ProductHit>): PageResult<PageProductHit> {
  return pageResult(result, productFields);
}

export function pageFirms(result: SearchResult<FirmHit>): PageResult<PageFirmHit> {
  return pageResult(result, firmFields);
}
