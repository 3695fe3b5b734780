import { prisma, type Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { sourceHash, translationBackoffMs, MAX_TRANSLATION_ATTEMPTS } from "./answer";
import type { TranslationEngine } from "./engine";
import { translationGlossary } from "./glossary.server";
import { libreTranslateEngine } from "./libretranslate.server";
import { translateText } from "./pipeline";
import { readSource, type SourceText } from "./sources.server";
import { readerLanguage, readerLanguages, type SourceRef } from "./localized-jobs";

type Tx = Prisma.TransactionClient;

/** The engine TRANSLATE_URL points at, or null: nothing is machine-translated. */
export function configuredEngine(): TranslationEngine | null {
  const env = getEnv();
  if (!env.TRANSLATE_URL) return null;
  return libreTranslateEngine({ url: env.TRANSLATE_URL, apiKey: env.TRANSLATE_API_KEY, timeoutMs: env.TRANSLATE_TIMEOUT_MS });
}

export function translationConfigured(): boolean {
  return Boolean(getEnv().TRANSLATE_URL);
}

export { readerLanguage, readerLanguages };

export type { SourceRef };

/**
 * Asks for translations of a source into the readers' languages, in the
 * transaction that writes the source. Without an engine it does nothing (and
 * the pages say "not translated").
 */
export async function requestTranslations(tx: Pick<Tx, "translationJob">, source: SourceRef & { language: string }, targets: Iterable<string>) {
  if (!translationConfigured()) return;
  const wanted = [...new Set(targets)].filter((lang) => lang && lang !== source.language);
  if (wanted.length === 0) return;
  await tx.translationJob.createMany({
    data: wanted.map((targetLang) => ({ sourceKind: source.kind, sourceId: source.id, field: source.field, targetLang })),
  });
}

const LEASE_MS = 5 * 60 * 1000;

interface ClaimedJob {
  id: bigint;
  sourceKind: string;
  sourceId: string;
  field: string;
  targetLang: string;
  attempts: number;
}

export interface TranslationDrainResult {
  translated: number;
  skipped: number;
  failed: number;
  parked: number;
}

/**
 * Makes the translations that are due, like the mail outbox: rows claimed
 * with FOR UPDATE SKIP LOCKED and leased, failures retried with backoff and
 * parked after MAX_TRANSLATION_ATTEMPTS (the bureau sees them). A page never
 * waits for this: it shows the original until the translation is stored.
 */
export async function drainTranslationJobs(options: { now?: Date; limit?: number; engine?: TranslationEngine | null } = {}): Promise<TranslationDrainResult> {
  const result: TranslationDrainResult = { translated: 0, skipped: 0, failed: 0, parked: 0 };
  const engine = options.engine === undefined ? configuredEngine() : options.engine;
  if (!engine) return result;
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "TranslationJob"
       SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "TranslationJob"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
        ORDER BY "id"
        LIMIT ${options.limit ?? 10}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "sourceKind", "sourceId", "field", "targetLang", "attempts"`;
  let supported: Set<string> | undefined;
  for (const job of claimed) {
    try {
      const source = await readSource(job.sourceKind, job.sourceId, job.field, job.targetLang);
      const skip = await skipReason(job, source);
      if (skip || !source) {
        await finishJob(job.id, skip ?? "source gone");
        result.skipped++;
        continue;
      }
      supported ??= new Set(await engine.languages());
      // Left as it is (and marked "not translated"): nothing to retry.
      if (!supported.has(source.language) || !supported.has(job.targetLang)) {
        await finishJob(job.id, `language not supported: ${source.language} → ${job.targetLang}`);
        result.skipped++;
        continue;
      }
      const text = await translateText(engine, { text: source.text, source: source.language, target: job.targetLang, glossary: translationGlossary() });
      const key = { sourceKind: job.sourceKind, sourceId: job.sourceId, field: job.field, targetLang: job.targetLang };
      const values = { sourceHash: sourceHash(source.text), sourceLang: source.language, text, engine: engine.name, authored: false };
      await prisma.$transaction([
        prisma.translation.upsert({ where: { sourceKind_sourceId_field_targetLang: key }, create: { ...key, ...values }, update: values }),
        prisma.translationJob.update({ where: { id: job.id }, data: { status: "DONE", doneAt: new Date(), lastError: null } }),
      ]);
      result.translated++;
    } catch (error) {
      const attempts = Number(job.attempts);
      const park = attempts >= MAX_TRANSLATION_ATTEMPTS;
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      await prisma.translationJob.update({
        where: { id: job.id },
        data: { status: park ? "PARKED" : "PENDING", lastError: message, nextAttemptAt: new Date(now.getTime() + translationBackoffMs(attempts)) },
      });
      if (park) result.parked++;
      else result.failed++;
      log.warn("translation not made", { id: String(job.id), attempts, park, error: message });
    }
  }
  return result;
}

/** Why a job needs no engine: same language, or an up-to-date (or authored) translation exists. */
async function skipReason(job: ClaimedJob, source: SourceText | null): Promise<string | null> {
  if (!source) return "source gone";
  if (source.language === job.targetLang) return "same language";
  const existing = await prisma.translation.findUnique({
    where: { sourceKind_sourceId_field_targetLang: { sourceKind: job.sourceKind, sourceId: job.sourceId, field: job.field, targetLang: job.targetLang } },
    select: { sourceHash: true, authored: true },
  });
  if (existing?.authored) return "authored translation kept";
  if (existing?.sourceHash === sourceHash(source.text)) return "already translated";
  return null;
}

async function finishJob(id: bigint, note: string) {
  await prisma.translationJob.update({ where: { id }, data: { status: "DONE", doneAt: new Date(), lastError: note } });
}
