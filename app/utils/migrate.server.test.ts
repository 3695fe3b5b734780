import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, type SqlRunner } from "./migrate.server";

function runner(client: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
  };
}

const clients: PGlite[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

async function freshDatabase() {
  const client = await PGlite.create();
  clients.push(client);
  return client;
}

function migrationsIn(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migration runner", () => {
  it("applies the committed migrations once, in Prisma's bookkeeping", async () => {
    const client = await freshDatabase();
    const first = await applyMigrations(runner(client));
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await applyMigrations(runner(client));
    expect(second.applied).toEqual([]);
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(first.applied);
    expect(rows.rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    const tables = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM information_schema.tables WHERE table_name = 'User'`);
    expect(tables.rows[0].count).toBe(1);
  });

  it("rolls a failing migration back entirely and stops", async () => {
    const client = await freshDatabase();
    const dir = migrationsIn({
      "001_ok": "CREATE TABLE a (id int);",
      "002_broken": "CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);",
    });
    await expect(applyMigrations(runner(client), dir)).rejects.toThrow(/002_broken failed/);
    const b = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'b'`);
    expect(b.rows).toHaveLength(0);
    const recorded = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(["001_ok"]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const client = await freshDatabase();
    const dir = migrationsIn({ "001_a": "CREATE TABLE a (id int);" });
    await applyMigrations(runner(client), dir);
    fs.writeFileSync(path.join(dir, "001_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(applyMigrations(runner(client), dir)).rejects.toThrow(/changed after it was applied/);
  });
});
