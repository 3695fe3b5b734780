import fs from "node:fs";
import path from "node:path";
import type { Locale } from "~/i18n/config";
import { productTypes, type ClusterKey } from "~/modules/product/vocabulary";
import { searchProducts } from "~/modules/search/queries.server";
import { parseProductSearch } from "~/modules/search/search-params";
import { prisma } from "~/utils/db.server";
import { mean, ndcgAt, precisionAt, recallAt } from "./metrics";

/**
 * Search relevance, measured: every judged buyer query (judged-queries.json,
 * see README.md) is run through a search function, and its first page is
 * scored against the judgments with nDCG@10 and recall@10 (metrics.ts).
 * Judgments are per product type, so the relevant products of a query are
 * the public products of the judged types in whatever data is loaded —
 * the small demo set in the test and the benchmark.
 */
export const K = 10;
/** The top of the page a buyer reads first. */
export const P = 5;

/** Portuguese queries are judged per variant too: Brazilian and European wording. */
export const portugueseVariants = ["pt-BR", "pt-PT"] as const;
export type PortugueseVariant = (typeof portugueseVariants)[number];

export const queryLanguages = ["pt", "en", "zh"] as const;
export type QueryLanguage = (typeof queryLanguages)[number];
export type Grade = 1 | 2;

export interface JudgedQuery {
  id: string;
  lang: QueryLanguage;
  q: string;
  /** What kind of query it is: accentless, typo, plural, variant, synonym, broad, traditional, mixed, exact. */
  tags: string[];
  /** The interface language the buyer would be reading (default: the query's language; a variant's own for `variant`). */
  locale?: Locale;
  /** Portuguese worded as only Brazilians (or only the Portuguese) say it; without it, words both use. */
  variant?: PortugueseVariant;
  /** Every product type of these clusters gets this grade... */
  clusters?: Partial<Record<ClusterKey, Grade>>;
  /** ...and these types this grade (overriding the cluster's). */
  relevant: Record<string, Grade>;
  note?: string;
}

const defaultLocale: Record<QueryLanguage, Locale> = { pt: "pt-BR", en: "en", zh: "zh-CN" };

export function queryLocale(query: JudgedQuery): Locale {
  return query.locale ?? query.variant ?? defaultLocale[query.lang];
}

/** Whether a query counts for a Portuguese variant: its own wording, or words both variants use. */
export function inVariant(query: { lang: QueryLanguage; variant?: PortugueseVariant }, variant: PortugueseVariant): boolean {
  return query.lang === "pt" && (!query.variant || query.variant === variant);
}

const typeKeys = new Set(productTypes.map((type) => type.key));
const clusterKeys = new Set<string>(productTypes.map((type) => type.cluster));

/** The judged set, checked: a mistyped product type or a duplicate id fails loudly instead of judging nothing. */
export function loadJudgedQueries(file = path.join(import.meta.dirname, "judged-queries.json")): JudgedQuery[] {
  const { queries } = JSON.parse(fs.readFileSync(file, "utf8")) as { queries: JudgedQuery[] };
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const query of queries) {
    if (ids.has(query.id)) problems.push(`${query.id}: duplicate id`);
    ids.add(query.id);
    if (!(queryLanguages as readonly string[]).includes(query.lang)) problems.push(`${query.id}: unknown language ${query.lang}`);
    if (!query.q?.trim()) problems.push(`${query.id}: empty query`);
    if (query.variant && (query.lang !== "pt" || !(portugueseVariants as readonly string[]).includes(query.variant))) problems.push(`${query.id}: variant ${query.variant}`);
    for (const key of Object.keys(query.relevant ?? {})) if (!typeKeys.has(key)) problems.push(`${query.id}: unknown product type ${key}`);
    for (const key of Object.keys(query.clusters ?? {})) if (!clusterKeys.has(key)) problems.push(`${query.id}: unknown cluster ${key}`);
    for (const grade of [...Object.values(query.relevant ?? {}), ...Object.values(query.clusters ?? {})]) {
      if (grade !== 1 && grade !== 2) problems.push(`${query.id}: grade ${grade} is not 1 or 2`);
    }
  }
  if (problems.length) throw new Error(`judged-queries.json:\n${problems.join("\n")}`);
  return queries;
}

