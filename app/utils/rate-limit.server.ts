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

export async function isLimited(limit: Limit, key: string, now = new Date()): Promise<boolean> {
  const count = await prisma.rateLimitHit.count({
    where: { bucket: limit.bucket, key, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
  });
  return count >= limit.max;
}

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
