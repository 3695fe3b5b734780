import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "~/modules/search/engine.server";
import { scales } from "../../prisma/seed/demo";
import { waitFor } from "../support/wait";

/**
 * Two server instances started at the same moment on one empty PostgreSQL
 * database: both migrate (one waits for the other's advisory lock), the
 * database is seeded once, and both answer /healthz. Needs a PostgreSQL
 * server (TEST_POSTGRES_URL, set by .ci/run); without one it is reported as
 * skipped, not passed. (PGlite allows one process per data folder: a second
 * instance refuses to start, see cli.test.ts.)
 */
const serverUrl = process.env.TEST_POSTGRES_URL || undefined;
const name = `ponte_instances_${crypto.randomBytes(4).toString("hex")}`;
const prefix = `inst${crypto.randomBytes(3).toString("hex")}_`;
const dirs: string[] = [];
const apps: ChildProcess[] = [];

function databaseUrl(database: string) {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, database = "postgres"): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(
    apps.map(async (app) => {
      if (app.exitCode !== null || app.signalCode !== null) return;
      const exited = new Promise((resolve) => app.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }),
  );
  if (serverUrl) await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const headers = { Authorization: `Bearer ${inject("meiliKey")}` };
  const indexes = (await (await fetch(`${inject("meiliHost")}/indexes?limit=1000`, { headers })).json()) as { results: { uid: string }[] };
  for (const index of indexes.results.filter((i) => i.uid.startsWith(prefix))) {
    await fetch(`${inject("meiliHost")}/indexes/${index.uid}`, { method: "DELETE", headers });
  }
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function startInstance(port: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-instance-"));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl(name),
      SEED_ON_EMPTY: "true",
      MEILI_HOST: inject("meiliHost"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX_PREFIX: prefix,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  apps.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

describe("instances started together on an empty PostgreSQL database", () => {
  it.skipIf(!serverUrl)("both migrate and become healthy, and the demo data is seeded once", async () => {
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    const ports = [await freePort(), await freePort()];
    const instances = ports.map((port) => startInstance(port));

    const results = await Promise.all(
      instances.map(async (instance) => {
        const healthy = await waitFor(async () => {
          if (instance.child.exitCode !== null) return true;
          try {
            return (await fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(5000) })).status === 200;
          } catch {
            return false;
          }
        }, 240_000);
        return { healthy: healthy && instance.child.exitCode === null, output: instance.output() };
      }),
    );
    for (const result of results) expect(result.healthy, result.output).toBe(true);

    const counts = await admin(async (client) => {
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
      return {
        migrations: await count(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`),
        firms: await count(`SELECT count(*) AS n FROM "Firm"`),
        seeds: await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorLabel" = 'seed' AND action = 'seed'`),
      };
    }, name);
    const migrationDirs = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(counts.migrations).toBe(migrationDirs.length);
    expect(counts.firms).toBe(scales.small.firms);
    expect(counts.seeds).toBe(1);
    expect(results.filter((result) => /empty database: seeding/.test(result.output))).toHaveLength(1);
  }, 300_000);
});
