import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { databaseFromPglite, openDatabase, setCurrentDatabase, type Database } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrate.server";
import { setSearchConnection } from "~/modules/search/client.server";
import { startEmbeddedEngine } from "~/modules/search/engine.server";
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
  type Summary,
} from "../relevance/evaluate";
import { pgBaselineSearch, preparePgBaseline } from "./pg-baseline";
import type { Benchmark, Metric } from "./types";

/**
 * Issue 4, item 7: search relevance on the judged buyer queries
 * (test/relevance/), Ponte's search (Meilisearch, through searchProducts)
 * next to the PostgreSQL full-text search a team would build instead
 * (pg-baseline.ts), over the same small demo data set. Fails when
 * Meilisearch falls below test/relevance/thresholds.json.
 *
 * The database is an in-memory PGlite with the unaccent and pg_trgm
 * extensions, or a fresh database on the PostgreSQL server named by
 * TEST_DATABASE_URL or DATABASE_URL (dropped afterwards).
 */
async function openBenchDatabase(): Promise<{ database: Database; kind: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (url) {
    const name = `ponte_bench_relevance_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ kind: "postgres", url: target.toString() });
    const server = (await database.sql.query<{ version: string }>("SELECT version()"))[0].version.split(" on ")[0];
    return {
      database,
      kind: server,
      drop: async () => {
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const client = await PGlite.create({ extensions: { unaccent, pg_trgm } });
  const database = databaseFromPglite(client, { kind: "pglite", dataDir: "memory://" });
  await applyMigrations(database.sql);
  return { database, kind: "PGlite (in memory)", drop: async () => {} };
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

function sideBySide(engines: Evaluation[]): string {
  const rows = [["language", "queries", ...engines.flatMap((e) => [`${e.engine} P@${P}`, `nDCG@${K}`, `recall@${K}`, "zero-hit"])]];
  const row = (label: string, pick: (e: Evaluation) => Summary) => [
    label,
    String(pick(engines[0]).queries),
    ...engines.flatMap((e) => [round(pick(e).precision).toFixed(3), round(pick(e).ndcg).toFixed(3), round(pick(e).recall).toFixed(3), pct(pick(e).zeroHitRate)]),
  ];
  for (const lang of [...queryLanguages, "all" as const]) rows.push(row(lang, (e) => e.byLanguage[lang]));
  // Each Portuguese variant: its own wordings plus the words both use.
  for (const variant of portugueseVariants) rows.push(row(`pt (${variant})`, (e) => e.byVariant[variant]));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ")).join("\n");
}

function tagTable(engines: Evaluation[]): Record<string, Record<string, { queries: number; ndcg: number; recall: number; zeroHitRate: number }>> {
  const tags = [...new Set(engines.flatMap((e) => Object.keys(e.byTag)))].sort();
  return Object.fromEntries(
    tags.map((tag) => [
      tag,
      Object.fromEntries(
        engines.map((e) => {
          const s = e.byTag[tag];
          return [e.engine, { queries: s.queries, ndcg: round(s.ndcg), recall: round(s.recall), zeroHitRate: round(s.zeroHitRate) }];
        }),
      ),
    ]),
  );
}

export const relevanceBenchmark: Benchmark = {
  name: "relevance",
  description: `precision@${P}, nDCG@${K} and recall@${K} of judged buyer queries (pt, en, zh; pt also per variant, pt-BR and pt-PT) over the small demo set: Meilisearch vs PostgreSQL full-text (targets: test/relevance/thresholds.json)`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-bench-relevance-"));
    process.env.DATA_DIR ??= dir;
    const { database, kind, drop } = await openBenchDatabase();
    const engine = await startEmbeddedEngine({ dir: path.join(dir, "meili") });
    try {
      setCurrentDatabase(database);
      setSearchConnection(engine, "bench_");
      await seedDemo(scales.small);
      await reindexAll(["products"]);
      const baseline = await preparePgBaseline(database.sql);

      const queries = loadJudgedQueries();
      const catalogue = await loadPublicCatalogue();
      const meili = await evaluate("Meilisearch", meilisearchSearch, queries, catalogue);
      const postgres = await evaluate("PostgreSQL FTS", (query, limit) => pgBaselineSearch(database.sql, query.q, { limit }), queries, catalogue);

      process.stdout.write(`\n${sideBySide([meili, postgres])}\n\nWeakest Meilisearch queries:\n  ${weakestQueries(meili, 12).join("\n  ")}\n\n`);

      const thresholds = loadThresholds();
      const metrics: Metric[] = [];
      for (const lang of [...queryLanguages, "all" as const]) {
        metrics.push(
          { name: `Meilisearch nDCG@${K} ${lang}`, value: round(meili.byLanguage[lang].ndcg), unit: "", target: { min: thresholds.ndcg[lang] } },
          { name: `Meilisearch recall@${K} ${lang}`, value: round(meili.byLanguage[lang].recall), unit: "", target: { min: thresholds.recall[lang] } },
          { name: `Meilisearch precision@${P} ${lang}`, value: round(meili.byLanguage[lang].precision), unit: "", target: { min: thresholds.precision[lang] } },
          { name: `PostgreSQL FTS precision@${P} ${lang}`, value: round(postgres.byLanguage[lang].precision), unit: "" },
          { name: `PostgreSQL FTS nDCG@${K} ${lang}`, value: round(postgres.byLanguage[lang].ndcg), unit: "" },
          { name: `PostgreSQL FTS recall@${K} ${lang}`, value: round(postgres.byLanguage[lang].recall), unit: "" },
        );
      }
      for (const variant of portugueseVariants) {
        metrics.push(
          { name: `Meilisearch precision@${P} ${variant}`, value: round(meili.byVariant[variant].precision), unit: "", target: { min: thresholds.precision[variant] } },
          { name: `PostgreSQL FTS precision@${P} ${variant}`, value: round(postgres.byVariant[variant].precision), unit: "" },
        );
      }
      metrics.push(
        { name: "Meilisearch zero-hit queries", value: round(meili.byLanguage.all.zeroHitRate * 100, 1), unit: "%" },
        { name: "PostgreSQL FTS zero-hit queries", value: round(postgres.byLanguage.all.zeroHitRate * 100, 1), unit: "%" },
      );
      return {
        metrics,
        details: {
          database: kind,
          baseline,
          products: catalogue.length,
          queries: queries.length,
          byLanguage: { meilisearch: meili.byLanguage, postgres: postgres.byLanguage },
          byTag: tagTable([meili, postgres]),
          perQuery: meili.queries.map((outcome, i) => {
            const other = postgres.queries[i];
            return {
              id: outcome.id,
              q: outcome.q,
              meilisearch: { ndcg: round(outcome.ndcg), recall: round(outcome.recall), total: outcome.total, top: outcome.topTypes },
              postgres: { ndcg: round(other.ndcg), recall: round(other.recall), total: other.total, top: other.topTypes },
            };
          }),
        },
      };
    } finally {
      await engine.stop();
      await database.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
