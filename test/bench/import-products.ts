import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, setCurrentDatabase } from "~/utils/db.server";
import { loadHsNomenclature } from "~/modules/hs/nomenclature.server";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { runImport } from "~/modules/import/import.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { firmCells, productCells, writeWorkbook } from "./catalogue-files";
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
      await writeWorkbook(productsFile, [...productColumns], PRODUCTS, (index) => productCells(index, FIRMS, PRODUCTS));

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
