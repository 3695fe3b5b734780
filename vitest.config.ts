import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Two projects, so `npx vitest run <file>` from here starts only what that
 * file needs:
 * - unit: pure code, no database, no search engine (a file runs in ~1 s);
 * - integration: a migrated database copy per file and one shared
 *   Meilisearch, and the Remix build in build/ (refused when stale).
 * `npx vitest run` runs both; `--project integration` runs one.
 * Browser tests have their own config (test/e2e/vitest.config.ts).
 */
const root = import.meta.dirname;

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    environment: "node",
    pool: "forks",
    // Generous for a loaded 2-core machine (a PGlite boots in some unit tests).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each integration file gets its own database copy and index prefix;
    // two at a time suits the 2-core machines this runs on.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      SESSION_SECRET: "test-session-secret-that-is-long-enough-0123456789",
      SEED_ON_EMPTY: "false",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "test/unit/**/*.test.ts"],
          setupFiles: ["test/setup/console-guard.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/console-guard.ts", "test/setup/per-file.ts"],
        },
      },
    ],
  },
});
