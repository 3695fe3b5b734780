import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { setCurrentDatabase, type Database } from "~/utils/db.server";
import { setSearchConnection, searchClient } from "~/modules/search/client.server";
import { singletons } from "~/utils/singleton.server";
import { openPgliteCopy, openPostgresCopy, testDatabaseUrl } from "./test-database";

/**
 * Before each test file: its own database (a copy of the migrated template),
 * the shared Meilisearch under a prefix of its own, and a DATA_DIR of its own.
 */
const prefix = `t${crypto.randomBytes(4).toString("hex")}_`;
const dataDir = path.join(inject("testTmpDir"), prefix);
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;
process.env.MEILI_INDEX_PREFIX = prefix;

// A fresh registry: nothing from another file leaks in.
for (const key of Object.keys(singletons())) delete singletons()[key];

const url = testDatabaseUrl();
const database: Database = url
  ? await openPostgresCopy(url, inject("postgresTemplate"))
  : await openPgliteCopy(inject("pgliteTemplate"));
setCurrentDatabase(database);
setSearchConnection({ host: inject("meiliHost"), masterKey: inject("meiliKey") }, prefix);

afterAll(async () => {
  await database.close();
  try {
    const { results } = await searchClient().getIndexes({ limit: 1000 });
    await Promise.all(results.filter((index) => index.uid.startsWith(prefix)).map((index) => searchClient().deleteIndex(index.uid)));
  } catch {
    // The engine may already be gone in a test that stops it.
  }
});
