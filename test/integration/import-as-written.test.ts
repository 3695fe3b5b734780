import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "~/modules/search/engine.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { runCli } from "../support/cli";
import { firmRow, productRow, writeCsv, writeXlsx } from "../support/spreadsheets";
import { waitFor } from "../support/wait";

/**
 * Issue 14, "Done when": on a database no server ever started, the CLI
 * imports spreadsheets written the way Zhongshan firms write them (五金,
 * pinyin town names, HS 2017 codes, 10-digit Chinese tariff codes, NCM
 * codes) and reports each reading it made; then the server starts with
 * SEED_ON_EMPTY=false and search finds the imported products.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-as-written-"));
const prefix = `asw${crypto.randomBytes(3).toString("hex")}_`;
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  const headers = { Authorization: `Bearer ${inject("meiliKey")}` };
  const indexes = (await (await fetch(`${inject("meiliHost")}/indexes?limit=1000`, { headers })).json()) as { results: { uid: string }[] };
  for (const index of indexes.results.filter((i) => i.uid.startsWith(prefix))) {
    await fetch(`${inject("meiliHost")}/indexes/${index.uid}`, { method: "DELETE", headers });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const env = { DATA_DIR: dataDir, DATABASE_URL: "", MEILI_HOST: "" };

describe("importing spreadsheets as firms write them, on a fresh installation", () => {
  it("reads 五金, pinyin, HS 2017 and national codes, reports each reading, and search finds the products", async () => {
    const firms = writeCsv([
      [...firmColumns],
      firmRow({ external_id: "ASW-F-1", name_zh: "中山市小榄示例五金制品有限公司", name_en: "Xiaolan Example Hardware", town: "Xiao Lan", cluster: "五金", certifications: "3C; ISO 9001" }),
      firmRow({ external_id: "ASW-F-2", name_zh: "中山市古镇示例灯饰有限公司", town: "Gǔzhèn", cluster: "照明", certifications: "ＣＥ" }),
    ]);
    const importedFirms = await runCli(["import", "firms", firms], env, 240_000);
    expect(importedFirms.code, importedFirms.stderr).toBe(0);
    expect(importedFirms.stdout).toContain("Imported");
    expect(importedFirms.stdout).toContain("“Xiao Lan” read as Xiaolan");
    expect(importedFirms.stdout).toContain("“五金” read as 五金锁具");
    expect(importedFirms.stdout).toContain("“照明” read as 灯饰");
    expect(importedFirms.stdout).toContain("“3C” read as CCC");
    expect(importedFirms.stdout).toContain("“ISO 9001” read as ISO9001");

    const products = await writeXlsx([
      [...productColumns],
      productRow({ external_id: "ASW-P-1", firm_external_id: "ASW-F-1", hs_code: "8301400000", name_zh: "指纹智能门锁", name_en: "Fingerprint smart door lock" }),
      productRow({ external_id: "ASW-P-2", firm_external_id: "ASW-F-1", hs_code: "6201.93", name_en: "Quilted anorak jacket" }),
      // A number cell: Excel keeps 9405.40 as 9405.4. HS 2017's 9405.40 split four ways in HS 2022.
      productRow({ external_id: "ASW-P-3", firm_external_id: "ASW-F-2", hs_code: 9405.4, name_en: "Ceiling lamp for hotels" }),
      productRow({ external_id: "ASW-P-4", firm_external_id: "ASW-F-2", hs_code: "8516.60.00", name_en: "Countertop electric oven" }),
    ]);
    const importedProducts = await runCli(["import", "products", products], env, 240_000);
    expect(importedProducts.code, importedProducts.stderr).toBe(0);
    expect(importedProducts.stdout).toContain("4 new");
    expect(importedProducts.stdout).toContain("National code 8301400000 kept and filed under HS subheading 8301.40");
    expect(importedProducts.stdout).toContain("National code 85166000 kept and filed under HS subheading 8516.60");
    expect(importedProducts.stdout).toContain("HS 2017 code 6201.93 read as HS 2022 6201.40");
    expect(importedProducts.stdout).toContain("1 warning.");
    expect(importedProducts.stdout).toMatch(/Row 4, column hs_code: HS 2017 code 9405\.40 became several HS 2022 codes \(8539\.51, 9405\.41, 9405\.42, 9405\.49\)\. The product is filed under heading 9405/);

    // The server starts on the same data, with no demo data, and indexes what was imported.
    const port = await freePort();
    server = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        SEED_ON_EMPTY: "false",
        MEILI_HOST: inject("meiliHost"),
        MEILI_MASTER_KEY: inject("meiliKey"),
        MEILI_INDEX_PREFIX: prefix,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout!.on("data", (chunk) => (output += String(chunk)));
    server.stderr!.on("data", (chunk) => (output += String(chunk)));
    const base = `http://127.0.0.1:${port}`;
    type Hits = { hits: { id: string; hsCode?: string }[]; total: number };
    const search = async (q: string): Promise<Hits | null> => {
      try {
        const response = await fetch(`${base}/api/v1/search/products?q=${encodeURIComponent(q)}&lang=en`, { signal: AbortSignal.timeout(5000) });
        return response.ok ? ((await response.json()) as Hits) : null;
      } catch {
        return null;
      }
    };
    const found = await waitFor(async () => server!.exitCode !== null || ((await search("door lock"))?.total ?? 0) > 0, 240_000);
    expect(found && server.exitCode === null, output).toBe(true);
    expect((await search("door lock"))!.total).toBe(1);
    expect((await search("ceiling lamp"))!.total).toBe(1);
    expect((await search("anorak"))!.total).toBe(1);
    // No demo data: only what was imported.
    expect((await search(""))!.total).toBe(4);
  }, 600_000);
});
