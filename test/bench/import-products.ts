import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { openDatabase, setCurrentDatabase } from "~/utils/db.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { loadHsNomenclature } from "~/modules/hs/nomenclature.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { runImport } from "~/modules/import/import.server";
import { towns } from "../../prisma/seed/reference";
import { firmSeed, productSeed } from "../../prisma/seed/demo";
import { seedReference } from "../../prisma/seed/seed.server";
import type { Benchmark } from "./types";

/**
 * Issue 3: importing 10,000 products from an XLSX file takes under 60 s.
 * A fresh embedded database (migrated, reference data only), 500 firms
 * imported first, then 10,000 products of those firms from a generated
 * workbook with the demo data's realistic Chinese/English/Portuguese texts,
 * through runImport, the code path of the web upload and the CLI.
 */
const FIRMS = 500;
const PRODUCTS = 10_000;

const text = (value: Record<string, { text: string }> | undefined, locale: string) => value?.[locale]?.text ?? "";

function firmCells(index: number): (string | number)[] {
  const firm = firmSeed(index);
  const town = towns.find((candidate) => candidate.slug === firm.townSlug)!;
  const values: Record<string, string | number> = {
    external_id: firm.externalId,
    name_zh: text(firm.name, "zh-CN"),
    name_en: text(firm.name, "en"),
    name_pt: text(firm.name, "pt"),
    town: town.name["zh-CN"],
    cluster: town.cluster.name["zh-CN"],
    description_zh: text(firm.description, "zh-CN"),
    description_en: text(firm.description, "en"),
    description_pt: text(firm.description, "pt"),
    export_markets: firm.exportMarkets.join(";"),
    certifications: firm.certifications.map((c) => c.code).join(";"),
    languages: firm.languages.join(";"),
    website: firm.website,
    email: firm.email,
    phone: firm.phone,
    founded_year: firm.foundedYear,
    employees: firm.employeesBand,
    uscc: firm.uscc,
  };
  return [...firmColumns, "uscc"].map((column) => values[column] ?? "");
}

function productCells(index: number): (string | number)[] {
  const product = productSeed(index, { firms: FIRMS, products: PRODUCTS, buyers: 0, requests: 0 });
  const firm = firmSeed(index % FIRMS);
  const values: Record<string, string | number> = {
    external_id: product.externalId,
    firm_external_id: firm.externalId,
    hs_code: formatHsCode(product.hsCode),
    name_zh: text(product.name, "zh-CN"),
    name_en: text(product.name, "en"),
    name_pt: text(product.name, "pt"),
    description_zh: text(product.description, "zh-CN"),
    description_en: text(product.description, "en"),
    description_pt: text(product.description, "pt"),
    moq: product.moq,
    moq_unit: product.moqUnit,
    price_min_usd: Number(product.priceMinUsd),
    price_max_usd: Number(product.priceMaxUsd),
    certifications: product.certifications.join(";"),
    lead_time_days: product.leadTimeDays,
  };
  return productColumns.map((column) => values[column] ?? "");
}

async function writeWorkbook(file: string, header: string[], count: number, row: (index: number) => (string | number)[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(header).commit();
  for (let index = 0; index < count; index++) sheet.addRow(row(index)).commit();
  sheet.commit();
  await workbook.commit();
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;

export const importProductsBenchmark: Benchmark = {
  name: "import-products",
  description: `import ${PRODUCTS.toLocaleString("en")} products from XLSX into a fresh database (target < 60 s)`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-bench-import-"));
    const database = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    setCurrentDatabase(database);
    try {
      await seedReference();
      loadHsNomenclature();
      const firmsFile = path.join(dir, "firms.xlsx");
      const productsFile = path.join(dir, "products.xlsx");
      await writeWorkbook(firmsFile, [...firmColumns, "uscc"], FIRMS, firmCells);
      await writeWorkbook(productsFile, [...productColumns], PRODUCTS, productCells);

      const actor = { id: null, label: "bench" };
      const firms = await runImport({ kind: "firms", file: firmsFile, actor, scope: { kind: "bureau" }, dryRun: false });
      if (!firms.accepted) throw new Error(`firms refused: ${JSON.stringify(firms.issues.slice(0, 5))}`);

      const rssBefore = process.memoryUsage().rss;
      const products = await runImport({ kind: "products", file: productsFile, actor, scope: { kind: "bureau" }, dryRun: false });
      if (!products.accepted || products.created !== PRODUCTS) throw new Error(`products refused: ${JSON.stringify(products.issues.slice(0, 5))}`);
      const rssAfter = process.memoryUsage().rss;

      const again = await runImport({ kind: "products", file: productsFile, actor, scope: { kind: "bureau" }, dryRun: false });
      if (again.unchanged !== PRODUCTS) throw new Error(`re-import changed ${again.updated} products`);
      const [audit, outbox] = await Promise.all([
        database.prisma.auditEvent.count({ where: { entityType: "product" } }),
        database.prisma.searchOutbox.count({ where: { entityType: "product" } }),
      ]);

      return {
        metrics: [
          { name: `import ${PRODUCTS} products (XLSX)`, value: seconds(products.ms), unit: "s", target: { max: 60 } },
          { name: "products per second", value: Math.round(PRODUCTS / (products.ms / 1000)), unit: "rows/s" },
          { name: "re-import, nothing changed", value: seconds(again.ms), unit: "s" },
          { name: `import ${FIRMS} firms (XLSX)`, value: seconds(firms.ms), unit: "s" },
        ],
        details: {
          products: PRODUCTS,
          firms: FIRMS,
          workbookBytes: fs.statSync(productsFile).size,
          auditRows: audit,
          outboxRows: outbox,
          rssGrowthMb: Math.round((rssAfter - rssBefore) / 2 ** 20),
          database: "PGlite (embedded), on disk",
        },
      };
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
