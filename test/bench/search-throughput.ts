import fs from "node:fs";
import path from "node:path";
import { defaultPortuguese } from "~/i18n/config";
import { ensureIndexes } from "~/modules/search/reindex.server";
import { prisma } from "~/utils/db.server";
import type { ScaleName } from "../../prisma/seed/demo";
import { openLargeWorld } from "./large-world";
import { percentile, repeatable, round1, runLoad, type LoadResult } from "./load";
import { cpuMs, serverCpuPerRequest, startServer, filters } from "./search-latency";
import type { Benchmark, Metric } from "./types";

/**
 * Issue 15 item 10: the HTML search page against the JSON search API under
 * load, with the same searches (pt, en and zh, with and without facet
 * filters), at 8 and 64 concurrent clients. The app runs as `npm run serve`
 * runs it, in a process of its own; the figures that survive a busy machine
 * are the CPU milliseconds each request costs the app (and Meilisearch),
 * read from /proc, so the target is a ratio of those: a page may cost at
 * most twice what the API costs for the same search.
 *
 * The medium demo set (10,000 products) by default, so the data builds in a
 * few minutes on a fresh machine; PONTE_BENCH_SCALE=large runs it on the
 * 100,000 products of the other search benchmarks. PONTE_BENCH_PROFILE=<dir>
 * starts the server with --cpu-prof and leaves its profile in <dir>.
 */
const CLIENTS = [8, 64] as const;
/**
 * Each client count measures ROUNDS rounds of REPEATS passes over the
 * searches, page then API, so 3,000 of each. Two rounds of three (300) let
 * one old-generation collection of the garbage collector, landing in one
 * side's window, move the ratio by a few tenths from run to run; the
 * ratio of each round goes into the results to show the spread.
 */
const ROUNDS = 6;
const REPEATS = 10;
/** Requests of each kind before measuring (in slices of WARM_UP_SLICE rounds of the searches). */
const WARM_UP = 3000;
const WARM_UP_SLICE = 10;

type Params = Record<string, string | string[]>;

const texts: [lang: string, q: string][] = [
  ["pt", "luminária de teto"], ["pt", "luminaria led"], ["pt", "fechadura digital"], ["pt", "ventilador"], ["pt", "cadeira de escritório"], ["pt", "camiseta algodão"], ["pt", "panela de arroz"], ["pt", "torneira"],
  ["en", "LED ceiling light"], ["en", "smart lock"], ["en", "rice cooker"], ["en", "office chair"], ["en", "hoodie"], ["en", "rosewood sofa"], ["en", "air fryer"], ["en", "door hinge"],
  ["zh-CN", "LED吸顶灯"], ["zh-CN", "电饭煲"], ["zh-CN", "办公椅"], ["zh-CN", "红木家具"], ["zh-CN", "卫衣"], ["zh-CN", "智能门锁"], ["zh-CN", "吊灯"], ["zh-CN", "水龙头"],
];

/** Each search once without filters and once with some, in its language; plus an HS code and the empty query. */
function searches(): { lang: string; params: Params }[] {
  const plain = texts.map(([lang, q]) => ({ lang, params: { q } as Params }));
  const filtered = texts.map(([lang, q], i) => ({ lang, params: { q, ...filters[i % filters.length] } }));
  return [...plain, ...filtered, { lang: "en", params: { q: "9405" } }, { lang: "pt", params: {} }];
}

function queryString(params: Params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  return search.toString();
}

// As a browser asks: compressed answers (the app compresses both kinds).
const headers = { "Accept-Encoding": "gzip", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) ponte-bench" };

function stats(result: LoadResult) {
  return { p50: round1(percentile(result.latencies, 50)), p95: round1(percentile(result.latencies, 95)), rps: Math.round(result.latencies.length / (result.wallMs / 1000)), requests: result.latencies.length, errors: result.errors };
}

function merge(results: LoadResult[]): LoadResult {
  return { latencies: results.flatMap((result) => result.latencies), wallMs: results.reduce((sum, result) => sum + result.wallMs, 0), errors: results.reduce((sum, result) => sum + result.errors, 0) };
}

function rssMb(pid: number | null): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((row) => row.startsWith("VmRSS:"));
    return Math.round(Number(line?.split(/\s+/)[1]) / 1024);
  } catch {
    return NaN;
  }
}

