import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "~/generated/prisma/client";
import {
  databaseTarget,
  openPglite,
  pgliteAdapter,
  postgresAdapter,
  type DatabaseTarget,
} from "./db-adapter.server";
import { applyMigrations, type MigrationResult, type SqlRunner } from "./migrate.server";
import { singletons } from "./singleton.server";
import { log } from "./logger.server";

export { Prisma } from "~/generated/prisma/client";

/**
 * The open database: a Prisma client over a driver adapter, plus a plain SQL
 * runner for migrations and the few statements Prisma cannot express
 * (`FOR UPDATE SKIP LOCKED`).
 */
export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export async function openDatabase(
  target: DatabaseTarget = databaseTarget(),
  options: { migrate?: boolean } = {},
): Promise<Database & { migrations?: MigrationResult }> {
  const database = target.kind === "pglite" ? await openEmbedded(target) : await openServer(target);
  if (options.migrate === false) return database;
  try {
    const migrations = await applyMigrations(database.sql);
    return { ...database, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Wraps an already open PGlite instance (tests load one from a template). */
export function databaseFromPglite(client: PGlite, target: DatabaseTarget): Database {
  const prisma = new PrismaClient({ adapter: pgliteAdapter(client) });
  return {
    target,
    prisma,
    sql: {
      exec: async (sql) => {
        await client.exec(sql);
      },
      query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
    },
    close: async () => {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

async function openEmbedded(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  return databaseFromPglite(await openPglite(target.dataDir), target);
}

async function openServer(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection the server ends (a restart, a failover, an
  // administrator) is an 'error' event on the pool: without a listener it
  // would crash the process. The pool replaces the connection; we note it.
  pool.on("error", (error) => log.warn("a PostgreSQL connection was closed by the server", { error: error.message }));
  const prisma = new PrismaClient({ adapter: postgresAdapter(pool) });
  // Migrations take a session-level lock and run BEGIN/COMMIT: one connection.
  let dedicated: pg.PoolClient | undefined;
  const connection = async () => {
    if (!dedicated) {
      dedicated = await pool.connect();
      // Checked out for good, so the pool's listener does not cover it.
      dedicated.on("error", (error) => log.warn("the migration connection was closed by the server", { error: error.message }));
    }
    return dedicated;
  };
  return {
    target,
    prisma,
    sql: {
      exec: async (sql) => {
        await (await connection()).query(sql);
      },
      query: async <Row>(sql: string, params?: unknown[]) =>
        (await (await connection()).query(sql, params as unknown[])).rows as Row[],
    },
    close: async () => {
      dedicated?.release();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Makes `database` the one every module of this process uses. */
export function setCurrentDatabase(database: Database) {
  singletons().database = database;
}

export function currentDatabase(): Database {
  const database = singletons().database as Database | undefined;
  if (!database) throw new Error("The database is not open yet (openDatabase + setCurrentDatabase at start-up).");
  return database;
}

/**
 * The Prisma client of the open database. A proxy so that modules can import
 * it at load time while the database itself is opened (and migrated) at start.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentDatabase().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
