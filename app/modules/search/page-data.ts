// Types only: erased from the browser bundle.
import type { FirmHit, ProductHit, SearchResult } from "./queries.server";

/**
 * What the search page sends its browser of a search result: the fields its
 * cards, facets and pagination show, no more. The page's loader data is
 * serialised into every HTML answer (and parsed again by the browser), so
 * ids, slugs and codes nobody reads there cost on every search; the JSON API
 * keeps the full result.
 */
export type PageProductHit = Pick<
  ProductHit,
  "id" | "firmSlug" | "name" | "nameKind" | "nameLocale" | "hsCode" | "firmName" | "town" | "certifications" | "moq" | "moqUnitName" | "priceMinUsd" | "priceMaxUsd" | "verified" | "public" | "thumbKey"
>;

export type PageFirmHit = Pick<FirmHit, "id" | "slug" | "name" | "nameLocale" | "nameIsFallback" | "nameOrigin" | "description" | "town" | "cluster" | "certifications" | "productCount" | "verified">;

type PageResult<Hit> = Pick<SearchResult<Hit>, "hits" | "total" | "page" | "pages" | "facets" | "moqRange" | "head">;

function pageResult<Hit, Shown>(result: SearchResult<Hit>, hit: (hit: Hit) => Shown): PageResult<Shown> {
  return { hits: result.hits.map(hit), total: result.total, page: result.page, pages: result.pages, facets: result.facets, moqRange: result.moqRange, head: result.head };
}

export function pageProducts(result: SearchResult<ProductHit>): PageResult<PageProductHit> {
  return pageResult(result, (hit) => ({
    id: hit.id,
    firmSlug: hit.firmSlug,
    name: hit.name,
    nameKind: hit.nameKind,
    nameLocale: hit.nameLocale,
    hsCode: hit.hsCode,
    firmName: hit.firmName,
    town: hit.town,
    certifications: hit.certifications,
    moq: hit.moq,
    moqUnitName: hit.moqUnitName,
    priceMinUsd: hit.priceMinUsd,
    priceMaxUsd: hit.priceMaxUsd,
    verified: hit.verified,
    public: hit.public,
    thumbKey: hit.thumbKey,
  }));
}

export function pageFirms(result: SearchResult<FirmHit>): PageResult<PageFirmHit> {
  return pageResult(result, (hit) => ({
    id: hit.id,
    slug: hit.slug,
    name: hit.name,
    nameLocale: hit.nameLocale,
    nameIsFallback: hit.nameIsFallback,
    nameOrigin: hit.nameOrigin,
    description: hit.description,
    town: hit.town,
    cluster: hit.cluster,
    certifications: hit.certifications,
    productCount: hit.productCount,
    verified: hit.verified,
  }));
}
