/**
 * What an import says back: shared by the server (which makes it), the
 * pages and the CLI (which show it in the reader's language).
 */
import type { ImportKind } from "./columns";

export interface ImportIssue {
  /** Row number as a spreadsheet shows it (header = 1); null for the whole file. */
  row: number | null;
  column: string | null;
  /** Key of the message in the "import" namespace, under "issues". */
  code: string;
  params?: Record<string, string | number>;
}

/** A reading the import made, once per distinct value, with the rows it was made in. */
export interface ImportMapping {
  column: string;
  /** "name", "hsMapped" (earlier HS edition), "hsNational" (NCM or Chinese tariff code). */
  code: string;
  from: string;
  to: string;
  params?: Record<string, string | number>;
  rows: number;
  firstRow: number;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  format: "csv" | "xlsx" | null;
  encoding: string | null;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** No problem found. */
  accepted: boolean;
  /** Saved (a dry run or a refused file saves nothing). */
  written: boolean;
  issues: ImportIssue[];
  issueCount: number;
  /** What was read differently from how it was written ("五金" → 五金锁具, HS 2017 9405.40 → …). */
  mappings: ImportMapping[];
  /** Not errors: a choice left to a person (a product filed under its heading meanwhile). */
  warnings: ImportIssue[];
  warningCount: number;
  ms: number;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Row 5, column hs_code" and the reason, in the language of `t` (namespace "import"). */
export function describeIssue(t: Translate, issue: ImportIssue): { where: string; message: string } {
  const where =
    issue.row !== null && issue.column
      ? t("import:where.rowColumn", { row: issue.row, column: issue.column })
      : issue.row !== null
        ? t("import:where.row", { row: issue.row })
        : issue.column
          ? t("import:where.column", { column: issue.column })
          : t("import:where.file");
  // Codes of the mapping group ("mapping.hsNowhere") have their messages there.
  const key = issue.code.startsWith("mapping.") ? `import:${issue.code}` : `import:issues.${issue.code}`;
  let message = t(key, { ...issue.params, defaultValue: t("import:issues.unknown") });
  if (issue.params?.didYouMean) message = `${message} ${t("import:mapping.didYouMean", { value: issue.params.didYouMean })}`;
  return { where, message };
}

/** "“五金” read as 五金锁具 (3 rows, from row 2)", in the language of `t`. */
export function describeMapping(t: Translate, mapping: ImportMapping): string {
  const what = t(`import:mapping.kinds.${mapping.code}`, { ...mapping.params, from: mapping.from, to: mapping.to, column: mapping.column });
  return `${what} ${t("import:mapping.rows", { count: mapping.rows, row: mapping.firstRow })}`;
}
