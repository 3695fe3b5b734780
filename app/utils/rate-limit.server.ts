import { prisma } from "./db.server";

/**
 * Counting limits kept in the database, so every app instance sees the same
 * counts. A limit allows `max` hits per `windowMs`.
 */
export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

export const limits = {
  signInPerAccount: { bucket: "signin:account", max: 5, windowMs: 15 * 60 * 1000 },
  signInPerAddress: { bucket: "signin:address", max: 20, windowMs: 15 * 60 * 1000 },
  signUpPerAddress: { bucket: "signup:address", max: 10, windowMs: 60 * 60 * 1000 },
} satisfies Record<string, Limit>;

/** One hit against one limit for one key (an e-mail, an address, a user id). */
export interface Hit {
  limit: Limit;
  key: string;
}

export interface TakenHits {
  /** Gives the hits back, for an attempt that turned out not to count. */
  release(): Promise<void>;
}

/**
 * Takes one hit from every limit, all or none, or null when any limit is
 * reached. Atomic: each key's advisory lock is held to the end of the
 * transaction, so concurrent requests count one after another and never let
 * more than `max` through (a count and a later insert did).
 */
export async function takeHits(hits: Hit[], now = new Date()): Promise<TakenHits | null> {
  const lockName = ({ limit, key }: Hit) => `${limit.bucket}\n${key}`;
  // Always the same order, so two requests never wait for each other's lock.
  const ordered = [...hits].sort((a, b) => (lockName(a) < lockName(b) ? -1 : 1));
  const ids = await prisma.$transaction(async (tx) => {
    for (const hit of ordered) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockName(hit)}, 0))`;
    for (const { limit, key } of ordered) {
      const count = await tx.rateLimitHit.count({ where: { bucket: limit.bucket, key, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } } });
      if (count >= limit.max) return null;
    }
    const taken: bigint[] = [];
    for (const { limit, key } of ordered) {
      taken.push((await tx.rateLimitHit.create({ data: { bucket: limit.bucket, key, createdAt: now }, select: { id: true } })).id);
    }
    return taken;
  });
  if (!ids) return null;
  return {
    release: async () => {
      await prisma.rateLimitHit.deleteMany({ where: { id: { in: ids } } });
    },
  };
}

/** Takes one hit; false when the limit is reached. */
export async function takeHit(limit: Limit, key: string, now = new Date()): Promise<boolean> {
  return (await takeHits([{ limit, key }], now)) !== null;
}

/** Whether a limit is reached, without taking a hit: a cheap early answer; takeHits decides. */
export async function isLimited(limit: Limit, key: string, now = new Date()): Promise<boolean> {
  const count = await prisma.rateLimitHit.count({
    where: { bucket: limit.bucket, key, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
  });
  return count >= limit.max;
}

/** Records a hit unconditionally (tests fill a limit with it). */
export async function recordHit(limit: Limit, key: string) {
  await prisma.rateLimitHit.create({ data: { bucket: limit.bucket, key } });
}

export async function clearHits(limit: Limit, key: string) {
  await prisma.rateLimitHit.deleteMany({ where: { bucket: limit.bucket, key } });
}

/** No limit counts further back than this. */
export const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Housekeeping: hits older than the longest window are useless. */
export async function deleteOldHits(now = new Date()) {
  const { count } = await prisma.rateLimitHit.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } },
  });
  return count;
}
