import fs from "node:fs";
import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify";
import { prisma } from "~/utils/db.server";
import { asLocalizedText, textIn } from "~/modules/i18n-text/localized-text";
import { formatHsCode } from "~/modules/hs/hs-code";
import { escapeCell } from "./cell-escape";
import { exportColumns, type FirmColumn, type ImportKind, type ProductColumn } from "./columns";
import { firmRecordSelect, productRecordSelect } from "./import-write.server";

/**
 * Export of firms and products in the import format, so a file can be
 * edited in a spreadsheet and imported back. Streams in pages of 1,000
 * records: a 100,000-product export never sits in memory. Text cells that a
 * spreadsheet would run as a formula are escaped (cell-escape.ts).
 */
export type ExportFormat = "csv" | "xlsx";
export type ExportScope = { kind: "bureau" } | { kind: "firm"; firmId: string };

const PAGE = 1_000;

type Cell = string | number | null;

/** Only text people wrote goes out; converted or machine text would come back as "written". */
function written(value: unknown, locale: string): string {
  const entry = asLocalizedText(value)[locale];
  return entry?.origin === "author" ? entry.text : "";
}

/** Towns and clusters by their Chinese name for a Chinese reader, else English; both import back. */
function placeName(value: unknown, locale: string): string {
  return textIn(value, locale.startsWith("zh") ? "zh-CN" : "en", ["en", "zh-CN"]);
}

/** A record's cells in the order of the header (columns.ts), one per column. */
function inColumnOrder(kind: ImportKind, cells: Record<string, Cell>): Cell[] {
  return exportColumns(kind).map((column) => cells[column]);
}

async function* firmRows(locale: string): AsyncGenerator<Cell[]> {
  let cursor: string | undefined;
  for (;;) {
    const firms = await prisma.firm.findMany({
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: { ...firmRecordSelect, town: { select: { name: true } }, cluster: { select: { name: true } } },
    });
    for (const firm of firms) {
      const certifications = Array.isArray(firm.certifications) ? (firm.certifications as { code?: string }[]).map((c) => c?.code).filter(Boolean) : [];
      const cells: Record<FirmColumn, Cell> = {
        external_id: firm.externalId ?? firm.id,
        name_zh: written(firm.name, "zh-CN"),
        name_en: written(firm.name, "en"),
        name_pt: written(firm.name, "pt"),
        town: firm.town ? placeName(firm.town.name, locale) : "",
        cluster: firm.cluster ? placeName(firm.cluster.name, locale) : "",
        description_zh: written(firm.description, "zh-CN"),
        description_en: written(firm.description, "en"),
        description_pt: written(firm.description, "pt"),
        export_markets: firm.exportMarkets.join(";"),
        certifications: certifications.join(";"),
        languages: firm.languages.join(";"),
        website: firm.website ?? "",
        email: firm.email ?? "",
        phone: firm.phone ?? "",
        founded_year: firm.foundedYear,
        employees: firm.employeesBand ?? "",
        uscc: firm.uscc ?? "",
      };
      yield inColumnOrder("firms", cells);
    }
    if (firms.length < PAGE) return;
    cursor = firms[firms.length - 1].id;
  }
}

async function* productRows(scope: ExportScope): AsyncGenerator<Cell[]> {
  let cursor: string | undefined;
  for (;;) {
    const products = await prisma.product.findMany({
      where: scope.kind === "firm" ? { firmId: scope.firmId } : {},
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: { ...productRecordSelect, firm: { select: { id: true, externalId: true } } },
    });
    for (const product of products) {
      const cells: Record<ProductColumn, Cell> = {
        external_id: product.externalId ?? product.id,
        firm_external_id: product.firm.externalId ?? product.firm.id,
        // The code as the firm wrote it (an earlier edition's, a national one) imports back unchanged.
        hs_code: product.hsCodeAsWritten ?? product.nationalCode ?? formatHsCode(product.hsCode),
        name_zh: written(product.name, "zh-CN"),
        name_en: written(product.name, "en"),
        name_pt: written(product.name, "pt"),
        description_zh: written(product.description, "zh-CN"),
        description_en: written(product.description, "en"),
        description_pt: written(product.description, "pt"),
        moq: product.moq,
        moq_unit: product.moqUnit ?? "",
        price_min_usd: product.priceMinUsd === null ? null : Number(product.priceMinUsd),
        price_max_usd: product.priceMaxUsd === null ? null : Number(product.priceMaxUsd),
        certifications: product.certifications.join(";"),
        lead_time_days: product.leadTimeDays,
      };
      yield inColumnOrder("products", cells);
    }
    if (products.length < PAGE) return;
    cursor = products[products.length - 1].id;
  }
}

export function exportRecords(kind: ImportKind, scope: ExportScope, locale: string): AsyncGenerator<Cell[]> {
  if (kind === "firms" && scope.kind !== "bureau") throw new Error("Only the bureau exports firms");
  return kind === "firms" ? firmRows(locale) : productRows(scope);
}

const safe = (cell: Cell) => (typeof cell === "string" ? escapeCell(cell) : cell);

/** Writes the export to `output` (a file or an HTTP response body); resolves when all is written. */
export async function writeExport(
  output: Writable,
  options: { kind: ImportKind; scope: ExportScope; format: ExportFormat; locale: string },
): Promise<{ rows: number }> {
  const header = [...exportColumns(options.kind)];
  const records = exportRecords(options.kind, options.scope, options.locale);
  let rows = 0;
  if (options.format === "csv") {
    // A BOM, so that Excel opens the UTF-8 file with its Chinese intact.
    const csv = stringify({ bom: true, cast: { number: (value) => String(value) } });
    csv.pipe(output);
    const write = (line: Cell[]) => (csv.write(line.map((cell) => (cell === null ? "" : safe(cell)))) ? Promise.resolve() : new Promise((resolve) => csv.once("drain", resolve)));
    await write(header);
    for await (const record of records) {
      await write(record);
      rows += 1;
    }
    csv.end();
    await finished(output);
    return { rows };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.kind);
  sheet.addRow(header).commit();
  for await (const record of records) {
    sheet.addRow(record.map(safe)).commit();
    rows += 1;
  }
  sheet.commit();
  await workbook.commit();
  return { rows };
}

/** Export straight to a file (the CLI). */
export async function exportToFile(file: string, options: { kind: ImportKind; scope: ExportScope; format: ExportFormat; locale: string }) {
  const output = fs.createWriteStream(file);
  const result = await writeExport(output, options);
  if (!output.writableFinished) await finished(output);
  return result;
}

/** A stream of the export for an HTTP response; errors end the stream. */
export function exportStream(options: { kind: ImportKind; scope: ExportScope; format: ExportFormat; locale: string }): PassThrough {
  const stream = new PassThrough();
  writeExport(stream, options).catch((error) => stream.destroy(error as Error));
  return stream;
}

export function exportFileName(kind: ImportKind, format: ExportFormat, now = new Date()) {
  return `ponte-${kind}-${now.toISOString().slice(0, 10)}.${format}`;
}