/** Grade of each product type for a query (types not listed are irrelevant). */
export function typeGrades(query: JudgedQuery): Map<string, Grade> {
  const grades = new Map<string, Grade>();
  for (const [cluster, grade] of Object.entries(query.clusters ?? {})) {
    for (const type of productTypes) if (type.cluster === cluster) grades.set(type.key, grade!);
  }
  for (const [key, grade] of Object.entries(query.relevant)) grades.set(key, grade);
  return grades;
}

export interface CatalogueProduct {
  id: string;
  type: string | null;
  /** Languages the product's name is written in: zh, en, pt. */
  languages: QueryLanguage[];
}

/** What an anonymous buyer can find: published products of verified, published firms. */
export async function loadPublicCatalogue(): Promise<CatalogueProduct[]> {
  const rows = await prisma.product.findMany({
    where: { published: true, firm: { verification: "VERIFIED", published: true } },
    select: { id: true, name: true, attributes: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => {
    const name = (row.name ?? {}) as Record<string, { text?: string } | undefined>;
    const type = (row.attributes as { type?: unknown } | null)?.type;
    const languages: QueryLanguage[] = [];
    if (name["zh-CN"]?.text || name["zh-Hant"]?.text) languages.push("zh");
    if (name.en?.text) languages.push("en");
    if (name.pt?.text) languages.push("pt");
    return { id: row.id, type: typeof type === "string" ? type : null, languages };
  });
}

/** Product id → grade, for one query over a catalogue. */
export function productGrades(query: JudgedQuery, catalogue: readonly CatalogueProduct[]): Map<string, Grade> {
  const byType = typeGrades(query);
  const grades = new Map<string, Grade>();
  for (const product of catalogue) {
    const grade = product.type ? byType.get(product.type) : undefined;
    if (grade) grades.set(product.id, grade);
  }
  return grades;
}

/** A search engine under test: the query's product ids, best first, and how many it matched in all. */
export type RankedSearch = (query: JudgedQuery, limit: number) => Promise<{ ids: string[]; total: number }>;

/** Ponte's search as an anonymous buyer reading in the query's language. */
export const meilisearchSearch: RankedSearch = async (query, limit) => {
  const parsed = parseProductSearch(new URLSearchParams({ q: query.q, perPage: String(limit) }));
  if (!parsed.ok) throw new Error(`${query.id}: the search page would refuse ${JSON.stringify(query.q)}: ${JSON.stringify(parsed.problems)}`);
  const result = await searchProducts(parsed.input, { locale: queryLocale(query), viewer: null });
  return { ids: result.hits.map((hit) => hit.id), total: result.total };
};

export interface QueryOutcome {
  id: string;
  lang: QueryLanguage;
  q: string;
  tags: string[];
  variant?: PortugueseVariant;
  ndcg: number;
  recall: number;
  precision: number;
  /** Products the engine matched in all (0: the buyer saw "no results"). */
  total: number;
  relevantCount: number;
  /** Relevant products on the first page whose name is not written in the query's language. */
  crossLanguageHits: number;
  /** Product types of the first page, for reading a failure. */
  topTypes: (string | null)[];
}

export interface Summary {
  queries: number;
  ndcg: number;
  recall: number;
  precision: number;
  /** Share of queries with no result at all. */
  zeroHitRate: number;
  crossLanguageHits: number;
}

export interface Evaluation {
  engine: string;
  queries: QueryOutcome[];
  byLanguage: Record<QueryLanguage | "all", Summary>;
  /** Portuguese queries in each variant's wording, plus those worded alike. */
  byVariant: Record<PortugueseVariant, Summary>;
  byTag: Record<string, Summary>;
}

function summarise(outcomes: QueryOutcome[]): Summary {
  return {
    queries: outcomes.length,
    ndcg: mean(outcomes.map((outcome) => outcome.ndcg)),
    recall: mean(outcomes.map((outcome) => outcome.recall)),
    precision: mean(outcomes.map((outcome) => outcome.precision)),
    zeroHitRate: mean(outcomes.map((outcome) => (outcome.total === 0 ? 1 : 0))),
    crossLanguageHits: outcomes.reduce((sum, outcome) => sum + outcome.crossLanguageHits, 0),
  };
}

/** Runs every query (one at a time: results do not depend on order) and scores the first K results. */
export async function evaluate(engine: string, search: RankedSearch, queries: readonly JudgedQuery[], catalogue: readonly CatalogueProduct[]): Promise<Evaluation> {
  const products = new Map(catalogue.map((product) => [product.id, product]));
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const grades = productGrades(query, catalogue);
    if (grades.size === 0) throw new Error(`${query.id} (${query.q}): no public product of the judged types in this data set`);
    const { ids, total } = await search(query, K);
    const top = ids.slice(0, K);
    outcomes.push({
      id: query.id,
      lang: query.lang,
      q: query.q,
      tags: query.tags,
      variant: query.variant,
      ndcg: ndcgAt(K, top, grades),
      recall: recallAt(K, top, grades),
      precision: precisionAt(P, top, grades),
      total,
      relevantCount: grades.size,
      crossLanguageHits: top.filter((id) => grades.has(id) && !products.get(id)?.languages.includes(query.lang)).length,
      topTypes: top.map((id) => products.get(id)?.type ?? null),
    });
  }
  const byLanguage = Object.fromEntries(
    [...queryLanguages, "all" as const].map((lang) => [lang, summarise(outcomes.filter((outcome) => lang === "all" || outcome.lang === lang))]),
  ) as Evaluation["byLanguage"];
  const byVariant = Object.fromEntries(portugueseVariants.map((variant) => [variant, summarise(outcomes.filter((outcome) => inVariant(outcome, variant)))])) as Evaluation["byVariant"];
  const tags = [...new Set(outcomes.flatMap((outcome) => outcome.tags))].sort();
  const byTag = Object.fromEntries(tags.map((tag) => [tag, summarise(outcomes.filter((outcome) => outcome.tags.includes(tag)))]));
  return { engine, queries: outcomes, byLanguage, byVariant, byTag };
}

export interface Thresholds {
  ndcg: Record<QueryLanguage | "all", number>;
  recall: Record<QueryLanguage | "all", number>;
  /** precision@P per language and per Portuguese variant. */
  precision: Record<QueryLanguage | "all" | PortugueseVariant, number>;
}

/** The floors Meilisearch must stay above (test/relevance/thresholds.json). */
export function loadThresholds(file = path.join(import.meta.dirname, "thresholds.json")): Thresholds {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { meilisearch: Thresholds };
  return parsed.meilisearch;
}

/** Figures below their floor, as readable lines (empty: all met). */
export function missedThresholds(evaluation: Evaluation, thresholds: Thresholds): string[] {
  const missed: string[] = [];
  for (const lang of [...queryLanguages, "all" as const]) {
    const summary = evaluation.byLanguage[lang];
    if (summary.ndcg < thresholds.ndcg[lang]) missed.push(`${lang}: nDCG@${K} ${round(summary.ndcg)} < ${thresholds.ndcg[lang]}`);
    if (summary.recall < thresholds.recall[lang]) missed.push(`${lang}: recall@${K} ${round(summary.recall)} < ${thresholds.recall[lang]}`);
    if (summary.precision < thresholds.precision[lang]) missed.push(`${lang}: precision@${P} ${round(summary.precision)} < ${thresholds.precision[lang]}`);
  }
  for (const variant of portugueseVariants) {
    const summary = evaluation.byVariant[variant];
    if (summary.precision < thresholds.precision[variant]) missed.push(`${variant}: precision@${P} ${round(summary.precision)} < ${thresholds.precision[variant]}`);
  }
  return missed;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The weakest queries of an evaluation, one line each, for reading a failure. */
export function weakestQueries(evaluation: Evaluation, count = 15): string[] {
  return [...evaluation.queries]
    .sort((a, b) => a.ndcg - b.ndcg || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((outcome) => `${outcome.id} ${JSON.stringify(outcome.q)} nDCG ${round(outcome.ndcg, 2)} P@${P} ${round(outcome.precision, 2)} recall ${round(outcome.recall, 2)} hits ${outcome.total} top: ${outcome.topTypes.slice(0, 5).join(", ")}`);
}
