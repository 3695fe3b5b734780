import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "~/modules/search/engine.server";
import { buildSearchQueries, productSpec } from "~/modules/search/queries.server";
import { parseProductSearch } from "~/modules/search/search-params";
import { ensureIndexes } from "~/modules/search/reindex.server";
import { openLargeWorld } from "./large-world";
import { percentile, repeatable, round1, runLoad, type LoadResult } from "./load";
import type { Benchmark, Metric } from "./types";

/**
 * Issue 4: `/api/v1/search/products` over HTTP on loopback with 8
 * concurrent clients, on 100,000 products, against the same searches sent
 * straight to Meilisearch by the same client in the same run: p95 ≤ 1.5 ×
 * Meilisearch's and ≤ 40 ms, with and without facet filters.
 *
 * The app runs as `npm start` runs it, in a process of its own (with
 * MEILI_HOST pointing at this benchmark's engine), so the load generator
 * never shares a thread with the server it measures.
 */
const CONCURRENCY = 8;
const ROUNDS = 2;

type Params = Record<string, string | string[]>;

const texts = [
  "luminária de teto", "luminaria led", "fechadura digital", "ventilador", "cadeira de escritório", "camiseta algodão", "panela de arroz", "torneira",
  "LED ceiling light", "smart lock", "rice cooker", "office chair", "hoodie", "rosewood sofa", "air fryer", "door hinge",
  "LED吸顶灯", "电饭煲", "办公椅", "红木家具", "卫衣", "智能门锁", "吊灯", "水龙头",
];
const filters: Params[] = [
  { cert: "CE" },
  { town: "guzhen", cert: ["CE", "RoHS"] },
  { market: "BR", language: "pt" },
  { hs: "9405", moqMax: "1000" },
  { cluster: "hardware", verified: "true" },
];

function searches() {
  const plain: Params[] = [...texts.map((q) => ({ q, lang: "pt" })), { q: "9405" }, { q: "" }];
  const filtered: Params[] = texts.map((q, i) => ({ q, lang: "en", ...filters[i % filters.length] }));
  return { plain, filtered };
}

function queryString(params: Params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  return search.toString();
}

/** The multi-search the app sends for these parameters, as Meilisearch receives it. */
function directBody(params: Params) {
  const parsed = parseProductSearch(new URLSearchParams(queryString(params)));
  if (!parsed.ok) throw new Error(`bad benchmark query ${JSON.stringify(params)}`);
  return JSON.stringify({ queries: buildSearchQueries(productSpec, parsed.input, null).queries });
}

async function startServer(dir: string, engine: { host: string; masterKey: string }) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: "",
      MEILI_HOST: engine.host,
      MEILI_MASTER_KEY: engine.masterKey,
      MEILI_INDEX_PREFIX: "",
      SEED_ON_EMPTY: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", fs.openSync(path.join(dir, "bench-server.log"), "a")],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${dir}/bench-server.log`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const identity = { "Accept-Encoding": "identity" };

function stats(result: LoadResult) {
  return { p50: round1(percentile(result.latencies, 50)), p95: round1(percentile(result.latencies, 95)), p99: round1(percentile(result.latencies, 99)), rps: Math.round(result.latencies.length / (result.wallMs / 1000)), errors: result.errors };
}

function merge(results: LoadResult[]): LoadResult {
  return { latencies: results.flatMap((result) => result.latencies), wallMs: results.reduce((sum, result) => sum + result.wallMs, 0), errors: results.reduce((sum, result) => sum + result.errors, 0) };
}

export const searchLatencyBenchmark: Benchmark = {
  name: "search-latency",
  description: "product search API vs Meilisearch direct, 8 concurrent clients, 100,000 products (p95 ≤ 40 ms and ≤ 1.5 × direct)",
  async run() {
    const world = await openLargeWorld();
    const rebuilt = await ensureIndexes();
    // The server needs the embedded database to itself.
    await world.database.close();
    const server = await startServer(world.dir, world.engine);
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = { rebuiltBeforeRun: rebuilt.map((report) => report.index), concurrency: CONCURRENCY };
    try {
      const { plain, filtered } = searches();
      for (const [group, list] of [
        ["without filters", plain],
        ["with facet filters", filtered],
      ] as const) {
        const direct = list.map((params) => {
          const body = directBody(params);
          return () => fetch(`${world.engine.host}/multi-search`, { method: "POST", body, headers: { ...identity, "Content-Type": "application/json", Authorization: `Bearer ${world.engine.masterKey}` } });
        });
        const api = list.map((params) => {
          const url = `${server.url}/api/v1/search/products?${queryString(params)}`;
          return () => fetch(url, { headers: identity });
        });
        // Warm both paths, then alternate them so that neither gets the quieter minutes.
        await runLoad(repeatable(direct, 2), CONCURRENCY);
        await runLoad(repeatable(api, 2), CONCURRENCY);
        const directRuns: LoadResult[] = [];
        const apiRuns: LoadResult[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          directRuns.push(await runLoad(repeatable(direct, 12, round + 1), CONCURRENCY));
          apiRuns.push(await runLoad(repeatable(api, 12, round + 1), CONCURRENCY));
        }
        const d = stats(merge(directRuns));
        const a = stats(merge(apiRuns));
        const single = stats(await runLoad(repeatable(api, 4), 1));
        details[group] = { meilisearchDirect: d, api: a, apiOneClient: single, requestsEach: merge(apiRuns).latencies.length };
        if (a.errors || d.errors) throw new Error(`${group}: ${a.errors} API errors, ${d.errors} Meilisearch errors`);
        metrics.push(
          { name: `${group}: API p95, 8 clients`, value: a.p95, unit: "ms", target: { max: 40 } },
          { name: `${group}: Meilisearch direct p95, 8 clients`, value: d.p95, unit: "ms" },
          { name: `${group}: API p95 / direct p95`, value: round1(a.p95 / d.p95), unit: "×", target: { max: 1.5 } },
          { name: `${group}: API p50 / throughput`, value: a.p50, unit: `ms / ${a.rps} req/s` },
          { name: `${group}: API p95, 1 client`, value: single.p95, unit: "ms" },
        );
      }
    } finally {
      await server.stop();
      await world.engine.stop();
    }
    return { metrics, details };
  },
};
