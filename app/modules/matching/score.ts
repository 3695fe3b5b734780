/**
 * How well a product answers a buyer's sourcing request, and why. Pure: the
 * callers (matches.server.ts) feed it the request and the product as the
 * search documents carry them, plus the product's text relevance that
 * Meilisearch measured. Every reason is a stable code with raw parameters;
 * reasons.server.ts words them in the reader's language.
 */
import { hsAncestors } from "~/modules/hs/hs-code";

/**
 * Every weight of the score, in points of a 0–100 scale. Positive signals add
 * up to exactly 100 for a perfect match; the penalties take points away
 * (the total is then kept within 0–100).
 */
export const MATCH_WEIGHTS = {
  /**
   * HS code, the interlingua of matching: the product is filed under the
   * 6-digit subheading the buyer asked for (or within the 4-digit heading
   * the buyer asked for). The largest single signal, since it is what the
   * buyer chose in the HS picker and is language-independent.
   */
  hsExact: 30,
  /** Same 4-digit heading, another subheading (9405.11 asked, 9405.42 offered): a close substitute. */
  hsHeading: 18,
  /** Same 2-digit chapter only (94): related trade, rarely what is wanted; mostly carried by the words. */
  hsChapter: 6,
  /**
   * Text relevance: Meilisearch's ranking score (0–1) of the product for the
   * request's keywords (or its title), times this. Catches what the HS code
   * cannot tell apart (LED ceiling light vs. crystal chandelier, both
   * 9405.11) and requests filed under a neighbouring code.
   */
  text: 20,
  /**
   * Certifications the buyer requires, all held by the product. Without them
   * goods cannot enter the destination market (INMETRO for Brazil, CE for
   * the EU), so this counts almost as much as the words. Held ones earn their
   * share when some are missing.
   */
  certAll: 15,
  /** Taken away for each required certification the product lacks (and the reason names it). */
  certMissingEach: 8,
  /**
   * For each valid certification the product holds that the bureau's rules
   * say matters in the request's market (INMETRO for Brazil, CE for an EU
   * member), required by the buyer or not: the goods can go there as they
   * are. Small, and at most `certMarketMax` in all: the required ones are
   * already weighed above.
   */
  certMarketEach: 2,
  certMarketMax: 4,
  /** The product's minimum order is within the requested quantity. */
  moqOk: 8,
  /**
   * Most taken away when the minimum order is above the requested quantity:
   * in proportion to how far above (10% above costs a tenth; twice the
   * quantity or more costs all of it): a slightly higher MOQ is often
   * negotiable, a tenfold one is not.
   */
  moqHigh: 10,
  /** The product's lowest FOB price is at or below the buyer's target price. */
  priceOk: 8,
  /** Most taken away when the lowest FOB price is above the target, in proportion as for the MOQ. */
  priceHigh: 6,
  /** The firm already exports to the request's destination country: it knows the rules, ports and paperwork. */
  marketDestination: 6,
  /** The firm exports to the buyer's own country (when the goods go elsewhere). */
  marketBuyerCountry: 4,
  /** The firm's sales team speaks the buyer's first language. */
  languageFirst: 5,
  /** The sales team speaks another of the buyer's languages (often English only). */
  languageOther: 3,
  /** The firm is verified by the commerce bureau (every public product is; kept for firm-side views). */
  verified: 3,
  /** Profile completeness (0–100%) times this: fuller profiles answer more of a buyer's questions. */
  profile: 5,
  /** Completeness from which "profile complete" is given as a reason. */
  profileReasonFrom: 80,
  /** A firm's score is its best product's, plus this for each other matching product... */
  firmExtraProduct: 1,
  /** ...up to this many: a range helps, but one right product is what the buyer needs. */
  firmExtraProductsMax: 3,
  /**
   * Without a heading-level HS match, a product must reach this text
   * relevance to count as a match at all: most of the buyer's words, not one
   * of them ("light" in a firm called "... Lighting Co." is no rice cooker's
   * reason to be shown for LED ceiling lights).
   */
  minTextWithoutHs: 0.7,
  /** Text relevance from which "matches your keywords" is given as a reason. */
  textReasonFrom: 0.6,
} as const;

/** A sourcing request as scoring needs it (the fields of RequestDocument). */
export interface MatchRequest {
  /** 4- or 6-digit codes. */
  hsCodes: readonly string[];
  quantity: number | null;
  unit: string | null;
  targetPriceUsd: number | null;
  requiredCertifications: readonly string[];
  destinationCountry: string | null;
  buyerCountry: string | null;
  /** ISO 639-1 codes, the buyer's preferred first. */
  buyerLanguages: readonly string[];
  /**
   * The certifications that matter in the request's markets (its
   * destination, then the buyer's country), by the bureau's rules: from
   * `marketCertifications` (market-certifications.ts). Absent: none counted.
   */
  marketCertifications?: readonly MarketCertifications[];
}

/** The certification codes that matter for one country (EU ones included for an EU member). */
export interface MarketCertifications {
  country: string;
  codes: readonly string[];
}

