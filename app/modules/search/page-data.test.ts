import { describe, expect, it } from "vitest";
import { pageFirms, pageProducts } from "./page-data";
import type { FirmHit, ProductHit, SearchResult } from "./queries.server";

const base = { total: 41, page: 2, perPage: 20, pages: 3, facets: { cert: [{ value: "CE", label: "CE", count: 3, selected: true }] }, moqRange: { min: 10, max: 500 }, hsCode: null, hsCodesFromWords: ["9405"], head: { term: "lamp", found: true }, tookMs: 12 };

const product: ProductHit = {
  id: "p1", slug: "lamp-p1", externalId: "X-1", firmId: "f1", firmSlug: "haikai", name: "Lamp", nameKind: "author", nameLocale: "en", hsCode: "940511", hsHeading: "9405",
  firmName: "Haikai", town: "Guzhen", townSlug: "guzhen", cluster: "Lighting", clusterSlug: "lighting", certifications: ["CE"], moq: 100, moqUnit: "pieces", moqUnitName: "pieces",
  priceMinUsd: 1.5, priceMaxUsd: null, verified: true, public: false, thumbKey: "t/1.webp",
};

const firm: FirmHit = {
  id: "f1", slug: "haikai", externalId: null, name: "Haikai", nameLocale: "zh-CN", nameIsFallback: true, nameOrigin: "author", description: "Lamps", town: "Guzhen", townSlug: "guzhen",
  cluster: "Lighting", clusterSlug: "lighting", certifications: ["CE"], markets: ["BR"], languages: ["pt"], productCount: 7, verified: false, public: true, logoKey: null,
};

describe("the search page's share of a result", () => {
  it("keeps what the product cards, facets and pages show, and drops the rest", () => {
    const shown = pageProducts({ ...base, hits: [product] } as SearchResult<ProductHit>);
    expect(shown).toEqual({ hits: [expect.any(Object)], total: 41, page: 2, pages: 3, facets: base.facets, moqRange: base.moqRange, head: base.head });
    expect(shown.hits[0]).toEqual({
      id: "p1", firmSlug: "haikai", name: "Lamp", nameKind: "author", nameLocale: "en", hsCode: "940511", firmName: "Haikai", town: "Guzhen", certifications: ["CE"],
      moq: 100, moqUnitName: "pieces", priceMinUsd: 1.5, priceMaxUsd: null, verified: true, public: false, thumbKey: "t/1.webp",
    });
  });

  it("keeps what the firm cards show", () => {
    const shown = pageFirms({ ...base, hits: [firm] } as SearchResult<FirmHit>);
    expect(Object.keys(shown.hits[0]).sort()).toEqual(["certifications", "cluster", "description", "id", "name", "nameIsFallback", "nameLocale", "nameOrigin", "productCount", "slug", "town", "verified"]);
    expect(shown.hits[0]).toMatchObject({ slug: "haikai", nameIsFallback: true, nameLocale: "zh-CN", productCount: 7, verified: false });
  });
});
