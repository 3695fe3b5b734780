import { prisma, type Prisma } from "~/utils/db.server";
import { computeResponseStats, describeResponseStats, WINDOW_DAYS } from "./response-stats";

type Tx = Pick<Prisma.TransactionClient, "inquiry" | "firmResponseStats">;

/**
 * Recomputes and stores a firm's figures from its inquiries (call it when one
 * changes). Threads the firm itself started (answers to sourcing requests)
 * are not inquiries it was asked to answer: they do not count.
 */
export async function refreshFirmResponseStats(tx: Tx, firmId: string, now = new Date()) {
  const threads = await tx.inquiry.findMany({
    where: { firmId, openedBy: "BUYER", createdAt: { gte: new Date(now.getTime() - WINDOW_DAYS * 86_400_000) } },
    select: { createdAt: true, firstResponseAt: true },
  });
  const stats = computeResponseStats(threads, now);
  await tx.firmResponseStats.upsert({
    where: { firmId },
    create: { firmId, ...stats, computedAt: now },
    update: { ...stats, computedAt: now },
  });
  return stats;
}

/**
 * Figures move with time alone (an unanswered inquiry passes its grace
 * period): the housekeeping loop refreshes every firm that has inquiries.
 */
export async function refreshAllResponseStats(now = new Date()) {
  const firms = await prisma.inquiry.groupBy({
    by: ["firmId"],
    where: { openedBy: "BUYER", createdAt: { gte: new Date(now.getTime() - WINDOW_DAYS * 86_400_000) } },
  });
  const stale = await prisma.firmResponseStats.findMany({ select: { firmId: true } });
  const ids = new Set([...firms.map((row) => row.firmId), ...stale.map((row) => row.firmId)]);
  for (const firmId of ids) await refreshFirmResponseStats(prisma, firmId, now);
  return ids.size;
}

/**
 * What a firm's public page shows: "usually answers within N hours" and the
 * answer rate, with the number of inquiries they rest on. Null before the
 * firm's first inquiry.
 */
export async function getFirmResponseStats(firmId: string) {
  const row = await prisma.firmResponseStats.findUnique({
    where: { firmId },
    select: { inquiries: true, answered: true, medianResponseMinutes: true, computedAt: true },
  });
  if (!row || row.inquiries === 0) return null;
  return { ...row, ...describeResponseStats(row), computedAt: row.computedAt.toISOString() };
}
