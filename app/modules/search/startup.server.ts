import { log } from "~/utils/logger.server";
import { checkIndexes, rebuildIndex } from "./reindex.server";
import { syncSynonyms } from "./index-admin.server";

/**
 * At start: indexes that do not exist are built before the server answers
 * (there is nothing to search otherwise; the small demo set takes seconds);
 * indexes built with other settings or out of step with the database are
 * rebuilt in the background while the old ones keep answering, then swapped.
 * Returns the background work.
 */
export async function prepareSearchIndexes(options: { rebuildAll?: boolean } = {}): Promise<{ background: Promise<void> }> {
  const checks = await checkIndexes();
  const missing = checks.filter((check) => check.reason === "missing");
  const stale = checks.filter((check) => check.reason !== null && check.reason !== "missing" || (options.rebuildAll && check.reason === null));
  for (const check of missing) {
    const report = await rebuildIndex(check.index);
    log.info(`search index ${check.index} built`, { documents: report.documents, ms: report.ms });
  }
  await syncSynonyms();
  const background = (async () => {
    for (const check of stale) {
      const report = await rebuildIndex(check.index);
      log.info(`search index ${check.index} rebuilt (${check.reason ?? "new data"})`, { documents: report.documents, ms: report.ms });
    }
  })();
  return { background };
}
