/**
 * Deterministic randomness (mulberry32): the same seed always gives the same
 * sequence, for demo data, the scheduler's extra starts and benchmark
 * instances that must be the same on every run. Not for secrets.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
