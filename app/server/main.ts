/**
 * `npm start`: the whole platform in one process. Opens (and migrates) the
 * database, starts or connects to Meilisearch, seeds demo data into an empty
 * database, starts the background workers and serves the Remix app.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { startPlatform, type Platform } from "./platform";
import { configureHttpServer, createApp } from "./app";
import { startWorkers } from "./workers";
import { seedIfEmpty } from "../../prisma/seed/seed.server";
import { prepareSearchIndexes } from "~/modules/search/startup.server";

const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`) as Promise<ServerBuild>;
}

async function main() {
  const started = Date.now();
  const env = getEnv();
  let platform: Platform | undefined;
  let server: Server | undefined;
  let stopWorkers: (() => Promise<void>) | undefined;
  let shuttingDown = false;

  const shutdown = async (signal: string, code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: shutting down`);
    // The engine may get the same signal (a service manager signals the whole group): no restart now.
    platform?.search?.stopSupervising();
    const force = setTimeout(() => process.exit(code || 1), 15_000);
    force.unref();
    // Stop accepting, close idle kept-alive connections now, and give
    // requests in flight a few seconds before cutting them off.
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeIdleConnections();
    const cut = setTimeout(() => server?.closeAllConnections(), 5_000);
    await closed;
    clearTimeout(cut);
    await stopWorkers?.();
    await platform?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    platform = await startPlatform("server");
    const seeded = env.SEED_ON_EMPTY ? await seedIfEmpty() : false;
    // Missing indexes are built now; stale ones in the background, swapped in when ready.
    const indexing = await prepareSearchIndexes({ rebuildAll: seeded });
    indexing.background.catch((error) => log.error("rebuilding the search indexes failed", { error: String(error) }));
    stopWorkers = startWorkers();

    let build = await importBuild();
    const app = createApp({
      build: env.NODE_ENV === "development" ? async () => build : build,
      production: env.NODE_ENV === "production",
      secure: env.secureCookies,
      httpsOnly: env.PUBLIC_URL?.startsWith("https://") ?? false,
      trustProxy: env.TRUST_PROXY,
    });
    server = configureHttpServer(app.listen(env.PORT, env.HOST, () => {
      log.info(`Ponte is ready on http://localhost:${env.PORT}`, { startupMs: Date.now() - started });
    }));
    server.on("error", (error) => {
      log.error(`cannot listen on port ${env.PORT}: ${error.message}`);
      void shutdown("listen error", 1);
    });

    if (env.NODE_ENV === "development" && process.env.REMIX_DEV_ORIGIN) {
      // `remix dev --manual`: reload the build when it changes, then tell the dev server.
      const { watch } = await import("node:fs");
      const { broadcastDevReady } = await import("@remix-run/node");
      await broadcastDevReady(build);
      watch(path.dirname(BUILD_PATH), { persistent: false }, async (_event, file) => {
        if (file !== "index.js") return;
        build = await importBuild();
        await broadcastDevReady(build);
      });
    }
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    await stopWorkers?.();
    await platform?.stop();
    process.exit(1);
  }
}

void main();
