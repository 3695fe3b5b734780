import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { Locale } from "~/i18n/config";
import { completenessSelect } from "~/modules/firm/completeness";
import { displayLabel, displayText, displayTextIn } from "~/modules/i18n-text/display.server";
import { quantityUnitName } from "~/modules/reference/units";
import { productTypesByKey } from "~/modules/product/vocabulary";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { productTitle } from "~/modules/product/product-text.server";
import { countryName } from "~/modules/reference/countries.server";
import { firmQuality, type RequestDocument } from "~/modules/search/documents.server";
import { indexName, searchClient } from "~/modules/search/client.server";
import { anyOf } from "~/modules/search/filters";
import { firmVisibleRequestWhere, startOfUtcDay, visibilitiesForFirm } from "~/modules/request/firm-visibility";
import { prisma, type Prisma } from "~/utils/db.server";
import { reasonRendererFor, type RenderedReason } from "./reasons.server";
import { hsRelation, isRelevantMatch, MATCH_WEIGHTS, scoreMatch, type MatchProduct, type MatchRequest, type MatchScore } from "./score";
import { CANDIDATES, MATCH_LIMIT, type RequestText } from "./candidates";
import { requestSearchText, requestSelect, toMatchRequest } from "./match-request.server";
import { isRecordId } from "./record-id";
import { heldCertificates, productCertificationCodes } from "~/modules/reference/certificate-validity";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { zhongshanDay } from "~/utils/time-zone";

/**
 * The firm's side of matching: the open requests its products fit, from one
 * multi-search on the requests index (the firm's codes, headings and product
 * words, open and visible to the firm only), then a database check of the
 * best ones (the index may lag a change).
 */

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
  // A certificate that ran out (stated, or under its rule's validity months) or lacks a required expiry is no match reason.
  const rules = await loadCertificationRules();
  const certificates = heldCertificates(firm.certifications, rules);
  const today = zhongshanDay(now);
  const products = firm.products.map((product) => ({
    id: product.id,
    name: product.name,
    attributes: product.attributes,
    words: requestSearchText(productWords(product.name, product.attributes) ?? "", ""),
    match: {
      hsCode: product.hsCode,
      textScore: 0,
      certifications: productCertificationCodes(product.certifications, certificates, today),
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
    .map((row) => ({ row, top: best(row.id, toMatchRequest(row, rules)) }))
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
