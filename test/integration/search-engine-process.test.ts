import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import {
  bundledBinaryPath,
  connectSearchEngine,
  freePort,
  SearchEngineUnavailableError,
  startEmbeddedEngine,
} from "~/modules/search/engine.server";
import { waitFor } from "../support/wait";
import { expectLoggedError } from "../support/logged-errors";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-meili-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Alive and not a zombie (an orphan's new parent may be slow to reap it). */
function running(pid: number) {
  try {
    return alive(pid) && !/^\S+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("the embedded Meilisearch", () => {
  it("starts on loopback with a generated key kept in its folder, refuses the wrong key, and stops", async () => {
    const dir = tempDir();
    const engine = await startEmbeddedEngine({ dir });
    expect(engine.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pid = Number(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8"));
    expect(alive(pid)).toBe(true);
    const key = fs.readFileSync(path.join(dir, "secrets", "meili-master-key"), "utf8");
    expect(key).toBe(engine.masterKey);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect((fs.statSync(path.join(dir, "secrets", "meili-master-key")).mode & 0o777).toString(8)).toBe("600");

    const anonymous = await fetch(`${engine.host}/indexes`);
    expect(anonymous.status).toBe(401);
    const authorised = await fetch(`${engine.host}/indexes`, { headers: { Authorization: `Bearer ${key}` } });
    expect(authorised.status).toBe(200);
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(args).toContain("--no-analytics");
    // The key is not on the command line, where any local user could read it.
    expect(args.join(" ")).not.toContain(key);

    await engine.stop();
    expect(alive(pid)).toBe(false);

    // Same folder again: same key, data kept.
    const again = await startEmbeddedEngine({ dir });
    expect(again.masterKey).toBe(key);
    await again.stop();
  });

  it("stops a leftover engine of a crashed run before starting on its folder", async () => {
    // The first run's supervisor sees its engine stopped by the second: logged as an unexpected exit.
    expectLoggedError(/exited unexpectedly/);
    const dir = tempDir();
    const first = await startEmbeddedEngine({ dir });
    const firstPid = Number(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8"));
    // Simulate the Node process dying without stopping it: the pid file stays.
    const second = await startEmbeddedEngine({ dir });
    expect(alive(firstPid)).toBe(false);
    expect((await fetch(`${second.host}/health`)).ok).toBe(true);
    await second.stop();
    await first.stop();
  });

  it("restarts after it is killed, on the same address with the same key and data, logging each death and restart, with a delay that grows and starts again once it has run a while", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    const capture = (chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    // Each death is logged as an error, on purpose here: declared to the test guard, and read from it too.
    expectLoggedError(/exited unexpectedly/);
    const guard = console.error;
    console.error = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
      guard(...args);
    };
    const engine = await startEmbeddedEngine({ dir, healthyResetMs: 3000 });
    try {
      const headers = { Authorization: `Bearer ${engine.masterKey}`, "Content-Type": "application/json" };
      const created = await fetch(`${engine.host}/indexes`, { method: "POST", headers, body: JSON.stringify({ uid: "kept", primaryKey: "id" }) });
      expect(created.status).toBe(202);
      expect(await waitFor(async () => (await fetch(`${engine.host}/indexes/kept`, { headers })).ok, 10_000)).toBe(true);

      // Killed as soon as it is back: 0.5 s, then 1 s; after 3 s up (healthyResetMs), 0.5 s again.
      for (const [round, expectedDelay] of [500, 1000, 500].entries()) {
        if (round === 2) await new Promise((resolve) => setTimeout(resolve, 3500));
        const restartsLogged = (lines.join("").match(new RegExp(`restarting the search engine in ${expectedDelay} ms`, "g")) ?? []).length;
        const pid = engine.pid!;
        process.kill(pid, "SIGKILL");
        const killedAt = Date.now();
        const back = await waitFor(async () => {
          if (engine.pid === pid) return false;
          try {
            return (await fetch(`${engine.host}/health`)).ok;
          } catch {
            return false;
          }
        }, 30_000);
        expect(back).toBe(true);
        expect(Date.now() - killedAt).toBeGreaterThanOrEqual(expectedDelay);
        expect(alive(pid)).toBe(false);
        expect(Number(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8"))).toBe(engine.pid);
        expect(lines.join("").match(new RegExp(`restarting the search engine in ${expectedDelay} ms`, "g"))).toHaveLength(restartsLogged + 1);
      }
      // Same key, same data.
      expect((await fetch(`${engine.host}/indexes/kept`, { headers })).ok).toBe(true);
      const log = lines.join("");
      expect(log.match(/exited unexpectedly/g)).toHaveLength(3);
      expect(log.match(/search engine restarted/g)).toHaveLength(3);
    } finally {
      console.error = guard;
      vi.restoreAllMocks();
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
      const pid = engine.pid!;
      await engine.stop();
      expect(alive(pid)).toBe(false);
    }
  }, 90_000);

  it("does not outlive a process that aborts (as on a V8 fatal error): its watchdog stops it", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/engine-then-abort.ts", dir], {
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += String(chunk)));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    expect(signal).toBe("SIGABRT");
    const pid = Number(output.trim());
    expect(pid).toBeGreaterThan(0);
    const diedAt = Date.now();
    expect(await waitFor(() => !running(pid), 10_000)).toBe(true);
    expect(Date.now() - diedAt).toBeLessThan(6_000);
  }, 60_000);

  it("starts with a key that looks like a command-line option", async () => {
    const engine = await startEmbeddedEngine({ dir: tempDir(), masterKey: "-Gstarts-with-a-dash-0123456789abcdef" });
    const response = await fetch(`${engine.host}/indexes`, { headers: { Authorization: `Bearer ${engine.masterKey}` } });
    expect(response.status).toBe(200);
    await engine.stop();
  });

  it("says what to set when no binary exists for the platform", async () => {
    const error = await startEmbeddedEngine({ dir: tempDir(), binaryPath: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchEngineUnavailableError);
    expect((error as Error).message).toMatch(/MEILI_HOST/);
    expect((error as Error).message).toMatch(/MEILI_MASTER_KEY/);
  });

  it("uses MEILI_HOST when it is set, starting nothing", async () => {
    const dataDir = tempDir();
    const engine = await connectSearchEngine({ host: `${inject("meiliHost")}/`, masterKey: inject("meiliKey"), dataDir });
    expect(engine.embedded).toBe(false);
    expect(engine.host).toBe(inject("meiliHost"));
    expect(fs.existsSync(path.join(dataDir, "meili"))).toBe(false);
    await engine.stop();
    expect((await fetch(`${inject("meiliHost")}/health`)).ok).toBe(true);
  });

  it("fails clearly when MEILI_HOST does not answer", async () => {
    const port = await freePort();
    await expect(connectSearchEngine({ host: `http://127.0.0.1:${port}`, dataDir: tempDir(), timeoutMs: 1500 })).rejects.toThrow(/did not become healthy/);
  });

  it("finds the bundled binary on this platform", () => {
    expect(bundledBinaryPath()).toMatch(/meilisearch$/);
  });
});

describe("the server process", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`leaves no Meilisearch behind after ${signal}`, async () => {
      const dataDir = tempDir();
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
        env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, SEED_ON_EMPTY: "false", DATABASE_URL: "", MEILI_HOST: "", LOG_LEVEL: "warn" },
        stdio: "ignore",
      });
      const ready = await waitFor(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
        } catch {
          return false;
        }
      }, 150_000);
      expect(ready).toBe(true);
      const meiliPid = Number(fs.readFileSync(path.join(dataDir, "meili", "meilisearch.pid"), "utf8"));
      expect(alive(meiliPid)).toBe(true);
      expect(fs.existsSync(path.join(dataDir, "ponte.lock"))).toBe(true);

      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(alive(meiliPid)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, "ponte.lock"))).toBe(false);
    }, 180_000);
  }
});
