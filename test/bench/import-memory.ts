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
 * Issue 3: a 50,000-row import is streamed and written in batches, so memory
 * stays bounded. The live heap (measured after a forced garbage collection
 * every second, hence `--expose-gc` in `npm run bench`) is sampled while
 * 50,000 products are imported from XLSX into a fresh database.
 */
const FIRMS = 500;
const PRODUCTS = 50_000;
const MB = 2 ** 20;

export const importMemoryBenchmark: Benchmark = {
  name: "import-memory",
  description: `live memory while importing ${PRODUCTS.toLocaleString("en")} products from XLSX (target: heap growth < 400 MB)`,
  async run() {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error("Run with node --expose-gc (npm run bench does)");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-bench-memory-"));
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
      await runImport({ kind: "firms", file: firmsFile, actor, scope: { kind: "bureau" }, dryRun: false });

      gc();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const timer = setInterval(() => {
        gc();
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
      }, 1000);
      let report;
      try {
        report = await runImport({ kind: "products", file: productsFile, actor, scope: { kind: "bureau" }, dryRun: false });
      } finally {
        clearInterval(timer);
      }
      if (!report.accepted || report.created !== PRODUCTS) throw new Error(`products refused: ${JSON.stringify(report.issues.slice(0, 5))}`);
      return {
        metrics: [
          { name: "live heap growth", value: Math.round((peakHeap - base.heapUsed) / MB), unit: "MB", target: { max: 400 } },
          { name: "process memory (RSS) growth", value: Math.round((peakRss - base.rss) / MB), unit: "MB" },
          { name: `import ${PRODUCTS} products (XLSX)`, value: Math.round(report.ms / 100) / 10, unit: "s" },
        ],
        details: { products: PRODUCTS, workbookBytes: fs.statSync(productsFile).size, baseHeapMb: Math.round(base.heapUsed / MB), baseRssMb: Math.round(base.rss / MB) },
      };
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
