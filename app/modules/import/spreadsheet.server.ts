import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import path from "node:path";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import iconv from "iconv-lite";
import { parse as parseCsv, type CsvError } from "csv-parse";
import { log } from "~/utils/logger.server";
import { assertSafeZip, ZipRefused } from "./zip-guard.server";

/**
 * Reads the rows of an uploaded spreadsheet, CSV or XLSX, as text cells,
 * streaming (a 50,000-row file is never held in memory whole). The format is
 * told by the file's first bytes, not its name; a CSV's encoding is
 * detected (UTF-8 with or without BOM, UTF-16 with BOM, else GB 18030, the
 * superset of GBK that Chinese Excel writes) and so is its delimiter.
 */
export type SpreadsheetFormat = "csv" | "xlsx";

export interface SpreadsheetInfo {
  format: SpreadsheetFormat;
  /** CSV only. */
  encoding?: "utf8" | "utf16le" | "utf16be" | "gb18030";
  delimiter?: string;
}

export interface CellProblem {
  index: number;
  code: "formulaNoResult" | "cellError";
  params?: Record<string, string>;
}

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  number: number;
  cells: string[];
  problems: CellProblem[];
}

export class SpreadsheetRefused extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** Longest CSV record accepted (a description is at most a few KB). */
const MAX_RECORD_BYTES = 256 * 1024;

export async function inspectSpreadsheet(file: string): Promise<SpreadsheetInfo> {
  const head = await readHead(file, 64 * 1024);
  if (head.length === 0) throw new SpreadsheetRefused("fileEmpty");
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    try {
      await assertSafeZip(file);
    } catch (error) {
      if (error instanceof ZipRefused) throw new SpreadsheetRefused(error.problem.code, error.problem.params ?? {});
      throw error;
    }
    return { format: "xlsx" };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new SpreadsheetRefused("xlsLegacy");
  if (head[0] === 0x50 && head[1] === 0x4b) throw new SpreadsheetRefused("zipUnreadable");
  const encoding = await detectEncoding(file, head);
  const firstLine = iconv.decode(head, encoding).split(/\r?\n/, 1)[0] ?? "";
  return { format: "csv", encoding, delimiter: detectDelimiter(firstLine) };
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function detectEncoding(file: string, head: Buffer): Promise<NonNullable<SpreadsheetInfo["encoding"]>> {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf16be";
  if (head.subarray(0, 8192).includes(0)) throw new SpreadsheetRefused("notText");
  // Valid UTF-8 from the first byte to the last, or else GB 18030: a GBK
  // file is almost never valid UTF-8, and a UTF-8 file always is.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let valid = true;
  await pipeline(
    fs.createReadStream(file),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (valid) {
          try {
            decoder.decode(chunk, { stream: true });
          } catch {
            valid = false;
          }
        }
        done();
      },
    }),
  );
  if (valid) {
    try {
      decoder.decode();
    } catch {
      valid = false;
    }
  }
  return valid ? "utf8" : "gb18030";
}

/** The delimiter the header line uses most: comma, semicolon (Excel in Portuguese) or tab. */
export function detectDelimiter(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: outsideQuotes.split(delimiter).length - 1 }));
  const best = counts.sort((a, b) => b.count - a.count)[0];
  return best.count > 0 ? best.delimiter : ",";
}

export function readRows(file: string, info: SpreadsheetInfo): AsyncGenerator<SheetRow> {
  return info.format === "xlsx" ? readXlsxRows(file) : readCsvRows(file, info);
}

