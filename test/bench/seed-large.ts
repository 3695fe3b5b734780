/**
 * Seeds the large demo set into the database named by DATA_DIR, in a
 * process of its own, so that the benchmark measuring what comes after
 * starts with a fresh heap (PGlite's memory only grows).
 */
import path from "node:path";
import { openDatabase, setCurrentDatabase } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { scales, type ScaleName } from "../../prisma/seed/demo";

const dir = process.argv[2];
const today = new Date(process.argv[3]);
const scale = (process.argv[4] ?? "large") as ScaleName;
const database = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
setCurrentDatabase(database);
try {
  await seedDemo(scales[scale], today);
} finally {
  await database.close();
}
