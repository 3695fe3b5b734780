import { prisma } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { searchClient, searchWriter } from "./client.server";
import { dependents, documentVersions, loadDocuments, type SearchEntity } from "./document-source.server";
import { liveIndexUid, succeeded } from "./index-admin.server";
import type { SearchEntity as OutboxEntity } from "./outbox.server";

/**
 * Drains the search outbox into Meilisearch. A row is marked done only once
 * the Meilisearch task that carries its document has succeeded. Rows are
 * claimed with FOR UPDATE SKIP LOCKED and leased, so several instances can
 * drain side by side; each run reads records fresh from the database, so
 * many rows for one record make one document, and the last state wins.
 *
 * When Meilisearch cannot be reached nothing is counted against the rows:
 * they wait, and the index catches up when the engine is back. A row whose
 * document Meilisearch refuses is retried with backoff and, after
 * MAX_SEARCH_ATTEMPTS, parked where the bureau sees it.
 */
export const MAX_SEARCH_ATTEMPTS = 8;
const LEASE_MS = 2 * 60 * 1000;

/** Wait before retry number `attempts` (1-based): 5 s, 10 s, 20 s, ... at most 30 min. */
export function searchBackoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 30 * 60 * 1000);
}

const indexOf: Record<OutboxEntity, SearchEntity> = { product: "products", firm: "firms", request: "requests", fair: "fairs", notice: "notices" };
const outboxOf: Record<SearchEntity, OutboxEntity> = { products: "product", firms: "firm", requests: "request", fairs: "fair", notices: "notice" };

interface ClaimedRow {
  id: bigint;
  entityType: string;
  entityId: string;
  attempts: number;
}

export interface SyncResult {
  claimed: number;
  done: number;
  failed: number;
  parked: number;
  /** Meilisearch was unreachable: nothing was attempted. */
  engineDown: boolean;
}

async function claim(limit: number, now: Date): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "SearchOutbox"
       SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp
     WHERE "id" IN (
       SELECT "id" FROM "SearchOutbox"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
        ORDER BY "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "entityType", "entityId", "attempts"`;
}

/** Puts rows back for another run without counting an attempt (the engine was down). */
async function release(ids: bigint[], now: Date) {
  if (ids.length) await prisma.searchOutbox.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: now } });
}

export async function engineReachable(): Promise<boolean> {
  try {
    await searchClient().health();
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the current state of these records to the index `uid` and waits
 * until Meilisearch has applied it. Returns the fingerprints the documents
 * were built from.
 */
export async function writeRecords(entity: SearchEntity, ids: string[], uid = liveIndexUid(entity)) {
  const unique = [...new Set(ids)];
  const loaded = await loadDocuments(entity, unique);
  const index = searchWriter().index(uid);
  const tasks = [];
  if (loaded.documents.length) tasks.push(index.addDocuments(loaded.documents));
  if (loaded.missing.length) tasks.push(index.deleteDocuments(loaded.missing));
  for (const task of tasks) await succeeded(task);
  return loaded.versions;
}

/** Applies the claimed rows of one entity type, their dependents included. */
async function syncEntity(entity: SearchEntity, ids: string[]) {
  const written = await writeRecords(entity, ids);
  for (const dependent of await dependents(entity, ids)) {
    if (dependent.ids.length) await writeRecords(dependent.entity, dependent.ids);
  }
  // Another instance may have written a newer state of a record before our
  // (older) documents landed: anything that changed since we read it goes
  // round once more.
  const now = await documentVersions(entity, [...written.keys()]);
  const raced = [...written].filter(([id, version]) => now.has(id) && now.get(id) !== version).map(([id]) => id);
  if (raced.length) {
    await prisma.searchOutbox.createMany({ data: raced.map((entityId) => ({ entityType: outboxOf[entity], entityId })) });
  }
}

export async function drainSearchOutbox(options: { limit?: number; now?: Date } = {}): Promise<SyncResult> {
  const now = options.now ?? new Date();
  const result: SyncResult = { claimed: 0, done: 0, failed: 0, parked: 0, engineDown: false };
  if (!(await engineReachable())) return { ...result, engineDown: true };
  const rows = await claim(options.limit ?? 500, now);
  result.claimed = rows.length;
  if (!rows.length) return result;

  const byEntity = new Map<SearchEntity, ClaimedRow[]>();
  for (const row of rows) {
    const entity = indexOf[row.entityType as OutboxEntity];
    if (!entity) {
      await park([row], `unknown entity type "${row.entityType}"`);
      result.parked++;
      continue;
    }
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), row]);
  }

  for (const [entity, entityRows] of byEntity) {
    try {
      await syncEntity(entity, entityRows.map((row) => row.entityId));
      await prisma.searchOutbox.updateMany({
        where: { id: { in: entityRows.map((row) => row.id) } },
        data: { status: "DONE", processedAt: new Date(), lastError: null },
      });
      result.done += entityRows.length;
    } catch (error) {
      if (!(await engineReachable())) {
        // The engine went away mid-run: not the rows' fault.
        await release(entityRows.map((row) => row.id), now);
        result.engineDown = true;
        continue;
      }
      const outcome = await retryOneByOne(entity, entityRows, now, error);
      result.done += outcome.done;
      result.failed += outcome.failed;
      result.parked += outcome.parked;
    }
  }
  return result;
}

