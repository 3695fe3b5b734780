import path from "node:path";
import { prisma, type Prisma } from "~/utils/db.server";
import { diffFields } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { randomSuffix, slugify } from "~/utils/slug";
import { unescapeCell } from "./cell-escape";
import { checkHeader, type ImportKind } from "./columns";
import { canonical, importedText, mergeFirmCertifications, mergeImportedText } from "./merge";
import { loadImportReferences } from "./references.server";
import { validateFirmRow, validateProductRow, type FirmImportRecord, type ImportReferences, type ProductImportRecord } from "./rows";
import { inspectSpreadsheet, readRows, SpreadsheetRefused, type SheetRow, type SpreadsheetInfo } from "./spreadsheet.server";
import type { ImportIssue, ImportReport } from "./report";

export type { ImportIssue, ImportReport };

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
export const MAX_IMPORT_ROWS = 100_000;
/** Problems listed in a report; the count says how many there were in all. */
export const MAX_LISTED_ISSUES = 1_000;
const BATCH = 500;
const QUERY_CHUNK = 5_000;

export interface ImportActor {
  /** The user importing; null for the CLI. */
  id: string | null;
  /** "cli" when no user acts. */
  label?: string;
}

export type ImportScope = { kind: "bureau" } | { kind: "firm"; firmId: string };

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  /** Shown in the audit trail (the uploaded file's name). */
  fileName?: string;
  actor: ImportActor;
  scope: ImportScope;
  dryRun: boolean;
}

class IssueList {
  items: ImportIssue[] = [];
  count = 0;
  add(issue: ImportIssue) {
    this.count += 1;
    if (this.items.length < MAX_LISTED_ISSUES) this.items.push(issue);
  }
}

class DryRunRollback extends Error {}

type Counts = { created: number; updated: number; unchanged: number };

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const issues = new IssueList();
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
  const rowCount = await checkFile(options, info, references, firmScope, issues);
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

interface ScopeFirm {
  id: string;
  externalId: string | null;
}

async function loadScopeFirm(firmId: string): Promise<ScopeFirm> {
  return prisma.firm.findUniqueOrThrow({ where: { id: firmId }, select: { id: true, externalId: true } });
}

/** Column name → cell, for the cells under a named column. */
function rowRecord(columns: (string | null)[], row: SheetRow): Record<string, string> {
  const record: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (column) record[column] = unescapeCell(row.cells[index] ?? "");
  });
  return record;
}

const isBlank = (row: SheetRow) => row.cells.every((cell) => !cell.trim()) && row.problems.length === 0;

function validate(kind: ImportKind, record: Record<string, string>, references: ImportReferences, columns: (string | null)[], firmOptional: boolean) {
  return kind === "firms"
    ? validateFirmRow(record, references, { hasUsccColumn: columns.includes("uscc") })
    : validateProductRow(record, references, { firmOptional });
}

