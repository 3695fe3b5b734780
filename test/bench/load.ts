/**
 * A small load generator for the search benchmarks: N concurrent clients
 * working through a list of requests, each request timed from sending to
 * the last byte of the answer.
 */
export interface LoadResult {
  latencies: number[];
  wallMs: number;
  errors: number;
}

export async function runLoad(requests: (() => Promise<Response>)[], concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const begin = performance.now();
      try {
        const response = await request();
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latencies, wallMs: performance.now() - started, errors };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** The same requests in a shuffled but repeatable order. */
export function repeatable<T>(items: T[], times: number, seed = 7): T[] {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(...items);
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
