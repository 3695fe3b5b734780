import { DomainError } from "~/utils/domain-error";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { log } from "~/utils/logger.server";
import { searchClient } from "./client.server";
import { countRecords } from "./document-source.server";
import { currentSettingsHash, liveIndexUid, readIndexMeta, syncSynonyms } from "./index-admin.server";
import { indexKeys, type IndexKey } from "./indexes.server";
import { engineReachable, retryParked, searchBacklog } from "./sync.server";
import { baseSynonymGroups } from "./vocabulary.server";
import { invalidateHeadIndex } from "./head-vocabulary.server";
import { normalizeGroup } from "./synonyms";

/**
 * What the bureau sees of search: whether the engine answers, how many
 * changes wait, which failed (and why), and whether each index holds as
 * many documents as the database has records.
 */
export interface IndexStatus {
  index: IndexKey;
  records: number | null;
  documents: number | null;
  builtAt: string | null;
  settingsCurrent: boolean;
}

export async function searchStatus() {
  const [backlog, parked, reachable] = await Promise.all([
    searchBacklog(),
    prisma.searchOutbox.findMany({
      where: { status: "PARKED" },
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, entityType: true, entityId: true, attempts: true, lastError: true, createdAt: true },
    }),
    engineReachable(),
  ]);
  const meta = reachable ? await readIndexMeta().catch(() => new Map()) : new Map();
  // A missing index (or an engine gone meanwhile) has no document count.
  const documentCount = (key: IndexKey) =>
    reachable
      ? searchClient()
          .index(liveIndexUid(key))
          .getStats()
          .then((stats) => stats.numberOfDocuments)
          .catch(() => null)
      : null;
  const indexes: IndexStatus[] = await Promise.all(
    indexKeys.map(async (key) => {
      const [records, documents] = await Promise.all([key === "hs" ? null : countRecords(key), documentCount(key)]);
      const built = meta.get(key);
      return { index: key, records, documents, builtAt: built?.builtAt ?? null, settingsCurrent: built?.settingsHash === currentSettingsHash(key) };
    }),
  );
  return {
    reachable,
    backlog: { ...backlog, oldestPendingAt: backlog.oldestPendingAt?.toISOString() ?? null },
    parked: parked.map((row) => ({ ...row, id: String(row.id), createdAt: row.createdAt.toISOString() })),
    indexes,
  };
}

/** Sends parked changes back to the queue: one (by id) or all. */
export async function retryParkedChanges(actorId: string, id?: string): Promise<number> {
  const ids = id && /^\d{1,19}$/.test(id) ? [BigInt(id)] : undefined;
  if (id && !ids) return 0;
  const count = await retryParked(ids);
  await recordAudit(prisma, { actorId, entityType: "searchVocabulary", entityId: id ?? "all", action: "retry-search-sync", changes: { rows: count } });
  return count;
}

export async function listSynonymGroups() {
  const added = await prisma.searchSynonymGroup.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, terms: true, createdAt: true } });
  return {
    base: baseSynonymGroups(),
    added: added.map((group) => ({ id: group.id, terms: group.terms, createdAt: group.createdAt.toISOString() })),
  };
}

/** Adds a group (Chinese kept in Simplified, as the index is) and applies it at once when the engine answers. */
export async function addSynonymGroup(terms: string[], actorId: string) {
  const group = normalizeGroup(terms.map(toSimplified));
  // The same words in any order are the same group.
  const sameWords = (words: readonly string[]) => [...normalizeGroup(words)].sort().join("\u0000");
  const existing = [...baseSynonymGroups(), ...(await prisma.searchSynonymGroup.findMany({ select: { terms: true } })).map((row) => row.terms)];
  const key = sameWords(group);
  if (existing.some((other) => sameWords(other) === key)) throw new DomainError("duplicateSynonymGroup", { status: 400, messageKey: "search:vocabulary.errors.duplicate", field: "terms" });
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.searchSynonymGroup.create({ data: { terms: group, createdById: actorId } });
    await recordAudit(tx, { actorId, entityType: "searchVocabulary", entityId: row.id, action: "add-synonyms", changes: { terms: group } });
    return row;
  });
  await applyNow();
  return created;
}

export async function deleteSynonymGroup(id: string, actorId: string): Promise<boolean> {
  const deleted = await prisma.$transaction(async (tx) => {
    const row = await tx.searchSynonymGroup.findUnique({ where: { id } });
    if (!row) return false;
    await tx.searchSynonymGroup.delete({ where: { id } });
    await recordAudit(tx, { actorId, entityType: "searchVocabulary", entityId: id, action: "delete-synonyms", changes: { terms: row.terms } });
    return true;
  });
  if (deleted) await applyNow();
  return deleted;
}

/** Synonyms apply in milliseconds; if the engine is away the sync loop applies them when it is back. */
async function applyNow() {
  // Head recognition reads the bureau's groups too.
  invalidateHeadIndex();
  await syncSynonyms().catch((error) => log.warn("synonyms not applied yet; the sync loop will retry", { error: String(error) }));
}