/** First pass: every problem of every row, and of what the rows refer to. Returns the number of data rows. */
async function checkFile(
  options: ImportOptions,
  info: SpreadsheetInfo,
  references: ImportReferences,
  firmScope: ScopeFirm | null,
  issues: IssueList,
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

type ValidRecord = FirmImportRecord | ProductImportRecord;

/** Second pass: the (already checked) records, in batches. */
async function* validRecords(options: ImportOptions, info: SpreadsheetInfo, references: ImportReferences): AsyncGenerator<ValidRecord[]> {
  let columns: (string | null)[] | null = null;
  let batch: ValidRecord[] = [];
  for await (const row of readRows(options.file, info)) {
    if (isBlank(row)) continue;
    if (!columns) {
      columns = checkHeader(options.kind, row.cells).columns;
      continue;
    }
    const result = validate(options.kind, rowRecord(columns, row), references, columns, options.scope.kind === "firm");
    // The first pass found no problem; a different answer now means the file changed.
    if (!result.ok) throw new Error(`Import file changed between passes at row ${row.number}`);
    batch.push(result.record);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const FIRM_FIELDS = [
  "externalId",
  "uscc",
  "name",
  "description",
  "townId",
  "clusterId",
  "exportMarkets",
  "certifications",
  "languages",
  "website",
  "email",
  "phone",
  "foundedYear",
  "employeesBand",
] as const;

const PRODUCT_FIELDS = [
  "externalId",
  "firmId",
  "hsCode",
  "name",
  "description",
  "moq",
  "moqUnit",
  "priceMinUsd",
  "priceMaxUsd",
  "certifications",
  "leadTimeDays",
] as const;

const firmSelect = {
  id: true,
  externalId: true,
  uscc: true,
  name: true,
  description: true,
  townId: true,
  clusterId: true,
  exportMarkets: true,
  certifications: true,
  languages: true,
  website: true,
  email: true,
  phone: true,
  foundedYear: true,
  employeesBand: true,
} satisfies Prisma.FirmSelect;

const productSelect = {
  id: true,
  externalId: true,
  firmId: true,
  hsCode: true,
  name: true,
  description: true,
  moq: true,
  moqUnit: true,
  priceMinUsd: true,
  priceMaxUsd: true,
  certifications: true,
  leadTimeDays: true,
} satisfies Prisma.ProductSelect;

type Comparable = Record<string, unknown>;

/** Stored and new values in one shape (canonical JSON, prices as "12.50"). */
function comparable(values: Comparable): Comparable {
  const out: Comparable = {};
  for (const [key, value] of Object.entries(values)) {
    if (value && typeof value === "object" && "toFixed" in value) out[key] = (value as { toFixed(digits: number): string }).toFixed(2);
    else out[key] = canonical(value);
  }
  return out;
}

class ImportWriter {
  private firmIds = new Map<string, string>();
  private readonly now = new Date();
  private readonly source: string;

  constructor(
    private tx: Prisma.TransactionClient,
    private options: ImportOptions,
    private firmScope: ScopeFirm | null,
    private counts: Counts,
  ) {
    this.source = options.fileName ?? path.basename(options.file);
  }

  write(batch: ValidRecord[]) {
    return this.options.kind === "firms" ? this.writeFirms(batch as FirmImportRecord[]) : this.writeProducts(batch as ProductImportRecord[]);
  }

  private get actor() {
    return { actorId: this.options.actor.id, actorLabel: this.options.actor.label ?? null };
  }

  private async writeFirms(batch: FirmImportRecord[]) {
    const ids = batch.map((record) => record.externalId);
    const existing = await this.tx.firm.findMany({
      where: { OR: [{ externalId: { in: ids } }, { id: { in: ids }, externalId: null }] },
      select: firmSelect,
    });
    const byKey = new Map(existing.map((firm) => [firm.externalId ?? firm.id, firm]));
    const creates: Prisma.FirmCreateManyInput[] = [];
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const changed: string[] = [];
    for (const record of batch) {
      const stored = byKey.get(record.externalId);
      const values = {
        // A record exported without an external id came back under its Ponte id: it keeps having none.
        ...(stored && stored.externalId === null ? {} : { externalId: record.externalId }),
        ...(record.uscc !== undefined ? { uscc: record.uscc } : {}),
        townId: record.townId,
        clusterId: record.clusterId,
        exportMarkets: record.exportMarkets,
        languages: record.languages,
        website: record.website,
        email: record.email,
        phone: record.phone,
        foundedYear: record.foundedYear,
        employeesBand: record.employeesBand,
      };
      if (!stored) {
        creates.push({
          ...values,
          slug: `${slugify(record.name.en ?? record.name.pt ?? "") || "firm"}-${randomSuffix()}`,
          name: importedText(record.name) as Prisma.InputJsonValue,
          description: importedText(record.description) as Prisma.InputJsonValue,
          certifications: record.certifications.map((code) => ({ code })),
          // The bureau imports from its own registers: the firms are verified.
          verification: "VERIFIED",
          verifiedAt: this.now,
          published: true,
        });
        continue;
      }
      const after = {
        ...values,
        name: mergeImportedText(stored.name, record.name),
        description: mergeImportedText(stored.description, record.description),
        certifications: mergeFirmCertifications(stored.certifications, record.certifications),
      };
      const changes = diffFields(comparable(stored), comparable(after), FIRM_FIELDS);
      if (Object.keys(changes).length === 0) {
        this.counts.unchanged += 1;
        continue;
      }
      await this.tx.firm.update({
        where: { id: stored.id },
        data: { ...after, name: after.name as Prisma.InputJsonValue, description: after.description as Prisma.InputJsonValue },
        select: { id: true },
      });
      audits.push({ ...this.actor, entityType: "firm", entityId: stored.id, action: "import-update", changes: { ...changes, source: this.source } as Prisma.InputJsonValue });
      changed.push(stored.id);
      this.counts.updated += 1;
    }
    if (changed.length) {
      // Product documents in the index carry their firm's name and town: they follow a changed firm.
      const products = await this.tx.product.findMany({ where: { firmId: { in: changed } }, select: { id: true } });
      await enqueueSearchSync(this.tx, "product", products.map((product) => product.id));
    }
    if (creates.length) {
      const created = await this.tx.firm.createManyAndReturn({ data: creates, select: { id: true, externalId: true } });
      for (const firm of created) {
        audits.push({
          ...this.actor,
          entityType: "firm",
          entityId: firm.id,
          action: "import-create",
          changes: { externalId: firm.externalId, verification: "VERIFIED", published: true, source: this.source },
        });
        changed.push(firm.id);
      }
      this.counts.created += created.length;
    }
    await this.finish(audits, "firm", changed);
  }

  private async firmIdsFor(references: string[]) {
    const missing = references.filter((reference) => !this.firmIds.has(reference));
    if (missing.length) {
      const firms = await this.tx.firm.findMany({
        where: { OR: [{ externalId: { in: missing } }, { id: { in: missing }, externalId: null }] },
        select: { id: true, externalId: true },
      });
      for (const firm of firms) this.firmIds.set(firm.externalId ?? firm.id, firm.id);
    }
  }

  private async writeProducts(batch: ProductImportRecord[]) {
    if (!this.firmScope) await this.firmIdsFor([...new Set(batch.map((record) => record.firmExternalId!))]);
    const ids = batch.map((record) => record.externalId);
    const existing = await this.tx.product.findMany({
      where: { OR: [{ externalId: { in: ids } }, { id: { in: ids }, externalId: null }] },
      select: productSelect,
    });
    const byKey = new Map(existing.map((product) => [product.externalId ?? product.id, product]));
    const creates: Prisma.ProductCreateManyInput[] = [];
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const changed: string[] = [];
    for (const record of batch) {
      const firmId = this.firmScope ? this.firmScope.id : this.firmIds.get(record.firmExternalId!);
      if (!firmId) throw new Error(`Firm ${record.firmExternalId} vanished during the import`);
      const stored = byKey.get(record.externalId);
      const values = {
        ...(stored && stored.externalId === null ? {} : { externalId: record.externalId }),
        firmId,
        hsCode: record.hsCode,
        moq: record.moq,
        moqUnit: record.moqUnit,
        priceMinUsd: record.priceMinUsd,
        priceMaxUsd: record.priceMaxUsd,
        certifications: record.certifications,
        leadTimeDays: record.leadTimeDays,
      };
      if (!stored) {
        creates.push({
          ...values,
          slug: `${slugify(record.name.en ?? record.name.pt ?? "") || "product"}-${randomSuffix()}`,
          name: importedText(record.name) as Prisma.InputJsonValue,
          description: importedText(record.description) as Prisma.InputJsonValue,
        });
        continue;
      }
      if (this.firmScope && stored.firmId !== this.firmScope.id) throw new Error("Product of another firm reached the writer");
      const after = {
        ...values,
        name: mergeImportedText(stored.name, record.name),
        description: mergeImportedText(stored.description, record.description),
      };
      const changes = diffFields(comparable(stored), comparable(after), PRODUCT_FIELDS);
      if (Object.keys(changes).length === 0) {
        this.counts.unchanged += 1;
        continue;
      }
      await this.tx.product.update({
        where: { id: stored.id },
        data: { ...after, name: after.name as Prisma.InputJsonValue, description: after.description as Prisma.InputJsonValue },
        select: { id: true },
      });
      audits.push({ ...this.actor, entityType: "product", entityId: stored.id, action: "import-update", changes: { ...changes, source: this.source } as Prisma.InputJsonValue });
      changed.push(stored.id);
      this.counts.updated += 1;
    }
    if (creates.length) {
      const created = await this.tx.product.createManyAndReturn({ data: creates, select: { id: true, externalId: true, firmId: true } });
      for (const product of created) {
        audits.push({
          ...this.actor,
          entityType: "product",
          entityId: product.id,
          action: "import-create",
          changes: { externalId: product.externalId, firmId: product.firmId, source: this.source },
        });
        changed.push(product.id);
      }
      this.counts.created += created.length;
    }
    await this.finish(audits, "product", changed);
  }

  private async finish(audits: Prisma.AuditEventCreateManyInput[], entity: "firm" | "product", changed: string[]) {
    if (audits.length) await this.tx.auditEvent.createMany({ data: audits });
    await enqueueSearchSync(this.tx, entity, changed);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}
