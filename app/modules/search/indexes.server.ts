import crypto from "node:crypto";
import type { Settings } from "meilisearch";

/**
 * The search indexes and their settings, versioned in code. `settingsHash`
 * changes whenever a definition changes; at start the app compares it with
 * what each live index was built with and rebuilds (into a new index, then
 * swapped in) the ones that differ. Synonyms are not part of the hash: the
 * bureau edits them at run time and they apply in milliseconds.
 */
export type IndexKey = "products" | "firms" | "requests" | "hs" | "fairs" | "notices";
export const indexKeys: IndexKey[] = ["products", "firms", "requests", "hs", "fairs", "notices"];

/** Text fields carry their language in the name's suffix: name_zh, name_en, name_pt. */
export const textLocales = ["zh", "en", "pt"] as const;
export type TextLocale = (typeof textLocales)[number];

const localized = (...fields: string[]) => fields.flatMap((field) => textLocales.map((locale) => `${field}_${locale}`));

/** Chinese segmented as Mandarin (jieba), English and Portuguese as themselves. */
const localizedAttributes: Settings["localizedAttributes"] = [
  { locales: ["cmn"], attributePatterns: ["*_zh"] },
  { locales: ["eng"], attributePatterns: ["*_en"] },
  { locales: ["por"], attributePatterns: ["*_pt"] },
];

/** Codes are matched as typed: a typo in "940511" is another product. */
const codeTypoTolerance = (...attributes: string[]): Settings["typoTolerance"] => ({
  enabled: true,
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  disableOnAttributes: attributes,
  disableOnNumbers: true,
});

/**
 * Filterable attributes, declared by what they are filtered with: equality
 * for codes and flags, comparison only for the numbers that need it (each
 * kind of filter is a structure Meilisearch must build while indexing).
 * No facet search: facet values are listed, never searched.
 */
const filters = (equality: string[], comparison: string[] = []): NonNullable<Settings["filterableAttributes"]> => [
  { attributePatterns: equality, features: { facetSearch: false, filter: { equality: true, comparison: false } } },
  ...(comparison.length ? [{ attributePatterns: comparison, features: { facetSearch: false, filter: { equality: true, comparison: true } } }] : []),
];

/** Most hits a query may page through; deeper pages are refused with a 400. */
export const MAX_TOTAL_HITS = 5000;

export interface IndexDefinition {
  key: IndexKey;
  primaryKey: string;
  settings: Settings;
}

