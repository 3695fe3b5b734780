import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { firmRow, productRow, writeCsv, writeXlsx } from "../support/spreadsheets";

/**
 * The CLI as the bureau uses it: `npm run cli -- import|export ...` in its
 * own process, on its own embedded database. Each run starts a process and
 * opens the database (seconds each on a busy machine), hence the timeouts.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-cli-"));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/index.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", NODE_ENV: "production" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  // A new, empty database (towns and clusters are not needed by these rows).
  const migrated = await cli(["migrate"]);
  expect(migrated.code, migrated.stderr).toBe(0);
}, 180_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const firm = { external_id: "CLI-F-1", name_zh: "中山市南头命令行家电有限公司", export_markets: "AO;MZ", languages: "zh;pt" };
const kettle = { external_id: "CLI-P-1", firm_external_id: "CLI-F-1", hs_code: "8516.79", name_zh: "电热水壶", moq: 500, moq_unit: "units" };

describe("npm run cli -- import / export", () => {
  it("rejects a file with a bad row, printing the row, column and reason, and exits non-zero", async () => {
    const file = writeCsv([[...firmColumns], firmRow(firm), firmRow({ ...firm, external_id: "CLI-F-2", export_markets: "AO;Angola" })]);
    const result = await cli(["import", "firms", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Row 3, column export_markets: Not ISO 3166 two-letter country codes: Angola");
    expect(result.stderr).toContain("Nothing was imported");

    const portuguese = await cli(["import", "firms", file, "--dry-run", "--lang", "pt"]);
    expect(portuguese.code).toBe(1);
    expect(portuguese.stderr).toContain("Linha 3, coluna export_markets: Não são códigos de país ISO 3166 de duas letras: Angola");
  }, 180_000);

  it("checks with --dry-run, imports as the bureau, imports again without duplicates, and exports", async () => {
    const firms = writeCsv([[...firmColumns], firmRow(firm)]);
    const dry = await cli(["import", "firms", firms, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("1 new, 0 updated, 0 unchanged");
    expect(dry.stdout).toContain("nothing was saved");

    expect((await cli(["import", "firms", firms])).code).toBe(0);
    const products = await writeXlsx([[...productColumns], productRow(kettle)]);
    const imported = await cli(["import", "products", products]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("1 new");
    const again = await cli(["import", "products", products]);
    expect(again.stdout).toContain("0 new, 0 updated, 1 unchanged");

    const out = path.join(dataDir, "firms-export.csv");
    const exported = await cli(["export", "firms", out]);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = fs.readFileSync(out, "utf8");
    expect(csv).toContain("CLI-F-1");
    expect(csv).toContain("中山市南头命令行家电有限公司");
  }, 300_000);
});
