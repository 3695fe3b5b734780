import { marketCertifications } from "~/modules/matching/market-certifications";
import type { CertificationRules } from "~/modules/reference/certificate-validity";
import { isRelevantMatch, scoreFirm, scoreMatch, type MatchProduct, type MatchReason, type MatchRequest } from "~/modules/matching/score";

/**
 * The delegation's firms ranked for one buyer by the existing matching
 * (matching/score.ts): each firm's products scored against each of the
 * buyer's open sourcing requests (or, without any, against the company's
 * profile: its interests as HS codes, country, languages and required
 * certifications), the firm scored by its best request, with the reasons.
 * A delegation is a few dozen known firms, so no search engine is asked:
 * the text relevance is 0 and a product counts when its HS heading fits.
 * Firms with no fitting product stay in the list, after the others.
 */
export interface RankableFirm<Id> {
  id: Id;
  products: { id: string; product: MatchProduct }[];
}

export interface RankedFirm<Id> {
  firmId: Id;
  score: number;
  reasons: MatchReason[];
  /** The firm's best-fitting product ids, best first. */
  productIds: string[];
  /** Index of the request the score comes from (null: no fitting product). */
  requestIndex: number | null;
}

export function profileAsRequest(
  company: { interests: readonly string[]; country: string | null; languages: readonly string[]; requiredCertifications: readonly string[] },
  rules: CertificationRules,
): MatchRequest | null {
  const hsCodes = company.interests.filter((code) => /^\d{4}(\d{2})?$/.test(code));
  if (!hsCodes.length) return null;
  return {
    hsCodes,
    quantity: null,
    unit: null,
    targetPriceUsd: null,
    requiredCertifications: company.requiredCertifications,
    destinationCountry: company.country,
    buyerCountry: company.country,
    buyerLanguages: company.languages,
    marketCertifications: marketCertifications({ destinationCountry: company.country, buyerCountry: company.country }, rules),
  };
}

export function rankFirmsForBuyer<Id extends string>(requests: readonly MatchRequest[], firms: readonly RankableFirm<Id>[]): RankedFirm<Id>[] {
  const ranked = firms.map((firm): RankedFirm<Id> => {
    let best: RankedFirm<Id> = { firmId: firm.id, score: 0, reasons: [], productIds: [], requestIndex: null };
    requests.forEach((request, requestIndex) => {
      const fitting = firm.products
        .map((entry) => ({ id: entry.id, result: scoreMatch(request, entry.product), textScore: entry.product.textScore }))
        .filter((entry) => isRelevantMatch(entry.result, entry.textScore));
      const match = scoreFirm(fitting);
      if (match && (best.requestIndex === null || match.score > best.score)) {
        best = { firmId: firm.id, score: match.score, reasons: match.reasons, productIds: match.products, requestIndex };
      }
    });
    return best;
  });
  return ranked.sort((a, b) => b.score - a.score || (a.requestIndex === null ? 1 : 0) - (b.requestIndex === null ? 1 : 0) || (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0));
}
