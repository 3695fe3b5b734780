import { getEnv } from "~/utils/env.server";
import { acquireDataDirLock } from "~/utils/data-dir-lock.server";
import { openDatabase, setCurrentDatabase, type Database } from "~/utils/db.server";
import { databaseTarget, describeTarget } from "~/utils/db-adapter.server";
import { connectSearchEngine, type SearchEngine } from "~/modules/search/engine.server";
import { setSearchConnection } from "~/modules/search/client.server";
import { log } from "~/utils/logger.server";
import { installReferenceData } from "../../prisma/seed/seed.server";

/**
 * The parts every entry point (server, CLI) needs: the database, migrated,
 * and the search engine. `stop()` closes them in reverse order.
 */
export interface Platform {
  database: Database;
  search?: SearchEngine;
  stop(): Promise<void>;
}

export async function startPlatform(purpose: string, options: { search?: boolean } = {}): Promise<Platform> {
  const env = getEnv();
  const target = databaseTarget();
  const releaseLock = target.kind === "pglite" ? acquireDataDirLock(env.dataDir, purpose) : () => {};
  let database: Database | undefined;
  let search: SearchEngine | undefined;
  try {
    const started = Date.now();
    const opened = await openDatabase(target);
    database = opened;
    setCurrentDatabase(opened);
    await installReferenceData();
    log.info(`database ready: ${describeTarget(target)}`, {
      ms: Date.now() - started,
      migrationsApplied: opened.migrations?.applied.length ?? 0,
    });
    if (options.search !== false) {
      const searchStarted = Date.now();
      search = await connectSearchEngine({ host: env.MEILI_HOST, masterKey: env.MEILI_MASTER_KEY, dataDir: env.dataDir, maxIndexingMemory: env.MEILI_MAX_INDEXING_MEMORY });
      setSearchConnection(search);
      log.info(`search engine ready: ${search.embedded ? "embedded Meilisearch" : "Meilisearch"} at ${search.host}`, {
        ms: Date.now() - searchStarted,
      });
    }
  } catch (error) {
    await search?.stop();
    await database?.close();
    releaseLock();
    throw error;
  }
  const db = database;
  const engine = search;
  let stopped = false;
  return {
    database: db,
    search: engine,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await db.close().catch((error) => log.warn("closing the database failed", { error: String(error) }));
      await engine?.stop().catch((error) => log.warn("stopping the search engine failed", { error: String(error) }));
      releaseLock();
    },
  };
}
