import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { getEnv } from "./env.server";
import { withPreparedStatements } from "./pglite-statements.server";

/**
 * Where the data lives: the embedded PGlite database in DATA_DIR, or the
 * PostgreSQL server named by DATABASE_URL. Same schema, same migrations.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export function databaseTarget(): DatabaseTarget {
  const env = getEnv();
  if (env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    return { kind: "postgres", url: env.DATABASE_URL };
  }
  return { kind: "pglite", dataDir: path.join(env.dataDir, "pglite") };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/**
 * PGlite runs inside the Node process, so its buffer cache is the app's
 * memory: 32 MB instead of PostgreSQL's 128 MB default keeps a full reindex
 * of 100,000 products ~150 MB leaner, at no measurable cost in speed (its
 * files sit in the operating system's page cache anyway).
 */
export const PGLITE_CONFIG = ["shared_buffers = 32MB"];

export async function openPglite(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, postgresqlconf: PGLITE_CONFIG });
}

export function postgresAdapter(poolOrUrl: pg.Pool | string) {
  return new PrismaPg(typeof poolOrUrl === "string" ? { connectionString: poolOrUrl, max: 10 } : poolOrUrl);
}

export function pgliteAdapter(client: PGlite) {
  // The adapter calls only query, exec and transaction, which the prepared-statement client keeps PGlite's.
  const factory = new PrismaPGlite(withPreparedStatements(client) as unknown as PGlite);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    mapPgliteErrors(adapter);
    return adapter;
  };
  return factory;
}

/**
 * pglite-prisma-adapter 0.6 reports every database error as kind "postgres",
 * which Prisma passes through raw; @prisma/adapter-pg maps constraint errors
 * to the kinds Prisma turns into P2002/P2003/... Map them the same way, so
 * code that handles a unique violation behaves alike on both databases.
 */
function mapPgliteErrors(adapter: object) {
  // onError lives on the base class shared by the adapter and its transactions.
  const base = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
    onError(error: unknown): never;
    __ponteMapped?: boolean;
  };
  if (base.__ponteMapped) return;
  const original = base.onError;
  base.onError = function onError(error: unknown): never {
    try {
      original.call(this, error);
    } catch (thrown) {
      const cause = (thrown as { cause?: PostgresErrorCause }).cause;
      if (thrown instanceof Error && thrown.name === "DriverAdapterError" && cause?.kind === "postgres") {
        const structured = structuredPostgresError(cause);
        if (structured) (thrown as { cause: unknown }).cause = { ...structured, originalCode: cause.code, originalMessage: cause.message };
      }
      throw thrown;
    }
    throw error;
  };
  base.__ponteMapped = true;
}

interface PostgresErrorCause {
  kind: "postgres";
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

function structuredPostgresError(cause: PostgresErrorCause): Record<string, unknown> | undefined {
  const fields = cause.detail?.match(/Key \(([^)]+)\)/)?.at(1)?.split(", ");
  switch (cause.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23502":
      return { kind: "NullConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : undefined };
    case "23503":
      return { kind: "ForeignKeyConstraintViolation", constraint: fields ? { fields } : undefined };
    case "22001":
      return { kind: "LengthMismatch", column: cause.column };
    case "22003":
      return { kind: "ValueOutOfRange", cause: cause.message };
    case "40001":
      return { kind: "TransactionWriteConflict" };
    default:
      return undefined;
  }
}

/** The adapter `prisma migrate` uses (see .config/prisma.ts). */
export async function migrationAdapter(target: DatabaseTarget) {
  if (target.kind === "postgres") return postgresAdapter(target.url);
  const client = await openPglite(target.dataDir);
  const factory = pgliteAdapter(client);
  // The PGlite adapter's dispose() leaves the database open, which keeps the
  // CLI process alive after `migrate deploy` has finished: close it for real.
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.dispose = () => client.close();
    return adapter;
  };
  return factory;
}
