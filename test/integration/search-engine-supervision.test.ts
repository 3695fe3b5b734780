import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "~/modules/search/engine.server";
import { waitFor } from "../support/wait";

/**
 * The bundled Meilisearch under the real server process (`npm run serve`
 * runs app/server/main.ts the same way): restarted when it dies, and never
 * outliving the server, even one killed with SIGKILL.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-supervision-"));
const pidFile = path.join(dataDir, "meili", "meilisearch.pid");
const apps: ChildProcess[] = [];
const engines = new Set<number>();

afterAll(async () => {
  for (const app of apps) if (app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  for (const pid of engines) if (alive(pid)) process.kill(pid, "SIGKILL");
  await new Promise((resolve) => setTimeout(resolve, 200));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped by its parent) is not running.
    return !/^\S+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function enginePid() {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  engines.add(pid);
  return pid;
}

/** The watchdog shell of an engine: `sh -c <script> ponte-meili-watchdog <engine pid> <binary>`. */
function watchdogOf(engine: number): number | undefined {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.includes("ponte-meili-watchdog") && args.includes(String(engine))) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

interface RunningApp {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function healthy(url: string) {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) })).status === 200;
  } catch {
    return false;
  }
}

async function startApp(): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, SEED_ON_EMPTY: "false", DATABASE_URL: "", MEILI_HOST: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  apps.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const ready = await waitFor(async () => child.exitCode === null && (await healthy(url)), 150_000);
  if (!ready) throw new Error(`the server did not become healthy:\n${output}`);
  return { child, url, output: () => output };
}

async function killed(child: ChildProcess) {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

describe("the bundled Meilisearch under the server", () => {
  let app: RunningApp;

  it("is restarted after a SIGKILL, and /healthz is healthy again within 30 s without restarting the server", async () => {
    app = await startApp();
    const before = enginePid();
    expect(alive(before)).toBe(true);

    process.kill(before, "SIGKILL");
    const killedAt = Date.now();
    const back = await waitFor(async () => enginePid() !== before && (await healthy(app.url)), 30_000);
    const ms = Date.now() - killedAt;
    expect(back).toBe(true);
    expect(ms).toBeLessThan(30_000);
    console.info(`/healthz healthy again ${ms} ms after the engine was killed`);

    expect(app.child.exitCode).toBeNull();
    expect(alive(enginePid())).toBe(true);
    // The search client works against the restarted engine (same address, same key).
    const search = await fetch(`${app.url}/api/v1/search/products?q=lamp&lang=en`);
    expect(search.status).toBe(200);
    expect(app.output()).toMatch(/the search engine \(Meilisearch\) exited unexpectedly.*"signal":"SIGKILL"/);
    expect(app.output()).toMatch(/restarting the search engine in 500 ms/);
    expect(app.output()).toMatch(/search engine restarted/);
  }, 240_000);

  it("does not outlive the server killed with SIGKILL (the watchdog stops it), and the next start works", async () => {
    const engine = enginePid();
    const watchdog = watchdogOf(engine);
    expect(watchdog).toBeDefined();

    await killed(app.child);
    const killedAt = Date.now();
    expect(await waitFor(() => !alive(engine), 10_000)).toBe(true);
    console.info(`the engine stopped ${Date.now() - killedAt} ms after the server was killed`);
    expect(await waitFor(() => !alive(watchdog!), 5_000)).toBe(true);

    app = await startApp();
    expect(enginePid()).not.toBe(engine);
    expect(alive(enginePid())).toBe(true);
  }, 240_000);

  it("reclaims its folder at the next start from an engine left behind (server and watchdog both killed), and is not restarted while the server stops", async () => {
    const orphan = enginePid();
    const watchdog = watchdogOf(orphan);
    expect(watchdog).toBeDefined();
    process.kill(watchdog!, "SIGKILL");
    await killed(app.child);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(alive(orphan)).toBe(true);

    app = await startApp();
    expect(alive(orphan)).toBe(false);
    const engine = enginePid();
    expect(engine).not.toBe(orphan);

    // A clean stop leaves nothing behind either, also when the engine gets the
    // same SIGTERM (a service manager signalling every process of the service).
    const before = app.output().length;
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", (code) => resolve(code)));
    app.child.kill("SIGTERM");
    process.kill(engine, "SIGTERM");
    expect(await exited).toBe(0);
    expect(alive(engine)).toBe(false);
    expect(watchdogOf(engine)).toBeUndefined();
    expect(app.output().slice(before)).not.toMatch(/search engine restarted/);
  }, 240_000);
});