/** A batch failed: try each record alone, so one bad document holds up nobody else. */
async function retryOneByOne(entity: SearchEntity, rows: ClaimedRow[], now: Date, batchError: unknown) {
  const outcome = { done: 0, failed: 0, parked: 0 };
  log.warn("search sync batch failed; retrying records one by one", { entity, rows: rows.length, error: errorText(batchError) });
  for (const row of rows) {
    try {
      await syncEntity(entity, [row.entityId]);
      await prisma.searchOutbox.update({ where: { id: row.id }, data: { status: "DONE", processedAt: new Date(), lastError: null } });
      outcome.done++;
    } catch (error) {
      const attempts = row.attempts + 1;
      if (attempts >= MAX_SEARCH_ATTEMPTS) {
        await park([row], errorText(error), attempts);
        outcome.parked++;
      } else {
        await prisma.searchOutbox.update({
          where: { id: row.id },
          data: { attempts, lastError: errorText(error), nextAttemptAt: new Date(now.getTime() + searchBackoffMs(attempts)) },
        });
        outcome.failed++;
      }
    }
  }
  return outcome;
}

async function park(rows: ClaimedRow[], reason: string, attempts?: number) {
  log.warn("search sync parked", { ids: rows.map((row) => String(row.id)), reason });
  await prisma.searchOutbox.updateMany({
    where: { id: { in: rows.map((row) => row.id) } },
    data: { status: "PARKED", lastError: reason.slice(0, 1000), ...(attempts ? { attempts } : {}) },
  });
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 1000);
}

/** Drains until nothing is due (tests, the CLI, start-up). */
export async function drainSearchOutboxFully(options: { limit?: number; maxRuns?: number } = {}): Promise<SyncResult> {
  const total: SyncResult = { claimed: 0, done: 0, failed: 0, parked: 0, engineDown: false };
  for (let run = 0; run < (options.maxRuns ?? 1000); run++) {
    const result = await drainSearchOutbox({ limit: options.limit });
    total.claimed += result.claimed;
    total.done += result.done;
    total.failed += result.failed;
    total.parked += result.parked;
    total.engineDown ||= result.engineDown;
    if (result.engineDown || result.claimed === 0) break;
  }
  return total;
}

export interface SearchBacklog {
  pending: number;
  parked: number;
  oldestPendingAt: Date | null;
}

export async function searchBacklog(): Promise<SearchBacklog> {
  const [pending, parked, oldest] = await Promise.all([
    prisma.searchOutbox.count({ where: { status: "PENDING" } }),
    prisma.searchOutbox.count({ where: { status: "PARKED" } }),
    prisma.searchOutbox.findFirst({ where: { status: "PENDING" }, orderBy: { id: "asc" }, select: { createdAt: true } }),
  ]);
  return { pending, parked, oldestPendingAt: oldest?.createdAt ?? null };
}

/** The bureau sends parked rows back to the queue (after fixing what made them fail). */
export async function retryParked(ids?: bigint[]): Promise<number> {
  const { count } = await prisma.searchOutbox.updateMany({
    where: { status: "PARKED", ...(ids ? { id: { in: ids } } : {}) },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
  });
  return count;
}

/** Done rows are kept a week for the record, then removed. */
export async function deleteOldOutboxRows(now = new Date()) {
  await prisma.searchOutbox.deleteMany({ where: { status: "DONE", processedAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } } });
}

export { outboxOf };
