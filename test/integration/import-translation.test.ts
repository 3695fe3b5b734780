import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { runImport, type ImportOptions } from "~/modules/import/import.server";
import { drainTranslationJobs } from "~/modules/translation/translation.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { startTestTranslator, type TestTranslator } from "../support/libretranslate";
import { firmRow, productRow, writeCsv } from "../support/spreadsheets";

/**
 * Issue 12: descriptions written by the spreadsheet import are translated
 * like those written in the forms (jobs for the languages nobody wrote, a
 * written language wins, a changed text is translated again, an unchanged
 * one is not sent again), through the LibreTranslate stand-in.
 */
let server: TestServer;
let translator: TestTranslator;

beforeAll(async () => {
  translator = await startTestTranslator();
  process.env.TRANSLATE_URL = translator.url;
  process.env.TRANSLATE_TIMEOUT_MS = "4000";
  resetEnvCache();
  await seedReference();
  server = await startTestServer();
}, 180_000);

afterAll(async () => {
  await server?.close();
  await translator?.stop();
  for (const name of ["TRANSLATE_URL", "TRANSLATE_TIMEOUT_MS"]) delete process.env[name];
  resetEnvCache();
});

const cli = { id: null, label: "cli" };
const bureauImport = (kind: ImportOptions["kind"], file: string) => runImport({ kind, file, actor: cli, scope: { kind: "bureau" }, dryRun: false });

async function jobsFor(sourceKind: string, sourceId: string) {
  const jobs = await prisma.translationJob.findMany({ where: { sourceKind, sourceId }, select: { targetLang: true } });
  return jobs.map((job) => job.targetLang).sort();
}

describe("translations of imported descriptions", () => {
  it("queues en and pt for a Chinese-only product description; the pt-BR product page shows the marked translation", async () => {
    translator.mode = "ok";
    const firm = await createFirm();
    await prisma.firm.update({ where: { id: firm.id }, data: { externalId: "LB-F-1" } });
    const original = "您好，适用于客厅和卧室的吸顶灯。";
    const row = { external_id: "LB-P-1", firm_external_id: "LB-F-1", hs_code: "9405.11", name_zh: "LED吸顶灯", name_en: "LED ceiling light", description_zh: original, moq: 100, moq_unit: "件", lead_time_days: 30 };
    expect(await bureauImport("products", writeCsv([[...productColumns], productRow(row)]))).toMatchObject({ accepted: true, created: 1 });
    const product = await prisma.product.findFirstOrThrow({ where: { externalId: "LB-P-1" }, select: { id: true } });
    expect(await jobsFor("product.description", product.id)).toEqual(["en", "pt"]);

    expect(await drainTranslationJobs({ limit: 100 })).toMatchObject({ translated: 2, failed: 0 });
    const html = await (await new TestClient(server.url).get(`/pt-BR/products/${product.id}`)).text();
    // Marked, the original one click away, the glossary respected (吸顶灯 is a ceiling light).
    expect(html).toContain("[pt] Olá，适用于客厅和卧室的luminária de teto。");
    expect(html).toMatch(/Tradução automática/);
    expect(html).toContain(`<p lang="zh">${original}</p>`);

    // The same file again: nothing changed, nothing asked.
    expect(await bureauImport("products", writeCsv([[...productColumns], productRow(row)]))).toMatchObject({ unchanged: 1 });
    expect(await prisma.translationJob.count({ where: { sourceId: product.id, status: "PENDING" } })).toBe(0);

    // The firm's Portuguese is written in the file: only English is asked for the changed Chinese.
    const changed = { ...row, description_zh: "您好，适用于办公室。", description_pt: "Luminária de teto para escritório." };
    expect(await bureauImport("products", writeCsv([[...productColumns], productRow(changed)]))).toMatchObject({ updated: 1 });
    const pending = await prisma.translationJob.findMany({ where: { sourceId: product.id, status: "PENDING" }, select: { targetLang: true } });
    expect(pending.map((job) => job.targetLang)).toEqual(["en"]);
    await drainTranslationJobs({ limit: 100 });
    const own = await (await new TestClient(server.url).get(`/pt-BR/products/${product.id}`)).text();
    expect(own).toContain("Luminária de teto para escritório.");
    expect(own).not.toContain("[pt] Olá");
    const en = await (await new TestClient(server.url).get(`/en/products/${product.id}`)).text();
    expect(en).toContain("[en] 您好，适用于办公室。");
  });

  it("queues jobs for imported firm descriptions, one batch for many rows", async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      firmRow({ external_id: `LB-G-${100 + i}`, name_zh: `中山市测试${i}灯饰有限公司`, name_en: `Test ${i} Lighting`, town: "古镇", cluster: "灯饰", description_en: `We make ceiling lights, line ${i}.`, languages: "zh;en" }),
    );
    expect(await bureauImport("firms", writeCsv([[...firmColumns], ...rows]))).toMatchObject({ accepted: true, created: 30 });
    const firms = await prisma.firm.findMany({ where: { externalId: { startsWith: "LB-G-" } }, select: { id: true } });
    expect(firms).toHaveLength(30);
    const jobs = await prisma.translationJob.findMany({ where: { sourceKind: "firm.description", sourceId: { in: firms.map((firm) => firm.id) } }, select: { targetLang: true } });
    expect(jobs).toHaveLength(60);
    expect(new Set(jobs.map((job) => job.targetLang))).toEqual(new Set(["zh", "pt"]));
  });
});
