import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { towns } from "../../prisma/seed/reference";

/** The CLI as an operator runs it: a separate process on its own DATA_DIR. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DATA_DIR: dataDir, DATABASE_URL: "", MEILI_HOST: "", ...env });

describe("npm run cli", () => {
  it("lists its commands", async () => {
    const result = await cli(["help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/seed/);
    expect(result.stdout).toMatch(/create-user/);
    expect((await cli(["no-such-command"])).code).toBe(2);
  });

  it("finds the reference data on a database no server ever started", async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-cli-fresh-"));
    try {
      const stats = await runCli(["stats"], { DATA_DIR: fresh, DATABASE_URL: "", MEILI_HOST: "" });
      expect(stats.code).toBe(0);
      expect(JSON.parse(stats.stdout)).toMatchObject({ towns: towns.length, firms: 0, users: 0 });
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it("seeds the small demo set and counts it", async () => {
    expect((await cli(["seed", "--scale", "small"])).code).toBe(0);
    const stats = await cli(["stats"]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ firms: 60, products: 480, buyers: 40, requests: 80 });
    const bad = await cli(["seed", "--scale", "galactic"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown scale/);
  }, 180_000);

  it("creates staff accounts, refusing bad input and duplicates", async () => {
    const ok = await cli(["create-user", "--email", "Staff@Bureau.example", "--name", "王芳", "--role", "BUREAU_STAFF"], { PONTE_PASSWORD: "a good long password" });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Created BUREAU_STAFF account staff@bureau.example");
    expect((await cli(["create-user", "--email", "staff@bureau.example", "--name", "x", "--password", "another good one"])).code).toBe(1);
    const weak = await cli(["create-user", "--email", "x@y.z", "--name", "x", "--password", "short"]);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password/);
    expect((await cli(["create-user", "--email", "x@y.z", "--name", "x", "--role", "BUYER", "--password", "long enough pw"])).code).toBe(2);
  }, 120_000);

  it("refuses to open a data folder another live process holds", async () => {
    fs.writeFileSync(path.join(dataDir, "ponte.lock"), JSON.stringify({ pid: process.pid, purpose: "server" }));
    try {
      const result = await cli(["stats"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by another Ponte process/);
    } finally {
      fs.rmSync(path.join(dataDir, "ponte.lock"));
    }
    // A lock left by a dead process is taken over.
    fs.writeFileSync(path.join(dataDir, "ponte.lock"), JSON.stringify({ pid: 2 ** 22 + 1, purpose: "server" }));
    expect((await cli(["stats"])).code).toBe(0);
  }, 120_000);
});
