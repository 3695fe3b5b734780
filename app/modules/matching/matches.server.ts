import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { Locale } from "~/i18n/config";
import { searchableChinese } from "~/modules/search/vocabulary.server";
import { completenessSelect } from "~/modules/firm/completeness";
import { requestSelect as requestColumns } from "~/modules/request/request.server";
import { displayLabel, displayText, displayTextIn } from "~/modules/i18n-text/display.server";
import { quantityUnitName } from "~/modules/reference/units";
import { productTypesByKey } from "~/modules/product/vocabulary";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { productTitle } from "~/modules/product/product-text.server";
import { countryName } from "~/modules/reference/countries.server";
import { firmQuality, type ProductDocument, type RequestDocument } from "~/modules/search/documents.server";
import { indexName, searchClient } from "~/modules/search/client.server";
import { anyOf, quote } from "~/modules/search/filters";
import { firmVisibleRequestWhere, startOfUtcDay, visibilitiesForFirm } from "~/modules/request/firm-visibility";
import { prisma, type Prisma } from "~/utils/db.server";
import { reasonRendererFor, type RenderedReason } from "./reasons.server";
import {
  hsRelation,
  isRelevantMatch,
  MATCH_WEIGHTS,
  requestHsLevels,
  scoreFirm,
  scoreMatch,
  type MatchProduct,
  type MatchRequest,
  type MatchScore,
} from "./score";
import { hasHan } from "~/modules/i18n-text/han";
import { hasWords } from "~/modules/search/search-params";

/**
 * Buyer ↔ supplier matching. Candidates come from Meilisearch (never from a
 * table scan), in as few round trips as possible; score.ts ranks them and
 * says why; reasons.server.ts words the reasons for the reader.
 *
 * - matchesForRequest: one multi-search on the products index (the
 *   request's codes, headings and chapters, and its words), then scoring.
 * - requestsForFirm: one multi-search on the requests index (the firm's
 *   codes, headings and product words, open and visible to the firm only),
 *   then a database check of the best ones (the index may lag a change).
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

import { isRecordId } from "./record-id";

export { isRecordId };

const LATIN = /[A-Za-z\u00c0-\u024f]/u;

/**
 * Little words of the buyers' languages that every product has: each word
 * of a query costs Meilisearch time and they rank nothing. ("LED" and
 * "W" stay: they mean something here.)
 */
const FILLER_WORDS = new Set(
  "a an and as at by for in of on or the to with à ao aos as às com da das de del do dos e el em en la las los na nas no nos o os para por um uma y".split(" "),
);

export interface RequestText {
  q: string;
  locales?: ["cmn"];
}

/**
 * The words to look for: the buyer's keywords (their own words for the
 * product) or else the title. Quotes and leading minus signs are Meilisearch
 * syntax (phrase, negation), not the buyer's meaning: dropped. Chinese is
 * searched in Simplified characters, as the index holds it.
 */
