// Prisma CLI configuration: the JS engine with a driver adapter, so that
// `prisma migrate deploy` runs against the embedded PGlite database (or a
// PostgreSQL server when DATABASE_URL is set) without downloading engines.
import { defineConfig } from "prisma/config";
import { databaseTarget, migrationAdapter } from "../app/utils/db-adapter.server";

const target = databaseTarget();
// Prisma 6 insists on a resolvable datasource url even when an adapter does
// the connecting; with the embedded database there is none, so name it.
process.env.DATABASE_URL ??= "postgresql://embedded-pglite/ponte";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
  adapter: () => migrationAdapter(target),
});
