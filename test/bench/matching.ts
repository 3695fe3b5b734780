import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetEnvCache } from "~/utils/env.server";
import type { Benchmark } from "./types";

/**
 * Issue 4: the matches of a sourcing request answer in well under 80 ms
 * (p95) at 100,000 products on a 2-core machine. The large demo data set
 * (10,000 firms, 100,000 products, 20,000 requests) in the embedded database
 * and Meilisearch; matchesForRequest, the code path of the page and the API,
 * called one at a time for requests across every industry, in the four
 * languages. requestsForFirm is measured too (no target).
 *
 * Seeding and indexing the large set takes minutes; MATCHING_BENCH_DATA_DIR
 * names a DATA_DIR to keep between runs (it is seeded when it has fewer
 * than 100,000 products).
 */
const CALLS = 200;
const WARM_UP = 20;
const FIRM_CALLS = 60;
const LOCALES = ["pt", "en", "zh-CN", "zh-Hant"] as const;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (value: number) => Math.round(value * 10) / 10;

export const matchingBenchmark: Benchmark = {
  name: "matching",
  description: `matches of a sourcing request at 100,000 products, ${CALLS} calls (target p95 < 80 ms)`,
  async run() {
    const kept = process.env.MATCHING_BENCH_DATA_DIR;
    const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "ponte-bench-matching-"));
    process.env.DATA_DIR = dataDir;
    process.env.DATABASE_URL = "";
    process.env.MEILI_HOST = "";
    process.env.MEILI_INDEX_PREFIX = "";
    resetEnvCache();
    const { startPlatform } = await import("~/server/platform");
    const { prisma } = await import("~/utils/db.server");
    const { seedDemo, scaleFor } = await import("../../prisma/seed/seed.server");
    const { reindexAll } = await import("~/modules/search/reindex.server");
    const { matchesForRequest, requestsForFirm } = await import("~/modules/matching/matches.server");
    const platform = await startPlatform("bench matching");
    try {
      const scale = scaleFor("large");
      let seededMs = 0;
      if ((await prisma.product.count()) < scale.products) {
        const started = Date.now();
        await seedDemo(scale);
        await reindexAll();
        seededMs = Date.now() - started;
      }
      const requests = (await prisma.sourcingRequest.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2000 })).map((row) => row.id);
      const firms = (await prisma.firm.findMany({ where: { verification: "VERIFIED" }, select: { id: true }, orderBy: { id: "asc" }, take: 500 })).map((row) => row.id);
      const pick = <T>(items: T[], i: number) => items[(i * 7919) % items.length];

      for (let i = 0; i < WARM_UP; i++) await matchesForRequest(pick(requests, i + 1000), { locale: LOCALES[i % LOCALES.length] });
      const times: number[] = [];
      let matches = 0;
      let candidates = 0;
      for (let i = 0; i < CALLS; i++) {
        const started = performance.now();
        const result = await matchesForRequest(pick(requests, i), { locale: LOCALES[i % LOCALES.length] });
        times.push(performance.now() - started);
        matches += result?.products.length ?? 0;
        candidates += result?.candidates ?? 0;
      }
      times.sort((a, b) => a - b);

      const firmTimes: number[] = [];
      for (let i = 0; i < FIRM_CALLS; i++) {
        const started = performance.now();
        await requestsForFirm(pick(firms, i), { locale: LOCALES[i % LOCALES.length] });
        firmTimes.push(performance.now() - started);
      }
      firmTimes.sort((a, b) => a - b);

      return {
        metrics: [
          { name: "matchesForRequest p95", value: round1(percentile(times, 95)), unit: "ms", target: { max: 80 } },
          { name: "matchesForRequest p50", value: round1(percentile(times, 50)), unit: "ms" },
          { name: "matchesForRequest p99", value: round1(percentile(times, 99)), unit: "ms" },
          { name: "requestsForFirm p95", value: round1(percentile(firmTimes, 95)), unit: "ms" },
          { name: "requestsForFirm p50", value: round1(percentile(firmTimes, 50)), unit: "ms" },
        ],
        details: {
          products: await prisma.product.count(),
          requests: await prisma.sourcingRequest.count(),
          calls: CALLS,
          averageMatches: round1(matches / CALLS),
          averageCandidates: round1(candidates / CALLS),
          seededMs,
          loadAverage: os.loadavg().map(round1),
          database: "PGlite (embedded), search: embedded Meilisearch",
        },
      };
    } finally {
      await platform.stop();
      if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
