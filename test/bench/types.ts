/**
 * A benchmark: measures something and says whether it meets its target.
 * Register one by adding a line to registry.ts.
 */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The target the figure must meet, e.g. { max: 60 } seconds. */
  target?: { max?: number; min?: number };
}

export interface BenchResult {
  metrics: Metric[];
  /** Facts about the run worth keeping with the figures (row counts, sizes, machine). */
  details?: Record<string, unknown>;
}

export interface Benchmark {
  /** File name of the JSON result: bench-results/<name>.json */
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function meetsTarget(metric: Metric): boolean | null {
  if (!metric.target) return null;
  if (metric.target.max !== undefined && metric.value > metric.target.max) return false;
  if (metric.target.min !== undefined && metric.value < metric.target.min) return false;
  return true;
}
