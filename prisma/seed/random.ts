import { mulberry32, type Rng } from "~/utils/random";

/** An independent generator per entity, so rows can be produced in any order. */
export function rngFor(kind: string, index: number): Rng {
  let hash = 2166136261;
  for (const char of `${kind}:${index}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return mulberry32(hash);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export function pickSome<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  const count = Math.min(items.length, min + Math.floor(rng() * (max - min + 1)));
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count) chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return chosen;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}
