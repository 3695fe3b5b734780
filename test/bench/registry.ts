import type { Benchmark } from "./types";

/**
 * Every benchmark `npm run bench` runs, in order. Each lives in its own file
 * and loads only when it runs; add one with one line here.
 */
export const benchmarks: { name: string; load: () => Promise<Benchmark> }[] = [
  { name: "import-products", load: async () => (await import("./import-products")).importProductsBenchmark },
  { name: "import-memory", load: async () => (await import("./import-memory")).importMemoryBenchmark },
  { name: "relevance", load: async () => (await import("./relevance")).relevanceBenchmark },
  { name: "search-reindex", load: async () => (await import("./search-reindex")).searchReindexBenchmark },
  { name: "search-latency", load: async () => (await import("./search-latency")).searchLatencyBenchmark },
  { name: "search-throughput", load: async () => (await import("./search-throughput")).searchThroughputBenchmark },
  { name: "matching", load: async () => (await import("./matching")).matchingBenchmark },
  { name: "scheduler", load: async () => (await import("./scheduler")).schedulerBenchmark },
  { name: "agenda", load: async () => (await import("./agenda")).agendaBenchmark },
];
