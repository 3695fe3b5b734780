import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { searchClient, searchWriter } from "./client.server";
import { allDocuments, countRecords, hsDocuments, type SearchEntity } from "./document-source.server";
import {
  allSucceeded,
  createConfiguredIndex,
  createIndexIfMissing,
  currentSettingsHash,
  indexExists,
  liveIndexUid,
  readIndexMeta,
  succeeded,
  writeIndexMeta,
} from "./index-admin.server";
import { indexKeys, type IndexKey } from "./indexes.server";
import { outboxOf, writeRecords } from "./sync.server";

/**
 * Full rebuilds without downtime: every index is built anew under a
 * temporary name, the changes that happened meanwhile are replayed onto it,
 * and it is swapped with the live one in a single Meilisearch operation.
 * Searches see the old index until the swap and the new one after it.
 */
// Small pages keep the live heap small (one page in hand, ~1 MB of documents); speed is the same.
const PAGE_SIZE = 500;
export interface ReindexReport {
  index: IndexKey;
  documents: number;
  ms: number;
}

async function highWaterMark(): Promise<bigint> {
  const last = await prisma.searchOutbox.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** Records of `entity` changed (per the outbox) after `mark`, and the new mark. */
async function changedSince(entity: SearchEntity, mark: bigint): Promise<{ ids: string[]; mark: bigint }> {
  const rows = await prisma.searchOutbox.findMany({
    where: { id: { gt: mark }, entityType: outboxOf[entity] },
    select: { id: true, entityId: true },
    orderBy: { id: "asc" },
  });
  return { ids: [...new Set(rows.map((row) => row.entityId))], mark: rows.at(-1)?.id ?? mark };
}

/**
 * Sends every document to the new index. Pages are read and sent one at a
 * time (Node holds one page), but not waited for: Meilisearch batches the
 * queued tasks together, which is several times faster than indexing page
 * by page (each batch recomputes the index's word prefixes and facets).
 * Every task is checked at the end.
 */
async function fill(key: IndexKey, uid: string): Promise<number> {
  const index = searchWriter().index(uid);
  const tasks: number[] = [];
  let documents = 0;
  const send = async (batch: Record<string, unknown>[]) => {
    tasks.push((await index.addDocuments(batch)).taskUid);
    documents += batch.length;
  };
  if (key === "hs") {
    const all = hsDocuments();
    for (let i = 0; i < all.length; i += PAGE_SIZE) await send(all.slice(i, i + PAGE_SIZE) as unknown as Record<string, unknown>[]);
  } else {
    for await (const batch of allDocuments(key, PAGE_SIZE)) await send(batch);
  }
  const sent = Date.now();
  await allSucceeded(tasks);
  log.debug("index filled", { uid, documents, waitedMs: Date.now() - sent });
  return documents;
}

/** Rebuilds one index and swaps it in. */
export async function rebuildIndex(key: IndexKey): Promise<ReindexReport> {
  const started = Date.now();
  const client = searchClient();
  const live = liveIndexUid(key);
  // Random as well as timed: two instances starting together rebuild the same index in the same millisecond.
  const building = `${live}__build_${started.toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const hash = currentSettingsHash(key);
  let mark = await highWaterMark();
  await createConfiguredIndex(key, building);
  try {
    const documents = await fill(key, building);
    if (key !== "hs") {
      // Changes made while we were reading: onto the new index before it goes live...
      const before = await changedSince(key, mark);
      if (before.ids.length) await writeRecords(key, before.ids, building);
      mark = before.mark;
    }
    await createIndexIfMissing(live, key === "hs" ? "code" : "id", client);
    await succeeded(client.swapIndexes([{ indexes: [live, building], rename: false }]));
    if (key !== "hs") {
      // ...and those the sync loop wrote to the old index during the swap, onto the live one.
      const after = await changedSince(key, mark);
      if (after.ids.length) await writeRecords(key, after.ids, live);
    }
    await writeIndexMeta({ id: key, settingsHash: hash, builtAt: new Date().toISOString(), documents });
    return { index: key, documents, ms: Date.now() - started };
  } finally {
    // After the swap this name holds the old index; before it, the unfinished new one.
    await succeeded(client.deleteIndex(building)).catch((error) => log.warn("could not delete a build index", { uid: building, error: String(error) }));
  }
}

/** `npm run cli -- reindex`: every index, one after the other. */
export async function reindexAll(keys: IndexKey[] = indexKeys, onProgress?: (report: ReindexReport) => void): Promise<ReindexReport[]> {
  const reports: ReindexReport[] = [];
  for (const key of keys) {
    const report = await rebuildIndex(key);
    onProgress?.(report);
    reports.push(report);
  }
  return reports;
}

export interface IndexCheck {
  index: IndexKey;
  /** Why it must be rebuilt, or null when it is up to date. */
  reason: "missing" | "settings" | "count" | null;
}

/**
 * At start: which indexes are missing, were built with other settings, or
 * hold a different number of documents than the database has records (the
 * demo seed and restores write no outbox rows).
 */
export async function checkIndexes(): Promise<IndexCheck[]> {
  const meta = await readIndexMeta();
  const backlog = await prisma.searchOutbox.count({ where: { status: "PENDING" } });
  const checks: IndexCheck[] = [];
  for (const key of indexKeys) {
    const live = liveIndexUid(key);
    if (!(await indexExists(live)) || !meta.has(key)) {
      checks.push({ index: key, reason: "missing" });
      continue;
    }
    if (meta.get(key)!.settingsHash !== currentSettingsHash(key)) {
      checks.push({ index: key, reason: "settings" });
      continue;
    }
    if (key !== "hs" && backlog === 0) {
      const [stats, records] = await Promise.all([searchClient().index(live).getStats(), countRecords(key)]);
      if (stats.numberOfDocuments !== records) {
        checks.push({ index: key, reason: "count" });
        continue;
      }
    }
    checks.push({ index: key, reason: null });
  }
  return checks;
}

/** Rebuilds what `checkIndexes` finds out of date; returns what it rebuilt. */
export async function ensureIndexes(onProgress?: (report: ReindexReport, reason: string) => void): Promise<ReindexReport[]> {
  const stale = (await checkIndexes()).filter((check) => check.reason !== null);
  const reports: ReindexReport[] = [];
  for (const check of stale) {
    const report = await rebuildIndex(check.index);
    onProgress?.(report, check.reason!);
    reports.push(report);
  }
  return reports;
}
