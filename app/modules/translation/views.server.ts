import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { toTraditional } from "~/modules/i18n-text/chinese-script.server";
import { sourceHash } from "./answer";
import { readerLanguage, translationConfigured } from "./translation.server";

/**
 * What a reader is shown of a text written in another language:
 * - "original": the reader's own language, nothing to translate;
 * - "machine": a machine translation, shown marked, the original one click away;
 * - "authored": a translation the source's owner wrote (counts as their text);
 * - "pending": an engine is at work, the original is shown meanwhile;
 * - "none": not translated (no engine configured, language not supported, failed).
 */
export type TranslationView =
  | { state: "original" | "pending" | "none" }
  | { state: "machine" | "authored"; text: string; engine: string };

export async function translationsFor(
  kind: string,
  field: string,
  items: readonly { id: string; text: string; language: string }[],
  readerLocale: string,
): Promise<Record<string, TranslationView>> {
  const target = readerLanguage(readerLocale);
  const foreign = items.filter((item) => item.text.trim() && item.language !== target);
  const views: Record<string, TranslationView> = Object.fromEntries(items.map((item) => [item.id, { state: "original" } as TranslationView]));
  if (foreign.length === 0) return views;
  const ids = foreign.map((item) => item.id);
  const [rows, pending] = await Promise.all([
    prisma.translation.findMany({
      where: { sourceKind: kind, field, targetLang: target, sourceId: { in: ids } },
      select: { sourceId: true, sourceHash: true, text: true, engine: true, authored: true },
    }),
    translationConfigured()
      ? prisma.translationJob.findMany({ where: { sourceKind: kind, field, targetLang: target, sourceId: { in: ids }, status: "PENDING" }, select: { sourceId: true } })
      : Promise.resolve([]),
  ]);
  const stored = new Map(rows.map((row) => [row.sourceId, row]));
  const waiting = new Set(pending.map((row) => row.sourceId));
  for (const item of foreign) {
    const row = stored.get(item.id);
    // A translation of an older version of the text is not shown as this one's.
    if (row && (row.authored || row.sourceHash === sourceHash(item.text))) {
      // Engines write Simplified Chinese; Macao's readers get it in Traditional characters (OpenCC).
      const text = readerLocale === "zh-Hant" ? toTraditional(row.text) : row.text;
      views[item.id] = { state: row.authored ? "authored" : "machine", text, engine: row.engine };
    } else {
      views[item.id] = { state: waiting.has(item.id) ? "pending" : "none" };
    }
  }
  return views;
}

/** Lists the parked translation jobs, for the bureau. */
export async function listParkedTranslations(take = 100) {
  const rows = await prisma.translationJob.findMany({
    where: { status: "PARKED" },
    orderBy: { id: "desc" },
    take,
    select: { id: true, sourceKind: true, sourceId: true, field: true, targetLang: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
  });
  return rows.map((row) => ({ ...row, id: String(row.id), createdAt: row.createdAt.toISOString(), nextAttemptAt: row.nextAttemptAt.toISOString() }));
}

export async function countTranslationBacklog() {
  const [pending, parked] = await Promise.all([
    prisma.translationJob.count({ where: { status: "PENDING" } }),
    prisma.translationJob.count({ where: { status: "PARKED" } }),
  ]);
  return { pending, parked };
}

/** The bureau sends parked jobs (one, or all) back to the queue, e.g. after fixing the engine; audited. */
export async function retryParkedTranslations(actorId: string, jobId?: bigint) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.translationJob.updateMany({
      where: { status: "PARKED", ...(jobId !== undefined ? { id: jobId } : {}) },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    if (count > 0) await recordAudit(tx, { actorId, entityType: "translationJob", entityId: jobId === undefined ? "parked" : String(jobId), action: "retry", changes: { count } });
    return count;
  });
}