async function* readCsvRows(file: string, info: SpreadsheetInfo): AsyncGenerator<SheetRow> {
  const parser = parseCsv({
    delimiter: info.delimiter ?? ",",
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  const input = fs.createReadStream(file);
  const source = input.pipe(iconv.decodeStream(info.encoding ?? "utf8", { stripBOM: true }));
  input.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record, problems: [] };
    }
  } catch (error) {
    const csvError = error as CsvError;
    if (typeof csvError?.code === "string" && csvError.code.startsWith("CSV_")) {
      throw new SpreadsheetRefused(csvError.code === "CSV_MAX_RECORD_SIZE" ? "csvRecordTooLong" : "csvSyntax", {
        row: number + 1,
        line: Number((csvError as { lines?: number }).lines ?? number + 1),
      });
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

type XlsxValue = ExcelJS.CellValue | undefined;

/**
 * The parts of ExcelJS's streaming WorkbookReader this reader drives itself
 * (exceljs 4.4.0). Its own `parse()` reads the zip in one streaming pass in
 * stored order and, depending on timing, reaches a worksheet before
 * `xl/workbook.xml` (ExcelJS and others write it after the sheets): then it
 * throws "Cannot read properties of undefined (reading 'sheets')" — under
 * load, a valid file came back as "unreadable" (exceljs#3064). Here the zip
 * is read through its central directory (yauzl, already used to check it),
 * and the relationships, workbook and shared strings are parsed, in that
 * order, before the first sheet.
 */
interface WorkbookReaderParts {
  _parseRels(stream: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(stream: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(stream: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: unknown }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/** The path of the workbook's first worksheet (the first tab), else the lowest-numbered sheet part. */
export function firstSheetPath(parts: Pick<WorkbookReaderParts, "workbookRels" | "model">, names: string[]): string | null {
  const first = parts.model?.sheets?.[0];
  const target = first && parts.workbookRels?.find((rel) => rel.Id === first.rId)?.Target;
  if (target) {
    const resolved = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    if (names.includes(resolved)) return resolved;
  }
  const sheets = names
    .map((name) => ({ name, number: Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? NaN) }))
    .filter((sheet) => Number.isFinite(sheet.number))
    .sort((a, b) => a.number - b.number);
  return sheets[0]?.name ?? null;
}

async function* readXlsxRows(file: string): AsyncGenerator<SheetRow> {
  let zip: yauzl.ZipFile | null = null;
  let sheetStream: NodeJS.ReadableStream | null = null;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\//, ""), entry);
    const open = async (name: string) => {
      const entry = entries.get(name);
      return entry ? zip!.openReadStreamPromise(entry) : null;
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      worksheets: "emit",
      entries: "ignore",
    }) as unknown as WorkbookReaderParts;
    const rels = await open("xl/_rels/workbook.xml.rels");
    if (rels) await reader._parseRels(rels);
    const workbook = await open("xl/workbook.xml");
    if (workbook) await reader._parseWorkbook(workbook);
    const sharedStrings = await open("xl/sharedStrings.xml");
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)) void _;
    // ExcelJS's worksheet reader needs the workbook's sheet list even when it is missing.
    reader.model ??= { sheets: [] };

    const sheetPath = firstSheetPath(reader, [...entries.keys()]);
    if (!sheetPath) throw new SpreadsheetRefused("xlsxNoSheet");
    sheetStream = (await open(sheetPath))!;
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? "1";
    // The first worksheet is the data; the others (notes, lists) are ignored.
    for (const { eventType, value } of reader._parseWorksheet(sheetStream as unknown as AsyncIterable<unknown>, sheetNo)) {
      if (eventType !== "worksheet") continue;
      for await (const row of value as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as XlsxValue[];
        const cells: string[] = [];
        const problems: CellProblem[] = [];
        // row.values is 1-based: index 0 is always empty.
        for (let index = 1; index < values.length; index++) {
          const converted = xlsxCellText(values[index]);
          cells.push(converted.text);
          if (converted.problem) problems.push({ index: index - 1, ...converted.problem });
        }
        yield { number: row.number, cells, problems };
      }
    }
  } catch (error) {
    if (error instanceof SpreadsheetRefused) throw error;
    // The person is told the workbook can't be read; the log keeps why.
    log.warn("XLSX file refused as unreadable", { file: path.basename(file), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    throw new SpreadsheetRefused("xlsxUnreadable");
  } finally {
    (sheetStream as { destroy?: () => void } | null)?.destroy?.();
    zip?.close();
  }
}

/**
 * A cell as text. Formulas give their result as Excel saved it (never run);
 * a formula with no saved result, or an error value (#REF!), is a problem.
 */
export function xlsxCellText(value: XlsxValue): { text: string; problem?: Omit<CellProblem, "index"> } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("error" in value && value.error) return { text: "", problem: { code: "cellError", params: { value: String(value.error) } } };
    if ("richText" in value && Array.isArray(value.richText)) return { text: value.richText.map((part) => part.text).join("") };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: XlsxValue }).result;
      if (result === undefined || result === null) return { text: "", problem: { code: "formulaNoResult" } };
      return xlsxCellText(result);
    }
    if ("text" in value) return xlsxCellText((value as { text: XlsxValue }).text);
  }
  return { text: String(value) };
}