export const searchThroughputBenchmark: Benchmark = {
  name: "search-throughput",
  description: "HTML search page vs JSON search API at 8 and 64 concurrent clients: requests/s, p50/p95, CPU ms per request of the app and Meilisearch (page CPU per request ≤ 2 × the API's)",
  async run() {
    const scale = (process.env.PONTE_BENCH_SCALE ?? "medium") as ScaleName;
    const world = await openLargeWorld(scale);
    const rebuilt = await ensureIndexes();
    const products = await prisma.product.count();
    await world.database.close();
    const profileDir = process.env.PONTE_BENCH_PROFILE ? path.resolve(process.env.PONTE_BENCH_PROFILE) : null;
    const server = await startServer(world.dir, world.engine, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = { scale, products, seededThisRun: world.seeded, rebuiltBeforeRun: rebuilt.map((report) => report.index), rssMbAtStart: rssMb(server.pid) };
    try {
      const list = searches();
      const page = list.map(({ lang, params }) => {
        const text = queryString(params);
        // The page's own address: /pt/… answers a redirect to the default variant (pt-BR), which a reader follows once.
        const url = `${server.url}/${lang === "pt" ? defaultPortuguese : lang}/search${text ? `?${text}` : ""}`;
        return () => fetch(url, { headers });
      });
      const api = list.map(({ lang, params }) => {
        const url = `${server.url}/api/v1/search/products?${queryString({ ...params, lang })}`;
        return () => fetch(url, { headers });
      });
      // A page must be a full page of results, not an error page.
      for (const request of [page[0], page[list.length - 3]]) {
        const response = await request();
        const html = await response.text();
        if (!response.ok || !html.includes('class="search-results')) throw new Error(`the search page answered ${response.status}`);
      }
      // Warm both paths to a steady state (V8 optimises a page's code over thousands
      // of requests, see the agenda bench), each slice's CPU per request kept in the
      // results; then alternate them so neither gets the quieter minutes.
      const warmUp = { page: [] as number[], api: [] as number[] };
      for (let slice = 0; slice < WARM_UP / (WARM_UP_SLICE * list.length); slice++) {
        for (const [name, requests] of [["page", page], ["api", api]] as const) warmUp[name].push(await serverCpuPerRequest(server.pid, repeatable(requests, WARM_UP_SLICE, slice + 11), 8));
      }
      details.warmUpCpuMsPerRequest = warmUp;
      let ratio = 0;
      for (const clients of CLIENTS) {
        const pageRuns: LoadResult[] = [];
        const apiRuns: LoadResult[] = [];
        const cpu = { pageApp: 0, pageEngine: 0, apiApp: 0, apiEngine: 0 };
        const roundRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const [app0, engine0] = cpuMs(server.pid, world.engine.pid);
          pageRuns.push(await runLoad(repeatable(page, REPEATS, round + 1), clients));
          const [app1, engine1] = cpuMs(server.pid, world.engine.pid);
          apiRuns.push(await runLoad(repeatable(api, REPEATS, round + 1), clients));
          const [app2, engine2] = cpuMs(server.pid, world.engine.pid);
          cpu.pageApp += app1 - app0;
          cpu.pageEngine += engine1 - engine0;
          cpu.apiApp += app2 - app1;
          cpu.apiEngine += engine2 - engine1;
          roundRatios.push(round1((app1 - app0) / (app2 - app1)));
        }
        const p = stats(merge(pageRuns));
        const a = stats(merge(apiRuns));
        if (p.errors || a.errors) throw new Error(`${clients} clients: ${p.errors} page errors, ${a.errors} API errors`);
        const perPage = { app: round1(cpu.pageApp / p.requests), engine: round1(cpu.pageEngine / p.requests) };
        const perApi = { app: round1(cpu.apiApp / a.requests), engine: round1(cpu.apiEngine / a.requests) };
        // From the unrounded figures: the metric and the details say the same ratio.
        const pageOverApi = round1(cpu.pageApp / p.requests / (cpu.apiApp / a.requests));
        details[`${clients} clients`] = { page: p, api: a, cpuMsPerRequest: { page: perPage, api: perApi }, pageOverApi, pageOverApiByRound: roundRatios, rssMb: rssMb(server.pid) };
        metrics.push(
          { name: `${clients} clients: page throughput (p50 / p95)`, value: p.rps, unit: `req/s (${p.p50} / ${p.p95} ms)` },
          { name: `${clients} clients: API throughput (p50 / p95)`, value: a.rps, unit: `req/s (${a.p50} / ${a.p95} ms)` },
          { name: `${clients} clients: CPU per page, app (Meilisearch)`, value: perPage.app, unit: `ms (${perPage.engine} ms)` },
          { name: `${clients} clients: CPU per API request, app (Meilisearch)`, value: perApi.app, unit: `ms (${perApi.engine} ms)` },
        );
        ratio = Math.max(ratio, pageOverApi);
      }
      details.rssMbAtEnd = rssMb(server.pid);
      metrics.push(
        { name: "app CPU per request, page / API (worst of 8 and 64 clients)", value: ratio, unit: "×", target: { max: 2 } },
        { name: `data set (${scale} demo scale), app RSS at start → end`, value: products, unit: `products, ${details.rssMbAtStart} → ${details.rssMbAtEnd} MB` },
      );
    } finally {
      await server.stop();
      await world.engine.stop();
    }
    return { metrics, details };
  },
};
