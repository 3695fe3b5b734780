import { Meilisearch } from "meilisearch";
import { singletons } from "~/utils/singleton.server";
import { getEnv } from "~/utils/env.server";
import type { SearchEngine } from "./engine.server";

/**
 * The Meilisearch connection of this process. The master key stays here: the
 * browser never talks to Meilisearch with it.
 */
interface SearchConnection {
  engine: Pick<SearchEngine, "host" | "masterKey">;
  client: Meilisearch;
  /** The same engine with a long timeout, for sending documents (a busy engine may take a while to accept a batch). */
  writer: Meilisearch;
  /** Prepended to every index name: tests and shared servers keep apart. */
  indexPrefix: string;
}

export function createSearchClient(host: string, apiKey: string, timeoutMs = 10_000): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: timeoutMs,
    // Node's fetch asks for compressed responses by default, which costs
    // ~40 ms per search on these machines; plain responses take ~2 ms.
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
}

export function setSearchConnection(engine: Pick<SearchEngine, "host" | "masterKey">, indexPrefix = getEnv().MEILI_INDEX_PREFIX) {
  const connection: SearchConnection = {
    engine,
    client: createSearchClient(engine.host, engine.masterKey),
    writer: createSearchClient(engine.host, engine.masterKey, 120_000),
    indexPrefix,
  };
  singletons().search = connection;
}

function connection(): SearchConnection {
  const current = singletons().search as SearchConnection | undefined;
  if (!current) throw new Error("The search engine is not connected yet (setSearchConnection at start-up).");
  return current;
}

export function searchClient(): Meilisearch {
  return connection().client;
}

/** For sending documents: waits up to two minutes for the engine to accept them. */
export function searchWriter(): Meilisearch {
  return connection().writer;
}

export function indexName(base: string): string {
  return `${connection().indexPrefix}${base}`;
}

export function isSearchConnected(): boolean {
  return singletons().search !== undefined;
}
