import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "~/utils/migrate.server";
import { databaseFromPglite, openDatabase, type Database } from "~/utils/db.server";
import { PGLITE_CONFIG } from "~/utils/db-adapter.server";

/**
 * Test databases. Migrations run once per test run into a template; each test
 * file gets its own copy: a PGlite loaded from the template's dump, or, when
 * TEST_DATABASE_URL points at PostgreSQL, a database created from a template
 * database.
 */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export async function createPgliteTemplate(dir: string): Promise<string> {
  const client = await PGlite.create();
  await applyMigrations({
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
  });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

export async function openPgliteCopy(templateFile: string): Promise<Database> {
  const blob = new Blob([fs.readFileSync(templateFile)]);
  const client = await PGlite.create({ loadDataDir: blob, postgresqlconf: PGLITE_CONFIG });
  return databaseFromPglite(client, { kind: "pglite", dataDir: "memory://" });
}

function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createPostgresTemplate(url: string): Promise<string> {
  const name = `ponte_template_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: withDatabase(url, name) });
  await database.close();
  return name;
}

export async function dropPostgresDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

export async function openPostgresCopy(url: string, template: string): Promise<Database & { drop(): Promise<void> }> {
  const name = `ponte_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: withDatabase(url, name) }, { migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropPostgresDatabase(url, name);
    },
    drop: () => dropPostgresDatabase(url, name),
  };
}

/** A database that has gone away: a fresh copy of the template, closed. */
export async function openClosedDatabase(template: { pglite: string; postgres: string }): Promise<Database> {
  const url = testDatabaseUrl();
  const gone = url ? await openPostgresCopy(url, template.postgres) : await openPgliteCopy(template.pglite);
  await gone.close();
  return gone;
}
