import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Applies the committed migrations in prisma/migrations, keeping Prisma's own
 * `_prisma_migrations` bookkeeping so `prisma migrate status` and
 * `prisma migrate deploy` agree with it. It runs in-process over the same
 * connection the app then uses (PGlite allows only one), where the Prisma CLI
 * would need a second process and, with the PGlite adapter, never exits.
 */
export interface SqlRunner {
  /** Runs one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface MigrationResult {
  applied: string[];
  total: number;
}

// Prisma's lock id, so this runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_ID = 72707369;

/**
 * Runs `work` holding a session-level PostgreSQL advisory lock on `db`'s
 * connection: other instances asking for the same lock wait until it is done.
 */
export async function withAdvisoryLock<T>(db: SqlRunner, lockId: number, work: () => Promise<T>): Promise<T> {
  await db.query(`SELECT pg_advisory_lock(${lockId})`);
  try {
    return await work();
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${lockId})`);
  }
}

export function migrationsDir(): string {
  return path.resolve(process.env.PONTE_MIGRATIONS_DIR ?? "prisma/migrations");
}

export function listMigrations(dir = migrationsDir()) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => {
      const sql = fs.readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8");
      return { name: entry.name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function applyMigrations(db: SqlRunner, dir = migrationsDir()): Promise<MigrationResult> {
  const migrations = listMigrations(dir);
  // The lock comes before any DDL: two instances starting at once on an empty
  // database would otherwise both create the bookkeeping table, and one fail.
  await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_ID})`);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = done.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not resolved; fix the database, then mark it with \`prisma migrate resolve\`.`,
      );
    }
    const applied: string[] = [];
    const known = new Map(done.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const checksum = known.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum differs).`);
        }
        continue;
      }
      const id = crypto.randomUUID();
      await db.exec("BEGIN");
      try {
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await db.exec(migration.sql);
        await db.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, total: migrations.length };
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_ID})`);
  }
}
