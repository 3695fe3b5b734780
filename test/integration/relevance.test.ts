import { beforeAll, describe, expect, it } from "vitest";
import { reindexAll } from "~/modules/search/reindex.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { scales } from "../../prisma/seed/demo";
import {
  evaluate,
  K,
  loadJudgedQueries,
  loadPublicCatalogue,
  loadThresholds,
  meilisearchSearch,
  P,
  portugueseVariants,
  queryLanguages,
  round,
  weakestQueries,
  type Evaluation,
} from "../relevance/evaluate";

/**
 * Issue 4, item 7: the judged buyer queries of test/relevance/ run through
 * the product search as an anonymous buyer, over the small demo set in a
 * real Meilisearch. Results are deterministic, so the floors in
 * thresholds.json sit just below what is measured: a change to documents,
 * settings, synonyms or query preparation that costs relevance fails here.
 */
let evaluation: Evaluation;

beforeAll(async () => {
  await seedDemo(scales.small, new Date("2026-11-25T00:00:00Z"));
  await reindexAll();
  evaluation = await evaluate("Meilisearch", meilisearchSearch, loadJudgedQueries(), await loadPublicCatalogue());
}, 240_000);

describe("search relevance on judged buyer queries", () => {
  it("judges at least 30 queries in each language", () => {
    for (const lang of queryLanguages) expect(evaluation.byLanguage[lang].queries, lang).toBeGreaterThanOrEqual(30);
  });

  it.each(queryLanguages.map((lang) => [lang]))(`keeps nDCG@${K} and recall@${K} in %s above their floors`, (lang) => {
    const floors = loadThresholds();
    const summary = evaluation.byLanguage[lang];
    const weakest = weakestQueries({ ...evaluation, queries: evaluation.queries.filter((outcome) => outcome.lang === lang) }, 10).join("\n");
    expect(round(summary.ndcg), `nDCG@${K} ${lang}; weakest queries:\n${weakest}`).toBeGreaterThanOrEqual(floors.ndcg[lang]);
    expect(round(summary.recall), `recall@${K} ${lang}; weakest queries:\n${weakest}`).toBeGreaterThanOrEqual(floors.recall[lang]);
    expect(round(summary.precision), `precision@${P} ${lang}; weakest queries:\n${weakest}`).toBeGreaterThanOrEqual(floors.precision[lang]);
  });

  it.each(portugueseVariants.map((variant) => [variant]))(`keeps precision@${P} in %s wording above its floor`, (variant) => {
    const floors = loadThresholds();
    const summary = evaluation.byVariant[variant];
    expect(summary.queries, variant).toBeGreaterThanOrEqual(35);
    const own = evaluation.queries.filter((outcome) => outcome.variant === variant);
    expect(own.length, `${variant}-only wordings`).toBeGreaterThanOrEqual(5);
    const weakest = weakestQueries({ ...evaluation, queries: own }, 10).join("\n");
    expect(round(summary.precision), `precision@${P} ${variant}; weakest of its own wordings:\n${weakest}`).toBeGreaterThanOrEqual(floors.precision[variant]);
  });

  it("keeps the overall figures above their floors", () => {
    const floors = loadThresholds();
    expect(round(evaluation.byLanguage.all.ndcg)).toBeGreaterThanOrEqual(floors.ndcg.all);
    expect(round(evaluation.byLanguage.all.recall)).toBeGreaterThanOrEqual(floors.recall.all);
  });

  it("finds products written only in other languages from Portuguese and English queries", () => {
    // The point of the platform: most products have no Portuguese text, and a
    // Portuguese buyer must still find them.
    expect(evaluation.byLanguage.pt.crossLanguageHits).toBeGreaterThan(2 * evaluation.byLanguage.pt.queries);
    expect(evaluation.byLanguage.en.crossLanguageHits).toBeGreaterThan(evaluation.byLanguage.en.queries);
  });
});