export function requestSearchText(keywords: string, title: string): RequestText | null {
  const source = keywords.trim() || title.trim();
  let cleaned = source
    .replace(/["“”]/g, " ")
    .replace(/(^|\s)-+/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  if (!hasWords(cleaned)) return null;
  const kept = cleaned
    .split(" ")
    .filter((word) => !FILLER_WORDS.has(word.toLowerCase().replace(/[,.;:!?]+$/, "")))
    .join(" ");
  if (hasWords(kept)) cleaned = kept;
  if (hasHan(cleaned)) {
    const q = searchableChinese(cleaned);
    return LATIN.test(q) ? { q } : { q, locales: ["cmn"] };
  }
  return { q: cleaned };
}

/** The language of a text shown in place of the reader's (for `lang`), or null. */
function fallbackLocale(value: unknown, locale: Locale): string | null {
  const shown = displayText(value, locale);
  return shown?.isFallback ? shown.locale : null;
}

/** The authored title of a request, whatever its language (it is searched, not shown). */
function anyTitle(title: unknown): string {
  const entries = Object.values(asLocalizedText(title));
  return (entries.find((entry) => entry?.origin === "author") ?? entries[0])?.text ?? "";
}

// ───────────────────────── who may see a request's matches ─────────────────────────


// ───────────────────────── products for a request ─────────────────────────

const requestSelect = {
  ...requestColumns,
  buyerCompany: { select: { country: true, languages: true } },
} satisfies Prisma.SourcingRequestSelect;

type RequestRow = Prisma.SourcingRequestGetPayload<{ select: typeof requestSelect }>;

function toMatchRequest(row: RequestRow): MatchRequest {
  return {
    hsCodes: row.hsCodes,
    quantity: row.quantity,
    unit: row.unit,
    targetPriceUsd: row.targetPriceUsd === null ? null : Number(row.targetPriceUsd),
    requiredCertifications: row.requiredCertifications,
    destinationCountry: row.destinationCountry,
    buyerCountry: row.buyerCompany.country,
    buyerLanguages: row.buyerCompany.languages,
  };
}

const productFields = [
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

type CandidateDocument = Pick<ProductDocument, (typeof productFields)[number]>;

interface LabelledQuery {
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
export function productCandidateQueries(request: MatchRequest, text: RequestText | null, limits: ProductCandidateLimits = CANDIDATES): LabelledQuery[] {
  const uid = indexName("products");
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

interface Candidate {
  doc: CandidateDocument;
  textScore: number;
}

function toMatchProduct(doc: CandidateDocument, textScore: number): MatchProduct {
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

export interface ProductMatch {
  productId: string;
  productName: string;
  /** Language of the name when it is not the reader's (for `lang`). */
  productNameLocale: string | null;
  firmId: string;
  firmSlug: string;
  firmName: string;
  /** Language of the firm's name when it is not the reader's. */
  firmNameLocale: string | null;
  hsCode: string;
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: number | null;
  priceMaxUsd: number | null;
  thumbKey: string | null;
  score: number;
  reasons: RenderedReason[];
}

export interface FirmMatchView {
  firmId: string;
  firmSlug: string;
  firmName: string;
  firmNameLocale: string | null;
  score: number;
  bestProductId: string;
  bestProductName: string;
  productCount: number;
  reasons: RenderedReason[];
}

export interface RequestMatches {
  request: { id: string; title: string; status: "OPEN" | "CLOSED"; hsCodes: string[] };
  products: ProductMatch[];
  firms: FirmMatchView[];
  /** Products scored (before the cut to the top ones). */
  candidates: number;
  tookMs: number;
}

/**
 * Ranked products (and the same grouped by firm) for a sourcing request, with
 * reasons in `locale`. Null when there is no such request (who may see it is
 * checked before: modules/access/matching.server.ts). Throws when
 * the search engine cannot be reached.
 */
export async function matchesForRequest(
  requestId: string,
  options: { locale: Locale; limit?: number; candidates?: Parameters<typeof productCandidateQueries>[2] },
): Promise<RequestMatches | null> {
  const started = performance.now();
  if (!isRecordId(requestId)) return null;
  const row = await prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: requestSelect });
  if (!row) return null;
  const limit = options.limit ?? MATCH_LIMIT;
  const request = toMatchRequest(row);
  const text = requestSearchText(row.keywords, anyTitle(row.title));
  const labelled = productCandidateQueries(request, text, options.candidates);
  const [response, render] = await Promise.all([
    searchClient().multiSearch({ queries: labelled.map((entry) => entry.query) }),
    reasonRendererFor(options.locale, "buyer"),
  ]);

  const candidates = new Map<string, Candidate>();
  (response.results as unknown as SearchResponse<CandidateDocument>[]).forEach((result, index) => {
    const words = labelled[index].words;
    for (const hit of result.hits) {
      const textScore = words ? (hit._rankingScore ?? 0) : 0;
      const known = candidates.get(hit.id);
      if (known) known.textScore = Math.max(known.textScore, textScore);
      else candidates.set(hit.id, { doc: hit, textScore });
    }
  });

  const scored = [...candidates.values()]
    .map((candidate) => ({ ...candidate, result: scoreMatch(request, toMatchProduct(candidate.doc, candidate.textScore)) }))
    .filter((entry) => isRelevantMatch(entry.result, entry.textScore))
    .sort((a, b) => b.result.score - a.result.score || b.textScore - a.textScore || b.doc.quality - a.doc.quality || a.doc.id.localeCompare(b.doc.id));

  const names = new Map<string, { name: string; locale: string | null }>();
  const nameOf = (doc: CandidateDocument) => {
    let known = names.get(doc.id);
    if (!known) {
      const title = productTitle(doc.display.name, doc.display.attributes, options.locale);
      known = { name: title.text, locale: title.kind === "fallback" ? title.locale : null };
      names.set(doc.id, known);
    }
    return known;
  };
  const renderAll = (result: Pick<MatchScore, "reasons">) => result.reasons.map(render);

  const products: ProductMatch[] = scored.slice(0, limit).map(({ doc, result }) => ({
    productId: doc.id,
    productName: nameOf(doc).name,
    productNameLocale: nameOf(doc).locale,
    firmId: doc.firmId,
    firmSlug: doc.firmSlug,
    firmName: displayTextIn(doc.display.firmName, options.locale),
    firmNameLocale: fallbackLocale(doc.display.firmName, options.locale),
    hsCode: doc.hsCode,
    moq: doc.moq,
    moqUnit: doc.moqUnit,
    priceMinUsd: doc.priceMinUsd,
    priceMaxUsd: doc.priceMaxUsd,
    thumbKey: doc.thumbKey,
    score: result.score,
    reasons: renderAll(result),
  }));

  const byFirm = new Map<string, { id: CandidateDocument; result: MatchScore }[]>();
  for (const entry of scored) {
    const list = byFirm.get(entry.doc.firmId) ?? [];
    list.push({ id: entry.doc, result: entry.result });
    byFirm.set(entry.doc.firmId, list);
  }
  const firms: FirmMatchView[] = [...byFirm.values()]
    .map((list) => scoreFirm(list))
    .filter((firm): firm is NonNullable<typeof firm> => firm !== null)
    .sort((a, b) => b.score - a.score || b.best.quality - a.best.quality || a.best.firmId.localeCompare(b.best.firmId))
    .slice(0, limit)
    .map((firm) => ({
      firmId: firm.best.firmId,
      firmSlug: firm.best.firmSlug,
      firmName: displayTextIn(firm.best.display.firmName, options.locale),
      firmNameLocale: fallbackLocale(firm.best.display.firmName, options.locale),
      score: firm.score,
      bestProductId: firm.best.id,
      bestProductName: nameOf(firm.best).name,
      productCount: firm.products.length,
      reasons: renderAll(firm),
    }));

  return {
    request: { id: row.id, title: displayTextIn(row.title, options.locale), status: row.status, hsCodes: row.hsCodes },
    products,
    firms,
    candidates: candidates.size,
    tookMs: Math.round(performance.now() - started),
  };
}

// ───────────────────────── requests for a firm ─────────────────────────

const requestFields = [
  "id",
  "hsCodes",
  "quantity",
  "unit",
  "targetPriceUsd",
  "requiredCertifications",
  "destinationCountry",
  "buyerCountry",
  "buyerLanguages",
  "createdAt",
] as const;

type RequestCandidate = Pick<RequestDocument, (typeof requestFields)[number]>;

const firmSelect = {
  id: true,
  verification: true,
  published: true,
  ...completenessSelect,
  products: {
    where: { published: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, attributes: true, hsCode: true, moq: true, moqUnit: true, priceMinUsd: true, certifications: true },
  },
} satisfies Prisma.FirmSelect;

export interface RequestMatchView {
  requestId: string;
  title: string;
  /** Language of the title when it is not the reader's. */
  titleLocale: string | null;
  hsCodes: string[];
  quantity: number | null;
  unit: string | null;
  /** The unit named in the reader's language. */
  unitName: string;
  targetPriceUsd: number | null;
  requiredCertifications: string[];
  destinationCountry: string | null;
  destinationCountryName: string | null;
  buyerCountryName: string | null;
  deadline: string | null;
  visibility: "PUBLIC" | "VERIFIED_FIRMS" | "PRIVATE";
  createdAt: string;
  score: number;
  product: { id: string; name: string };
  reasons: RenderedReason[];
  /** The firm's thread with the buyer about this request, once it has answered. */
  inquiryId: string | null;
}

export interface FirmRequestMatches {
  firm: { id: string; name: string; verified: boolean; published: boolean; productCount: number };
  requests: RequestMatchView[];
  candidates: number;
  tookMs: number;
}

/** The words that stand for a product when requests are searched: its kind's name ("ceiling light"), else its name. */
function productWords(name: unknown, attributes: unknown): string | null {
  const type = attributes && typeof attributes === "object" ? (attributes as { type?: unknown }).type : undefined;
  const known = typeof type === "string" ? productTypesByKey.get(type) : undefined;
  if (known) return known.names.en;
  const text = asLocalizedText(name);
  const written = text.en?.text ?? text.pt?.text ?? text["zh-CN"]?.text ?? text["zh-Hant"]?.text;
  // Model numbers and figures ("XI-CL675", "24 W") are no buyer's words.
  return written ? written.split(/\s+/).filter((word) => !/\d/.test(word) && !/^(w|v|k|l|mm|cm|m|kg)$/i.test(word)).join(" ") || written : null;
}

/**
 * Open sourcing requests that match the firm's published products, best
 * first, each with the firm's best product for it and the reasons (worded
 * for the firm). Only requests the firm may see: open, deadline not passed,
 * PUBLIC or (for a verified firm) VERIFIED_FIRMS; never PRIVATE. Null when
 * there is no such firm. Callers check who is asking first.
 *
 * One multi-search on the requests index: the open requests under the
 * firm's codes, those under its headings, and, for each kind of product the
 * firm makes, the requests found by its words (cross-language synonyms find
 * "luminária de teto" for "ceiling light"). Text relevance is measured in
 * that direction here — the request's ranking score for the product's words
 * — because one query per kind of product is cheap where one per request
 * (the buyer's side's direction) would take a query for each of dozens of
 * requests. Then the database checks the best ones are still open to the
 * firm (the index may lag a change), and score.ts ranks them.
 */
export async function requestsForFirm(firmId: string, options: { locale: Locale; limit?: number; now?: Date }): Promise<FirmRequestMatches | null> {
  const started = performance.now();
  if (!isRecordId(firmId)) return null;
  const firm = await prisma.firm.findUnique({ where: { id: firmId }, select: firmSelect });
  if (!firm) return null;
  const now = options.now ?? new Date();
  const limit = options.limit ?? MATCH_LIMIT;
  const verified = firm.verification === "VERIFIED";
  const summary = { id: firm.id, name: displayTextIn(firm.name, options.locale), verified, published: firm.published, productCount: firm.products.length };
  const empty = () => ({ firm: summary, requests: [], candidates: 0, tookMs: Math.round(performance.now() - started) });
  if (!firm.products.length) return empty();

  const quality = firmQuality(firm);
  const products = firm.products.map((product) => ({
    id: product.id,
    name: product.name,
    attributes: product.attributes,
    words: requestSearchText(productWords(product.name, product.attributes) ?? "", ""),
    match: {
      hsCode: product.hsCode,
      textScore: 0,
      certifications: product.certifications,
      moq: product.moq,
      moqUnit: product.moqUnit,
      priceMinUsd: product.priceMinUsd === null ? null : Number(product.priceMinUsd),
      markets: firm.exportMarkets,
      languages: firm.languages,
      verified,
      quality,
    } satisfies MatchProduct,
  }));

  const codes = [...new Set(products.map((product) => product.match.hsCode).filter((code) => /^\d{4}(\d{2})?$/.test(code)))];
  const headings = [...new Set(codes.map((code) => code.slice(0, 4)))];
  const sixDigit = codes.filter((code) => code.length === 6);
  const visible = [
    `status = "OPEN"`,
    anyOf("visibility", visibilitiesForFirm(verified))!,
    `(deadline IS NULL OR deadline >= ${Math.floor(startOfUtcDay(now).getTime() / 1000)})`,
  ];
  // The firm's kinds of product, most common first: one query each.
  const byWords = new Map<string, { text: RequestText; products: Set<string> }>();
  for (const product of products) {
    if (!product.words) continue;
    const entry = byWords.get(product.words.q) ?? { text: product.words, products: new Set<string>() };
    entry.products.add(product.id);
    byWords.set(product.words.q, entry);
  }
  const wordQueries = [...byWords.values()].sort((a, b) => b.products.size - a.products.size).slice(0, CANDIDATES.requestWordQueries);
  const requestsUid = indexName("requests");
  const base = { indexUid: requestsUid, attributesToRetrieve: [...requestFields] };
  const queries: MultiSearchQuery[] = [
    ...(sixDigit.length ? [{ ...base, q: "", sort: ["createdAt:desc"], filter: [...visible, anyOf("hsPrefixes", sixDigit)!], limit: CANDIDATES.requestsExact }] : []),
    ...(headings.length ? [{ ...base, q: "", sort: ["createdAt:desc"], filter: [...visible, anyOf("hsPrefixes", headings)!], limit: CANDIDATES.requestsHeading }] : []),
    ...wordQueries.map(({ text }) => ({
      ...base,
      q: text.q,
      ...(text.locales ? { locales: text.locales } : {}),
      matchingStrategy: "frequency" as const,
      showRankingScore: true,
      filter: visible,
      limit: CANDIDATES.requestsByWords,
    })),
  ];
  const response = await searchClient().multiSearch({ queries });
  const results = response.results as unknown as SearchResponse<RequestCandidate>[];
  const found = new Map<string, RequestCandidate>();
  const textScores = new Map<string, Map<string, number>>();
  const wordResults = results.slice(queries.length - wordQueries.length);
  for (const result of results) for (const hit of result.hits) if (!found.has(hit.id)) found.set(hit.id, hit);
  wordResults.forEach((result, index) => {
    for (const hit of result.hits) {
      const scores = textScores.get(hit.id) ?? new Map<string, number>();
      for (const productId of wordQueries[index].products) scores.set(productId, Math.max(scores.get(productId) ?? 0, hit._rankingScore ?? 0));
      textScores.set(hit.id, scores);
    }
  });

  /** The firm's best product for a request, or null when none is a match. */
  const best = (requestId: string, request: MatchRequest) => {
    let top: { productIndex: number; result: MatchScore } | null = null;
    const scores = textScores.get(requestId);
    products.forEach((product, productIndex) => {
      const textScore = scores?.get(product.id) ?? 0;
      // Unrelated products (most of a firm's, for most requests) need no scoring.
      const relation = hsRelation(request.hsCodes, product.match.hsCode)?.relation;
      if (relation !== "exact" && relation !== "heading" && textScore < MATCH_WEIGHTS.minTextWithoutHs) return;
      const result = scoreMatch(request, { ...product.match, textScore });
      if (!isRelevantMatch(result, textScore)) return;
      if (!top || result.score > top.result.score) top = { productIndex, result };
    });
    return top as { productIndex: number; result: MatchScore } | null;
  };
  const ranked = [...found.values()]
    .map((doc) => ({
      doc,
      top: best(doc.id, {
        hsCodes: doc.hsCodes,
        quantity: doc.quantity,
        unit: doc.unit,
        targetPriceUsd: doc.targetPriceUsd,
        requiredCertifications: doc.requiredCertifications,
        destinationCountry: doc.destinationCountry,
        buyerCountry: doc.buyerCountry,
        buyerLanguages: doc.buyerLanguages,
      }),
    }))
    .filter((entry) => entry.top !== null)
    .sort((a, b) => b.top!.result.score - a.top!.result.score || b.doc.createdAt - a.doc.createdAt || a.doc.id.localeCompare(b.doc.id))
    .slice(0, CANDIDATES.shortlist);
  if (!ranked.length) return { ...empty(), candidates: found.size };

  // The database has the last word: a request closed, made private or past
  // its deadline a moment ago is not shown, whatever the index still says;
  // and the request is scored as it is now.
  const rows = await prisma.sourcingRequest.findMany({
    where: { id: { in: ranked.map((entry) => entry.doc.id) }, ...firmVisibleRequestWhere(verified, now) },
    select: requestSelect,
  });
  const final = rows
    .map((row) => ({ row, top: best(row.id, toMatchRequest(row)) }))
    .filter((entry) => entry.top !== null)
    .sort((a, b) => b.top!.result.score - a.top!.result.score || b.row.createdAt.getTime() - a.row.createdAt.getTime() || a.row.id.localeCompare(b.row.id))
    .slice(0, limit);

  const [threads, render] = await Promise.all([
    prisma.inquiry.findMany({
      where: { firmId: firm.id, sourcingRequestId: { in: final.map((entry) => entry.row.id) } },
      orderBy: { createdAt: "asc" },
      select: { id: true, sourcingRequestId: true },
    }),
    reasonRendererFor(options.locale, "firm"),
  ]);
  const threadOf = new Map<string, string>();
  for (const thread of threads) if (thread.sourcingRequestId && !threadOf.has(thread.sourcingRequestId)) threadOf.set(thread.sourcingRequestId, thread.id);

  return {
    firm: summary,
    requests: final.map(({ row, top }) => {
      const product = products[top!.productIndex];
      const title = displayText(row.title, options.locale);
      return {
        requestId: row.id,
        title: title?.text ?? "",
        titleLocale: title?.isFallback ? title.locale : null,
        hsCodes: row.hsCodes,
        quantity: row.quantity,
        unit: row.unit,
        unitName: displayLabel(quantityUnitName(row.unit, options.locale), options.locale),
        targetPriceUsd: row.targetPriceUsd === null ? null : Number(row.targetPriceUsd),
        requiredCertifications: row.requiredCertifications,
        destinationCountry: row.destinationCountry,
        destinationCountryName: row.destinationCountry ? countryName(row.destinationCountry, options.locale) : null,
        buyerCountryName: row.buyerCompany.country ? countryName(row.buyerCompany.country, options.locale) : null,
        deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
        visibility: row.visibility,
        createdAt: row.createdAt.toISOString(),
        score: top!.result.score,
        product: { id: product.id, name: productTitle(product.name, product.attributes, options.locale).text },
        reasons: top!.result.reasons.map(render),
        inquiryId: threadOf.get(row.id) ?? null,
      };
    }),
    candidates: found.size,
    tookMs: Math.round(performance.now() - started),
  };
}
