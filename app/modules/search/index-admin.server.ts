import crypto from "node:crypto";
import type { Meilisearch, Task } from "meilisearch";
import { indexName, searchClient } from "./client.server";
import { indexDefinitions, settingsFor, settingsHash, type IndexKey } from "./indexes.server";
import { DOCUMENT_VERSION } from "./documents.server";
import { effectiveSynonyms, searchDictionary } from "./vocabulary.server";
import { invalidateHeadIndex } from "./head-vocabulary.server";

/**
 * Index housekeeping: names, task waiting, and what each live index was
 * built with. That record lives in Meilisearch itself (the `ponte_meta`
 * index), next to the data it describes: a search engine started empty says
 * so, whatever the database remembers.
 */
export const META_INDEX = "ponte_meta";

/** How long a single Meilisearch task may take before we call it failed. */
export const TASK_TIMEOUT_MS = 120_000;

export class SearchTaskError extends Error {
  constructor(
    readonly task: Pick<Task, "uid" | "status" | "type" | "error">,
  ) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error message"}`);
    this.name = "SearchTaskError";
  }
}

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `check` until it returns something, waiting `firstMs` after the
 * first miss and twice as long after each next one (at most `maxMs`);
 * throws `stillWaiting()`'s message once `deadline` has passed.
 */
async function pollUntil<T>(check: () => Promise<T | undefined>, options: { firstMs: number; maxMs: number; deadline: number; stillWaiting: () => string }): Promise<T> {
  for (let interval = options.firstMs; ; interval = Math.min(interval * 2, options.maxMs)) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > options.deadline) throw new Error(options.stillWaiting());
    await sleep(interval);
  }
}

/**
 * Waits for a task by polling it, quickly at first (most single-document
 * tasks finish in milliseconds), then less often. Our own loop rather than
 * the client's waitTask, which leaves a listener behind on every poll.
 */
export async function waitForTask(uid: number, timeout = TASK_TIMEOUT_MS, client: Meilisearch = searchClient()): Promise<Task> {
  let status = "";
  return pollUntil(
    async () => {
      const task = await client.tasks.getTask(uid);
      status = task.status;
      return TERMINAL.has(task.status) ? task : undefined;
    },
    { firstMs: 5, maxMs: 250, deadline: Date.now() + timeout, stillWaiting: () => `Meilisearch task ${uid} still ${status} after ${timeout} ms` },
  );
}

/** Waits for an enqueued task and throws unless it succeeded. */
export async function succeeded(promise: Promise<{ taskUid: number }>, timeout = TASK_TIMEOUT_MS): Promise<Task> {
  const task = await waitForTask((await promise).taskUid, timeout);
  if (task.status !== "succeeded") throw new SearchTaskError(task);
  return task;
}

/** Waits for many tasks with one query per poll; throws if any did not succeed. */
export async function allSucceeded(uids: number[], timeout = TASK_TIMEOUT_MS * 5, client: Meilisearch = searchClient()) {
  const deadline = Date.now() + timeout;
  for (let chunk = 0; chunk < uids.length; chunk += 500) {
    const some = uids.slice(chunk, chunk + 500);
    let open = 0;
    await pollUntil(
      async () => {
        open = (await client.tasks.getTasks({ uids: some, statuses: ["enqueued", "processing"], limit: 1 })).total;
        return open === 0 ? true : undefined;
      },
      { firstMs: 25, maxMs: 500, deadline, stillWaiting: () => `${open} Meilisearch tasks still running after ${timeout} ms` },
    );
    const failed = await client.tasks.getTasks({ uids: some, statuses: ["failed", "canceled"], limit: 1 });
    if (failed.results[0]) throw new SearchTaskError(failed.results[0]);
  }
}

export interface IndexMeta {
  id: IndexKey;
  settingsHash: string;
  builtAt: string;
  documents: number;
}

export function currentSettingsHash(key: IndexKey): string {
  return settingsHash(key, searchDictionary(), DOCUMENT_VERSION);
}

