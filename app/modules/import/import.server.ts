import path from "node:path";
import { prisma } from "~/utils/db.server";
import { loadImportReferences } from "./references.server";
import { inspectSpreadsheet, SpreadsheetRefused, type SpreadsheetInfo } from "./spreadsheet.server";
import type { ImportReport } from "./report";
import { checkFile, IssueList, MappingList } from "./import-check.server";
import { ImportWriter, isUniqueViolation, validRecords } from "./import-write.server";
import type { Counts, ImportOptions, ScopeFirm } from "./import-options";

export type { ImportIssue, ImportReport } from "./report";
export type { ImportActor, ImportOptions, ImportScope } from "./import-options";

/**
 * Bulk import of firms and products from CSV or XLSX, for the bureau (web
 * and CLI) and for a firm's own catalogue.
 *
 * Two passes over the file, streaming: the first checks every row (and what
 * it refers to in the database) and lists every problem; only a file without
 * problems is written, in one transaction, in batches, with audit and search
 * outbox rows in the same transaction. Rows are matched to stored records by
 * `external_id`, so importing a file again updates instead of duplicating.
 * A dry run does the writing too and rolls it back, so its counts are exact.
 */

class DryRunRollback extends Error {}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const issues = new IssueList();
  const mappings = new MappingList();
  const report = (info: SpreadsheetInfo | null, rows: number, counts: Counts, written: boolean): ImportReport => ({
    kind: options.kind,
    dryRun: options.dryRun,
    fileName: options.fileName ?? path.basename(options.file),
    format: info?.format ?? null,
    encoding: info?.encoding ?? null,
    rows,
    ...counts,
    accepted: issues.count === 0,
    written,
    issues: issues.items,
    issueCount: issues.count,
    mappings: mappings.items,
    warnings: mappings.warnings.items,
    warningCount: mappings.warnings.count,
    ms: Date.now() - started,
  });
  const none: Counts = { created: 0, updated: 0, unchanged: 0 };

  let info: SpreadsheetInfo;
  try {
    info = await inspectSpreadsheet(options.file);
  } catch (error) {
    if (!(error instanceof SpreadsheetRefused)) throw error;
    issues.add({ row: null, column: null, code: error.code, params: error.params });
    return report(null, 0, none, false);
  }

  const references = await loadImportReferences();
  const firmScope = options.scope.kind === "firm" ? await loadScopeFirm(options.scope.firmId) : null;
  const rowCount = await checkFile(options, info, references, firmScope, issues, mappings);
  if (issues.count > 0) return report(info, rowCount, none, false);

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  try {
    await prisma.$transaction(
      async (tx) => {
        const writer = new ImportWriter(tx, options, firmScope, counts);
        for await (const batch of validRecords(options, info, references)) await writer.write(batch);
        if (options.dryRun) throw new DryRunRollback();
      },
      { maxWait: 30_000, timeout: 60 * 60_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return report(info, rowCount, counts, false);
    if (isUniqueViolation(error)) {
      // Someone else saved the same credit code or id meanwhile: nothing was written.
      issues.add({ row: null, column: null, code: "conflict" });
      return report(info, rowCount, none, false);
    }
    throw error;
  }
  return report(info, rowCount, counts, true);
}


async function loadScopeFirm(firmId: string): Promise<ScopeFirm> {
  return prisma.firm.findUniqueOrThrow({ where: { id: firmId }, select: { id: true, externalId: true } });
}
