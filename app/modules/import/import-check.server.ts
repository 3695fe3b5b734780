import { prisma } from "~/utils/db.server";
import { unescapeCell } from "./cell-escape";
import { checkHeader, type ImportKind } from "./columns";
import { validateFirmRow, validateProductRow, type CellNote, type FirmImportRecord, type ImportReferences, type ProductImportRecord } from "./rows";
import { readRows, SpreadsheetRefused, type SheetRow, type SpreadsheetInfo } from "./spreadsheet.server";
import type { ImportIssue, ImportMapping } from "./report";
import type { ImportOptions, ScopeFirm } from "./import-options";

/**
 * The first pass of an import: every problem of every row, and of what the
 * rows refer to in the database, without writing anything.
 */
export const MAX_IMPORT_ROWS = 100_000;
/** Problems listed in a report; the count says how many there were in all. */
export const MAX_LISTED_ISSUES = 1_000;
const QUERY_CHUNK = 5_000;

export class IssueList {
  items: ImportIssue[] = [];
  count = 0;
  add(issue: ImportIssue) {
    this.count += 1;
    if (this.items.length < MAX_LISTED_ISSUES) this.items.push(issue);
  }
}

/** The readings an import made, each distinct one once, and the warnings. */
export class MappingList {
  private byValue = new Map<string, ImportMapping>();
  warnings = new IssueList();

  add(row: number, notes: CellNote[]) {
    for (const note of notes) {
      if (note.warning) {
        this.warnings.add({ row, column: note.column, code: `mapping.warnings.${note.code}`, params: { ...note.params, from: note.from, to: note.to } });
        continue;
      }
      const key = JSON.stringify([note.column, note.code, note.from, note.to]);
      const held = this.byValue.get(key);
      if (held) held.rows += 1;
      else if (this.byValue.size < MAX_LISTED_ISSUES) {
        this.byValue.set(key, { column: note.column, code: note.code, from: note.from, to: note.to, params: note.params, rows: 1, firstRow: row });
      }
    }
  }

  get items(): ImportMapping[] {
    return [...this.byValue.values()];
  }
}

/** Column name → cell, for the cells under a named column. */
export function rowRecord(columns: (string | null)[], row: SheetRow): Record<string, string> {
  const record: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (column) record[column] = unescapeCell(row.cells[index] ?? "");
  });
  return record;
}

export const isBlank = (row: SheetRow) => row.cells.every((cell) => !cell.trim()) && row.problems.length === 0;

export function validate(kind: ImportKind, record: Record<string, string>, references: ImportReferences, columns: (string | null)[], firmOptional: boolean) {
  return kind === "firms"
    ? validateFirmRow(record, references, { hasUsccColumn: columns.includes("uscc") })
    : validateProductRow(record, references, { firmOptional });
}

