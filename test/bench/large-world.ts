import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, setCurrentDatabase, type Database } from "~/utils/db.server";
import { startEmbeddedEngine, type SearchEngine } from "~/modules/search/engine.server";
import { setSearchConnection } from "~/modules/search/client.server";
import { scales, type ScaleName } from "../../prisma/seed/demo";

/**
 * The data the search benchmarks run on: the large demo set (10,000 firms,
 * 100,000 products, 20,000 sourcing requests) in an embedded database, and a
 * Meilisearch of its own. Seeding takes minutes, so the folder
 * (bench-data/large, ignored by git) is kept between runs and reused while
 * the seed's fingerprint matches; delete it to start over.
 */
export interface LargeWorld {
  dir: string;
  database: Database;
  engine: SearchEngine;
  /** Whether this run seeded the data (false: reused from an earlier run). */
  seeded: boolean;
  seedMs: number;
  close(): Promise<void>;
}

const seedStamp = (scale: ScaleName) => JSON.stringify({ scale: scales[scale], version: 1 });
// A fixed "today" so that deadlines and statuses are the same on every run.
const TODAY = new Date("2026-11-01T00:00:00Z");

/**
 * The large set by default; a benchmark that must finish in minutes on a
 * fresh machine may ask for the medium one (bench-data/medium).
 */
export async function openLargeWorld(scale: ScaleName = "large"): Promise<LargeWorld> {
  const SEED_STAMP = seedStamp(scale);
  const dir = path.resolve(scale === "large" ? (process.env.PONTE_BENCH_DATA ?? "bench-data/large") : `bench-data/${scale}`);
  const stampFile = path.join(dir, "seeded.json");
  const reuse = fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === SEED_STAMP;
  let seedMs = 0;
  if (!reuse) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const started = Date.now();
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "test/bench/seed-large.ts", dir, TODAY.toISOString(), scale], { stdio: "inherit", env: { ...process.env, LOG_LEVEL: "warn" } });
    if (seeded.status !== 0) throw new Error(`seeding the large data set failed (exit ${seeded.status})`);
    seedMs = Date.now() - started;
    fs.writeFileSync(stampFile, SEED_STAMP);
  }
  const database = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
  setCurrentDatabase(database);
  let engine: SearchEngine | undefined;
  try {
    engine = await startEmbeddedEngine({ dir: path.join(dir, "meili"), masterKey: "bench-master-key-0123456789abcdef", maxIndexingMemory: "1GiB" });
    setSearchConnection(engine, "");
    const opened = engine;
    return {
      dir,
      database,
      engine: opened,
      seeded: !reuse,
      seedMs,
      close: async () => {
        await opened.stop();
        await database.close();
      },
    };
  } catch (error) {
    await engine?.stop();
    await database.close();
    throw error;
  }
}
