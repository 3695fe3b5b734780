import type { MultiSearchQuery } from "meilisearch";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import type { ProductDocument } from "~/modules/search/documents.server";
import { anyOf, quote } from "~/modules/search/filters";
import { requestHsLevels, type MatchProduct, type MatchRequest } from "./score";

/**
 * The candidates of matching, pure: how many to ask for, the multi-search
 * queries that gather a request's products, and a found product in the
 * shape score.ts ranks. (The I/O is in buyer-matches and firm-matches.)
 */

/** Matches shown for a request, and requests shown to a firm. */
export const MATCH_LIMIT = 20;

/**
 * Candidates asked for per query: enough for the top 20 after scoring, few
 * enough to stay fast at 100,000 products. Each query searched by words
 * costs Meilisearch some 5–8 ms here whatever its limit, so there are few.
 */
export const CANDIDATES = {
  /** Every condition of the request met. */
  perfect: 25,
  /** All conditions but one. */
  relaxed: 30,
  exactText: 30,
  exactAny: 10,
  nearbyText: 15,
  requestsExact: 80,
  requestsHeading: 40,
  requestsByWords: 30,
  /** Kinds of product of a firm searched by their words. */
  requestWordQueries: 4,
  /** Requests checked against the database before the cut to the top ones. */
  shortlist: 30,
} as const;

export type ProductCandidateLimits = Pick<typeof CANDIDATES, "perfect" | "relaxed" | "exactText" | "exactAny" | "nearbyText">;

/** What a request is searched by: its words, and the language of Chinese ones. */
export interface RequestText {
  q: string;
  locales?: ["cmn"];
}

/** The authored title of a request, whatever its language (it is searched, not shown). */
export function anyTitle(title: unknown): string {
  const entries = Object.values(asLocalizedText(title));
  return (entries.find((entry) => entry?.origin === "author") ?? entries[0])?.text ?? "";
}

export const productFields = [
  "id",
  "firmId",
  "firmSlug",
  "hsCode",
  "certifications",
  "markets",
  "languages",
  "moq",
  "moqUnit",
  "priceMinUsd",
  "priceMaxUsd",
  "verified",
  "quality",
  "thumbKey",
  "display",
] as const;

export type CandidateDocument = Pick<ProductDocument, (typeof productFields)[number]>;

export interface LabelledQuery {
  /** Whether the query searched the request's words (its ranking scores are text relevance). */
  words: boolean;
  query: MultiSearchQuery;
}

/** A number for a filter, from our own records; anything odd leaves the condition out. */
const filterNumber = (value: number | null): string | null => (value !== null && Number.isFinite(value) && value >= 0 ? String(value) : null);

/**
 * The multi-search that gathers a request's candidates, in one round trip.
 * Meilisearch cannot rank by score.ts's weights, and under one HS code
 * thousands of products share the same words; so the products score.ts
 * ranks first are fetched by filters, from the strictest to the loosest,
 * each searched by the request's words (Meilisearch then orders by the
 * words and profile quality, as score.ts does). The conditions come in three
 * groups: the required certifications; MOQ and price within the request;
 * exporting to the destination (or the buyer's country) and speaking one of
 * the buyer's languages.
 * - perfect: every group met;
 * - relaxed: all groups but one (any one);
 * - the codes alone, by words, and by profile quality without words
 *   (products described in other words: "吸顶灯" for "ceiling light");
 * - everywhere else by words (the same heading or chapter, or a buyer who
 *   picked a neighbouring code; score.ts weighs the relation).
 * Only public products; codes are checked digits and every value is quoted.
 */
export function productCandidateQueries(uid: string, request: MatchRequest, text: RequestText | null, limits: ProductCandidateLimits = CANDIDATES): LabelledQuery[] {
  const levels = requestHsLevels(request.hsCodes);
  const scope = "public = true";
  const inCodes = anyOf("hsPrefixes", levels.codes);
  const base = { indexUid: uid, attributesToRetrieve: [...productFields] };
  const words = text
    ? { q: text.q, ...(text.locales ? { locales: text.locales } : {}), matchingStrategy: "frequency" as const, showRankingScore: true }
    : { q: "" };
  const query = (filter: string[], limit: number, withWords = true): LabelledQuery => ({
    words: withWords && text !== null,
    query: { ...base, ...(withWords ? words : { q: "" }), filter, limit },
  });
  const queries: LabelledQuery[] = [];
  if (inCodes) {
    const quantity = filterNumber(request.quantity);
    const target = filterNumber(request.targetPriceUsd);
    const all = (parts: (string | null)[]) => parts.filter((part): part is string => Boolean(part)).join(" AND ") || null;
    const groups = [
      all(request.requiredCertifications.map((code) => `certifications = ${quote(code)}`)),
      all([quantity ? `moq <= ${quantity}` : null, target ? `priceMinUsd <= ${target}` : null]),
      all([anyOf("markets", [request.destinationCountry, request.buyerCountry].filter((code): code is string => Boolean(code))), anyOf("languages", request.buyerLanguages)]),
    ].filter((group): group is string => group !== null);
    if (groups.length && limits.perfect > 0) queries.push(query([scope, inCodes, ...groups], limits.perfect));
    if (groups.length > 1) {
      const allButOne = groups.map((_, left) => `(${groups.filter((__, index) => index !== left).join(" AND ")})`);
      queries.push(query([scope, inCodes, allButOne.join(" OR ")], limits.relaxed));
    }
    queries.push(query([scope, inCodes], limits.exactText));
    if (text) queries.push(query([scope, inCodes], limits.exactAny, false));
  }
  if (text) queries.push(query(inCodes ? [scope, `hsPrefixes NOT IN [${levels.codes.map(quote).join(", ")}]`] : [scope], limits.nearbyText));
  return queries;
}

export interface Candidate {
  doc: CandidateDocument;
  textScore: number;
}

export function toMatchProduct(doc: CandidateDocument, textScore: number): MatchProduct {
  return {
    hsCode: doc.hsCode,
    textScore,
    certifications: doc.certifications,
    moq: doc.moq,
    moqUnit: doc.moqUnit,
    priceMinUsd: doc.priceMinUsd,
    markets: doc.markets,
    languages: doc.languages,
    verified: doc.verified,
    quality: doc.quality,
  };
}