export function liveIndexUid(key: IndexKey): string {
  return indexName(key);
}

export async function readIndexMeta(client: Meilisearch = searchClient()): Promise<Map<IndexKey, IndexMeta>> {
  try {
    const { results } = await client.index<IndexMeta>(indexName(META_INDEX)).getDocuments({ limit: 100 });
    return new Map(results.map((meta) => [meta.id, meta]));
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "index_not_found") return new Map();
    throw error;
  }
}

export async function writeIndexMeta(meta: IndexMeta, client: Meilisearch = searchClient()) {
  await succeeded(client.index(indexName(META_INDEX)).addDocuments([meta], { primaryKey: "id" }));
}

export async function indexExists(uid: string, client: Meilisearch = searchClient()): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "index_not_found") return false;
    throw error;
  }
}

/**
 * Creates `uid` unless it exists. Another instance starting at the same
 * moment, or the sync loop writing to it, may create it between the check
 * and the creation: an index that exists by then is what was wanted.
 */
export async function createIndexIfMissing(uid: string, primaryKey: string, client: Meilisearch = searchClient()) {
  if (await indexExists(uid, client)) return;
  try {
    await succeeded(client.createIndex(uid, { primaryKey }));
  } catch (error) {
    if (error instanceof SearchTaskError && error.task.error?.code === "index_already_exists") return;
    throw error;
  }
}

/** Creates `uid` (if needed) with the settings of `key`, synonyms included. */
export async function createConfiguredIndex(key: IndexKey, uid: string, client: Meilisearch = searchClient()) {
  await createIndexIfMissing(uid, indexDefinitions[key].primaryKey, client);
  const synonyms = key === "hs" ? {} : await effectiveSynonyms();
  await succeeded(client.index(uid).updateSettings({ ...settingsFor(key), synonyms }));
}

/** Pushes the current synonyms to the live indexes (milliseconds: no reindex). */
export async function applySynonyms(client: Meilisearch = searchClient()) {
  const synonyms = await effectiveSynonyms();
  const keys: IndexKey[] = ["products", "firms", "requests", "fairs", "notices"];
  const tasks = [];
  for (const key of keys) {
    if (await indexExists(liveIndexUid(key), client)) tasks.push(client.index(liveIndexUid(key)).updateSynonyms(synonyms));
  }
  for (const task of tasks) await succeeded(task);
}

/** The vocabulary's fingerprint as last applied to the live indexes. */
const SYNONYMS_META_ID = "synonyms";

/**
 * Applies the bureau's synonyms if they changed since they were last
 * applied (the sync loop calls this; an edit made while the engine was down
 * lands when it is back).
 */
export async function syncSynonyms(client: Meilisearch = searchClient()): Promise<boolean> {
  const synonyms = await effectiveSynonyms();
  const hash = crypto.createHash("sha256").update(JSON.stringify(synonyms)).digest("hex").slice(0, 16);
  const meta = await readIndexMeta(client);
  if ((meta.get(SYNONYMS_META_ID as IndexKey) as { settingsHash?: string } | undefined)?.settingsHash === hash) return false;
  // Changed, maybe by another process: head recognition reads them again.
  invalidateHeadIndex();
  await applySynonyms(client);
  await succeeded(client.index(indexName(META_INDEX)).addDocuments([{ id: SYNONYMS_META_ID, settingsHash: hash, builtAt: new Date().toISOString(), documents: 0 }], { primaryKey: "id" }));
  return true;
}

/** Meilisearch keeps every task until told otherwise, and its task store has a size limit. */
export async function deleteOldTasks(olderThanDays = 7, client: Meilisearch = searchClient()) {
  const before = new Date(Date.now() - olderThanDays * 86_400_000);
  await succeeded(client.tasks.deleteTasks({ beforeEnqueuedAt: before.toISOString(), statuses: ["succeeded", "failed", "canceled"] }));
}