/** A product as scoring needs it (the fields of ProductDocument, plus its text relevance). */
export interface MatchProduct {
  hsCode: string;
  /** Meilisearch ranking score of the product for the request's words, 0–1 (0: the words were not found). */
  textScore: number;
  certifications: readonly string[];
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: number | null;
  /** The firm's export markets, ISO 3166-1 alpha-2. */
  markets: readonly string[];
  /** Languages of the firm's sales team, ISO 639-1. */
  languages: readonly string[];
  verified: boolean;
  /** The firm's profile completeness, 0–100. */
  quality: number;
}

export const reasonCodes = [
  "hs.exact",
  "hs.heading",
  "hs.chapter",
  "text.match",
  "cert.all",
  "cert.partial",
  "cert.missing",
  "cert.market",
  "moq.ok",
  "moq.high",
  "price.ok",
  "price.high",
  "market.served",
  "language.common",
  "verified",
  "profile.complete",
  "firm.products",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export type ReasonParams = Record<string, string | number | readonly string[]>;

export interface MatchReason {
  code: ReasonCode;
  params: ReasonParams;
  /** Points this reason added (negative: took away), before the total is kept within 0–100. */
  points: number;
}

export type HsRelation = "exact" | "heading" | "chapter";

export interface MatchScore {
  /** 0–100, rounded. */
  score: number;
  /** Strongest first; penalties among them by their weight. */
  reasons: MatchReason[];
  hs: HsRelation | null;
}

/** Reasons that count against a match (shown as such). */
const negativeCodes: ReadonlySet<ReasonCode> = new Set(["cert.missing", "moq.high", "price.high"]);

export function isNegativeReason(code: ReasonCode): boolean {
  return negativeCodes.has(code);
}

const HS_CODE = /^\d{2}(\d{2}){0,2}$/;

/**
 * How a product's code stands to the requested codes: "exact" when it is the
 * requested code or lies within it (a 4-digit request covers its
 * subheadings), "heading" when it shares the 4-digit heading, "chapter" when
 * it shares the 2-digit chapter. `code` is the requested code it relates to.
 */
export function hsRelation(requested: readonly string[], productCode: string): { relation: HsRelation; code: string } | null {
  if (!HS_CODE.test(productCode)) return null;
  let best: { relation: HsRelation; code: string } | null = null;
  const rank = { exact: 3, heading: 2, chapter: 1 } as const;
  for (const code of requested) {
    if (!HS_CODE.test(code)) continue;
    let relation: HsRelation | null = null;
    if (code.length >= 4 && productCode.startsWith(code)) relation = "exact";
    else if (code.length >= 4 && productCode.length >= 4 && productCode.slice(0, 4) === code.slice(0, 4)) relation = "heading";
    else if (productCode.slice(0, 2) === code.slice(0, 2)) relation = "chapter";
    if (relation && (!best || rank[relation] > rank[best.relation])) best = { relation, code };
  }
  return best;
}

/** The HS prefixes a request reaches at each level: its codes, their headings, their chapters. */
export function requestHsLevels(codes: readonly string[]): { codes: string[]; headings: string[]; chapters: string[] } {
  const valid = [...new Set(codes.filter((code) => /^\d{4}(\d{2})?$/.test(code)))];
  const ancestors = valid.map((code) => hsAncestors(code));
  return {
    codes: valid,
    headings: [...new Set(ancestors.map((list) => list[1]))],
    chapters: [...new Set(ancestors.map((list) => list[0]))],
  };
}

/** Share of the way from `limit` to twice `limit` that `value` has gone, 0–1. */
function overshoot(value: number, limit: number): number {
  if (limit <= 0) return 1;
  return Math.min(1, Math.max(0, (value - limit) / limit));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Quantities compare only in the same unit (a request in sets says nothing of a MOQ in pieces). */
function sameUnit(a: string | null, b: string | null): boolean {
  return !a || !b || a === b;
}

export function scoreMatch(request: MatchRequest, product: MatchProduct): MatchScore {
  const w = MATCH_WEIGHTS;
  const reasons: MatchReason[] = [];
  const add = (code: ReasonCode, points: number, params: ReasonParams = {}) => reasons.push({ code, params, points: round1(points) });
  let total = 0;

  const hs = hsRelation(request.hsCodes, product.hsCode);
  if (hs) {
    const points = { exact: w.hsExact, heading: w.hsHeading, chapter: w.hsChapter }[hs.relation];
    total += points;
    const shown = hs.relation === "exact" ? product.hsCode : hs.relation === "heading" ? product.hsCode.slice(0, 4) : product.hsCode.slice(0, 2);
    add(`hs.${hs.relation}`, points, { code: shown, requested: hs.code });
  }

  const text = Math.min(1, Math.max(0, Number.isFinite(product.textScore) ? product.textScore : 0));
  const textPoints = text * w.text;
  total += textPoints;
  if (text >= w.textReasonFrom) add("text.match", textPoints, { percent: Math.round(text * 100) });

  const required = [...new Set(request.requiredCertifications)];
  if (required.length) {
    const held = new Set(product.certifications);
    const have = required.filter((code) => held.has(code));
    const missing = required.filter((code) => !held.has(code));
    if (missing.length === 0) {
      total += w.certAll;
      add("cert.all", w.certAll, { codes: have });
    } else {
      const share = (w.certAll * have.length) / required.length;
      if (have.length) add("cert.partial", share, { codes: have });
      const penalty = w.certMissingEach * missing.length;
      total += share - penalty;
      add("cert.missing", -penalty, { codes: missing });
    }
  }

  // Held (valid) certifications that matter where the goods go: "INMETRO — required for Brazil".
  let marketPoints = 0;
  const named = new Set<string>();
  const productCodes = new Set(product.certifications);
  for (const market of request.marketCertifications ?? []) {
    const held = [...new Set(market.codes)].filter((code) => productCodes.has(code) && !named.has(code));
    if (!held.length) continue;
    held.forEach((code) => named.add(code));
    const points = Math.min(w.certMarketMax - marketPoints, w.certMarketEach * held.length);
    marketPoints += points;
    total += points;
    add("cert.market", points, { codes: held, country: market.country });
  }

  if (request.quantity !== null && request.quantity > 0 && product.moq !== null && sameUnit(request.unit, product.moqUnit)) {
    const unit = request.unit ?? product.moqUnit ?? "";
    if (product.moq <= request.quantity) {
      total += w.moqOk;
      add("moq.ok", w.moqOk, { moq: product.moq, quantity: request.quantity, unit });
    } else {
      const penalty = w.moqHigh * overshoot(product.moq, request.quantity);
      total -= penalty;
      add("moq.high", -penalty, { moq: product.moq, quantity: request.quantity, unit });
    }
  }

  if (request.targetPriceUsd !== null && request.targetPriceUsd > 0 && product.priceMinUsd !== null) {
    if (product.priceMinUsd <= request.targetPriceUsd) {
      total += w.priceOk;
      add("price.ok", w.priceOk, { price: product.priceMinUsd, target: request.targetPriceUsd });
    } else {
      const penalty = w.priceHigh * overshoot(product.priceMinUsd, request.targetPriceUsd);
      total -= penalty;
      add("price.high", -penalty, { price: product.priceMinUsd, target: request.targetPriceUsd });
    }
  }

  const markets = new Set(product.markets);
  if (request.destinationCountry && markets.has(request.destinationCountry)) {
    total += w.marketDestination;
    add("market.served", w.marketDestination, { country: request.destinationCountry });
  } else if (request.buyerCountry && markets.has(request.buyerCountry)) {
    total += w.marketBuyerCountry;
    add("market.served", w.marketBuyerCountry, { country: request.buyerCountry });
  }

  const spoken = new Set(product.languages);
  const common = request.buyerLanguages.filter((language) => spoken.has(language));
  if (common.length) {
    const points = common[0] === request.buyerLanguages[0] ? w.languageFirst : w.languageOther;
    total += points;
    // Portuguese is named first: it is what Ponte's buyers most want to hear.
    const named = common.includes("pt") ? ["pt", ...common.filter((language) => language !== "pt")] : common;
    add("language.common", points, { languages: named });
  }

  if (product.verified) {
    total += w.verified;
    add("verified", w.verified);
  }

  const quality = Math.min(100, Math.max(0, product.quality));
  const profilePoints = (w.profile * quality) / 100;
  total += profilePoints;
  if (quality >= w.profileReasonFrom) add("profile.complete", profilePoints, { percent: Math.round(quality) });

  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { score: Math.round(Math.min(100, Math.max(0, total))), reasons, hs: hs?.relation ?? null };
}

/**
 * Whether a scored product is a match worth showing at all: filed under the
 * requested heading (or code), or clearly about the same thing in words.
 */
export function isRelevantMatch(result: MatchScore, textScore: number): boolean {
  return result.hs === "exact" || result.hs === "heading" || textScore >= MATCH_WEIGHTS.minTextWithoutHs;
}

export interface FirmMatch<Id> {
  /** The firm's best product. */
  best: Id;
  score: number;
  /** The best product's reasons, plus how many matching products the firm has. */
  reasons: MatchReason[];
  /** Matching products of the firm, best first. */
  products: Id[];
}

/**
 * A firm as a match: the score of its best product, plus a little for each
 * other matching product (a range of suitable products), up to a limit.
 */
export function scoreFirm<Id>(products: readonly { id: Id; result: MatchScore }[]): FirmMatch<Id> | null {
  if (!products.length) return null;
  const ranked = [...products].sort((a, b) => b.result.score - a.result.score);
  const [best] = ranked;
  const extra = Math.min(ranked.length - 1, MATCH_WEIGHTS.firmExtraProductsMax) * MATCH_WEIGHTS.firmExtraProduct;
  const reasons = [...best.result.reasons];
  if (ranked.length > 1) reasons.push({ code: "firm.products", params: { count: ranked.length }, points: extra });
  return {
    best: best.id,
    score: Math.min(100, best.result.score + extra),
    reasons,
    products: ranked.map((entry) => entry.id),
  };
}
