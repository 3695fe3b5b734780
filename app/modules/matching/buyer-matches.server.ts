import type { SearchResponse } from "meilisearch";
import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { productTitle } from "~/modules/product/product-text.server";
import { indexName, searchClient } from "~/modules/search/client.server";
import { prisma } from "~/utils/db.server";
import { reasonRendererFor, type RenderedReason } from "./reasons.server";
import { isRelevantMatch, scoreFirm, scoreMatch, type MatchScore } from "./score";
import { anyTitle, MATCH_LIMIT, productCandidateQueries, toMatchProduct, type Candidate, type CandidateDocument, type ProductCandidateLimits } from "./candidates";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { fallbackLocale, requestSearchText, requestSelect, toMatchRequest } from "./match-request.server";
import { isRecordId } from "./record-id";

/**
 * The buyer's side of matching: ranked products (and the same grouped by
 * firm) for a sourcing request, from one multi-search on the products index
 * (the request's codes, headings and chapters, and its words), then scoring.
 */
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
  options: { locale: Locale; limit?: number; candidates?: ProductCandidateLimits },
): Promise<RequestMatches | null> {
  const started = performance.now();
  if (!isRecordId(requestId)) return null;
  const row = await prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: requestSelect });
  if (!row) return null;
  const limit = options.limit ?? MATCH_LIMIT;
  const request = toMatchRequest(row, await loadCertificationRules());
  const text = requestSearchText(row.keywords, anyTitle(row.title));
  const labelled = productCandidateQueries(indexName("products"), request, text, options.candidates);
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