export const indexDefinitions: Record<IndexKey, IndexDefinition> = {
  products: {
    key: "products",
    primaryKey: "id",
    settings: {
      // Order matters (the "attribute" rule): what the product is called comes
      // before what its firm is called, which comes before long descriptions.
      searchableAttributes: [
        "hsCode",
        "externalId",
        ...localized("name"),
        ...localized("type"),
        ...localized("hsTitle"),
        ...localized("specs"),
        ...localized("firmName"),
        ...localized("cluster"),
        ...localized("description"),
      ],
      filterableAttributes: filters(
        ["id", "firmId", "hsPrefixes", "hsHeading", "productType", "town", "cluster", "certifications", "markets", "languages", "verified", "public"],
        ["moq", "priceMinUsd", "leadTimeDays"],
      ),
      facetSearch: false,
      sortableAttributes: ["moq", "priceMinUsd", "leadTimeDays", "updatedAt", "quality"],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "quality:desc"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance("hsCode", "externalId"),
      faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { "*": "count" } },
      pagination: { maxTotalHits: MAX_TOTAL_HITS },
      proximityPrecision: "byAttribute",
    },
  },
  firms: {
    key: "firms",
    primaryKey: "id",
    settings: {
      searchableAttributes: [
        "uscc",
        "externalId",
        ...localized("name"),
        ...localized("cluster"),
        ...localized("productTypes"),
        ...localized("town"),
        ...localized("hsTitle"),
        ...localized("description"),
      ],
      filterableAttributes: filters(["id", "hsPrefixes", "productType", "town", "cluster", "certifications", "markets", "languages", "verified", "public", "businessTypes"], ["minMoq"]),
      facetSearch: false,
      sortableAttributes: ["productCount", "quality", "updatedAt", "foundedYear"],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "quality:desc"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance("uscc", "externalId"),
      faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { "*": "count" } },
      pagination: { maxTotalHits: MAX_TOTAL_HITS },
      proximityPrecision: "byAttribute",
    },
  },
  requests: {
    key: "requests",
    primaryKey: "id",
    settings: {
      searchableAttributes: [...localized("title"), ...localized("keywords"), ...localized("hsTitle")],
      filterableAttributes: filters(["id", "buyerCompanyId", "hsPrefixes", "status", "visibility", "requiredCertifications", "destinationCountry", "buyerCountry"], ["deadline", "quantity"]),
      facetSearch: false,
      sortableAttributes: ["createdAt", "deadline"],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance(),
      faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
      pagination: { maxTotalHits: MAX_TOTAL_HITS },
      proximityPrecision: "byAttribute",
    },
  },
  // Fair editions (issue 9): a few dozen documents, found by name, series, city or year; open calls are read from the database.
  fairs: {
    key: "fairs",
    primaryKey: "id",
    settings: {
      searchableAttributes: ["shortName", ...localized("name"), ...localized("series"), ...localized("city"), ...localized("venue"), "year"],
      filterableAttributes: filters(["id", "seriesSlug", "year"]),
      facetSearch: false,
      sortableAttributes: ["startsOn"],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "startsOn:desc"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance("year"),
      pagination: { maxTotalHits: 1000 },
      proximityPrecision: "byAttribute",
    },
  },
  // Public, sent policy notices (issue 11): title before body; grams_zh finds Chinese words inside longer ones.
  notices: {
    key: "notices",
    primaryKey: "id",
    settings: {
      searchableAttributes: [...localized("title"), ...localized("department"), ...localized("body"), "grams_zh"],
      filterableAttributes: filters(["id", "category", "public"]),
      facetSearch: false,
      sortableAttributes: ["sentAt"],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "sentAt:desc"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance(),
      pagination: { maxTotalHits: 1000 },
      proximityPrecision: "byAttribute",
    },
  },
  hs: {
    key: "hs",
    primaryKey: "code",
    settings: {
      // What people call the product (the vocabulary's names) before the
      // tariff's wording; the code itself first of all.
      searchableAttributes: ["code", ...localized("head"), ...localized("names"), ...localized("title")],
      filterableAttributes: filters(["level", "chapter", "heading"]),
      facetSearch: false,
      sortableAttributes: ["code"],
      rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "levelRank:desc", "sort"],
      localizedAttributes,
      typoTolerance: codeTypoTolerance("code"),
      pagination: { maxTotalHits: 1000 },
      proximityPrecision: "byAttribute",
    },
  },
};

/**
 * Settings of an index, without synonyms. No `dictionary` and no custom
 * separators: either makes every search rebuild its tokenizer (2.5× slower
 * here); Chinese word parts are split by the app instead (segment.ts).
 */
export function settingsFor(key: IndexKey): Settings {
  return { ...indexDefinitions[key].settings };
}

/**
 * Fingerprint of everything an index is built with apart from synonyms:
 * settings, dictionary and the document format version. A change means a
 * rebuild (done into a new index, then swapped in).
 */
export function settingsHash(key: IndexKey, dictionary: string[], documentVersion: number): string {
  // The dictionary shapes the documents (segment.ts), so a change to it rebuilds them.
  const payload = JSON.stringify({ settings: settingsFor(key), dictionary: [...dictionary].sort(), primaryKey: indexDefinitions[key].primaryKey, documentVersion });
  return crypto.createHash("sha256").update(payload).digest("hex").slice(0, 16);
}
