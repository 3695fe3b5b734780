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
  const message = t(`import:issues.${issue.code}`, { ...issue.params, defaultValue: t("import:issues.unknown") });
  return { where, message };
}