/** First pass: every problem of every row, and of what the rows refer to. Returns the number of data rows. */
export async function checkFile(
  options: ImportOptions,
  info: SpreadsheetInfo,
  references: ImportReferences,
  firmScope: ScopeFirm | null,
  issues: IssueList,
  mappings: MappingList = new MappingList(),
): Promise<number> {
  let columns: (string | null)[] | null = null;
  let rows = 0;
  const externalIds = new Map<string, number>();
  const usccRows = new Map<string, { row: number; externalId: string }>();
  const firmRefs = new Map<string, number[]>();
  try {
    for await (const row of readRows(options.file, info)) {
      if (!columns) {
        if (isBlank(row)) continue;
        const header = checkHeader(options.kind, row.cells);
        for (const problem of header.problems) {
          issues.add({ row: row.number, column: null, code: problem.code, params: "columns" in problem ? { columns: problem.columns.join(", ") } : undefined });
        }
        if (header.problems.length) return 0;
        columns = header.columns;
        continue;
      }
      if (isBlank(row)) continue;
      rows += 1;
      if (rows > MAX_IMPORT_ROWS) {
        issues.add({ row: row.number, column: null, code: "tooManyRows", params: { max: MAX_IMPORT_ROWS } });
        return rows - 1;
      }
      const extra = row.cells.slice(columns.length).filter((cell) => cell.trim()).length;
      if (extra > 0) issues.add({ row: row.number, column: null, code: "extraCells", params: { count: extra, columns: columns.length } });
      for (const problem of row.problems) {
        issues.add({ row: row.number, column: columns[problem.index] ?? null, code: problem.code, params: problem.params });
      }
      const record = rowRecord(columns, row);
      const result = validate(options.kind, record, references, columns, firmScope !== null);
      if (!result.ok) {
        for (const issue of result.issues) issues.add({ row: row.number, ...issue });
      }
      mappings.add(row.number, result.notes);
      const externalId = record.external_id?.trim();
      if (externalId) {
        const first = externalIds.get(externalId);
        if (first !== undefined) issues.add({ row: row.number, column: "external_id", code: "duplicateExternalId", params: { value: externalId, first } });
        else externalIds.set(externalId, row.number);
      }
      if (!result.ok) continue;
      if (options.kind === "firms") {
        const { uscc, externalId: id } = result.record as FirmImportRecord;
        if (uscc) {
          const first = usccRows.get(uscc);
          if (first) issues.add({ row: row.number, column: "uscc", code: "usccDuplicate", params: { first: first.row } });
          else usccRows.set(uscc, { row: row.number, externalId: id });
        }
      } else {
        const { firmExternalId } = result.record as ProductImportRecord;
        if (firmExternalId !== null) {
          const list = firmRefs.get(firmExternalId) ?? [];
          list.push(row.number);
          firmRefs.set(firmExternalId, list);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof SpreadsheetRefused)) throw error;
    issues.add({ row: (error.params.row as number | undefined) ?? null, column: null, code: error.code, params: error.params });
    return rows;
  }
  if (!columns) {
    issues.add({ row: null, column: null, code: "fileEmpty" });
    return 0;
  }
  if (rows === 0) issues.add({ row: null, column: null, code: "noRows" });

  if (options.kind === "firms") await checkUsccOwners(usccRows, issues);
  else await checkProductReferences(externalIds, firmRefs, firmScope, issues);
  return rows;
}

function chunks<T>(items: T[], size = QUERY_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A credit code already held by a firm other than the row's. */
async function checkUsccOwners(usccRows: Map<string, { row: number; externalId: string }>, issues: IssueList) {
  for (const codes of chunks([...usccRows.keys()])) {
    const holders = await prisma.firm.findMany({ where: { uscc: { in: codes } }, select: { id: true, uscc: true, externalId: true } });
    for (const holder of holders) {
      const row = usccRows.get(holder.uscc!)!;
      if (holder.externalId !== row.externalId && holder.id !== row.externalId) {
        issues.add({ row: row.row, column: "uscc", code: "usccTaken" });
      }
    }
  }
}

async function checkProductReferences(
  externalIds: Map<string, number>,
  firmRefs: Map<string, number[]>,
  firmScope: ScopeFirm | null,
  issues: IssueList,
) {
  if (firmScope) {
    // A firm imports its own catalogue only.
    const own = [firmScope.externalId, firmScope.id].filter(Boolean);
    for (const [reference, rows] of firmRefs) {
      if (!own.includes(reference)) for (const row of rows) issues.add({ row, column: "firm_external_id", code: "firmNotYours", params: { value: reference } });
    }
    // An id another firm's product already has must not be taken over.
    for (const ids of chunks([...externalIds.keys()])) {
      const taken = await prisma.product.findMany({
        where: { OR: [{ externalId: { in: ids } }, { id: { in: ids }, externalId: null }], NOT: { firmId: firmScope.id } },
        select: { id: true, externalId: true },
      });
      for (const product of taken) {
        const key = product.externalId ?? product.id;
        const row = externalIds.get(key);
        if (row !== undefined) issues.add({ row, column: "external_id", code: "externalIdTaken", params: { value: key } });
      }
    }
    return;
  }
  for (const references of chunks([...firmRefs.keys()])) {
    const firms = await prisma.firm.findMany({
      where: { OR: [{ externalId: { in: references } }, { id: { in: references }, externalId: null }] },
      select: { id: true, externalId: true },
    });
    const known = new Set(firms.map((firm) => firm.externalId ?? firm.id));
    for (const reference of references) {
      if (!known.has(reference)) {
        for (const row of firmRefs.get(reference)!) issues.add({ row, column: "firm_external_id", code: "firmUnknown", params: { value: reference } });
      }
    }
  }
}
