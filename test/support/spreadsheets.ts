import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { stringify } from "csv-stringify/sync";
import { firmColumns, productColumns } from "~/modules/import/columns";

/** Import files as people make them: CSV in several encodings, XLSX, and broken ones. */
let dir: string | undefined;
export function tmpFile(name: string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "ponte-sheets-"));
  return path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
}

export type SheetCell = string | number | null | ExcelJS.CellValue;

export function writeCsv(
  rows: (string | number | null)[][],
  options: { encoding?: "utf8" | "gbk"; bom?: boolean; delimiter?: string; name?: string } = {},
): string {
  const text = stringify(rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))), { delimiter: options.delimiter ?? "," });
  const body = options.encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
  const file = tmpFile(options.name ?? "import.csv");
  fs.writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return file;
}

export async function writeXlsx(rows: SheetCell[][], name = "import.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  const file = tmpFile(name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Column values by name → a row in the documented column order. */
export function firmRow(values: Partial<Record<string, string | number>>, columns: readonly string[] = firmColumns): (string | number)[] {
  return columns.map((column) => values[column] ?? "");
}

export function productRow(values: Partial<Record<string, string | number>>, columns: readonly string[] = productColumns): (string | number)[] {
  return columns.map((column) => values[column] ?? "");
}

interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  compressed: Buffer;
  crc: number;
  /** What the directory declares (a lying zip declares less than the data inflates to). */
  declaredSize: number;
}

/** A zip archive built by hand, so its directory can say what a test needs. */
function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function stored(name: string, text: string): ZipEntry {
  const content = Buffer.from(text);
  return { name, compressed: zlib.deflateRawSync(content), crc: zlib.crc32(content), declaredSize: content.length };
}

/**
 * A zip that looks like an XLSX and unpacks to `gigabytes` GB: one megabyte
 * of spaces deflated with a full flush is a self-contained block, and 1,024
 * copies of it inflate to a gigabyte (about 1 MB on disk).
 */
export function writeZipBomb(gigabytes = 1): string {
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  const block = zlib.deflateRawSync(megabyte, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const count = gigabytes * 1024;
  let crc = 0;
  for (let i = 0; i < count; i++) crc = zlib.crc32(megabyte, crc);
  const compressed = Buffer.concat([...Array.from({ length: count }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
  const file = tmpFile("bomb.xlsx");
  fs.writeFileSync(
    file,
    buildZip([
      stored("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      { name: "xl/worksheets/sheet1.xml", compressed, crc, declaredSize: count * megabyte.length },
    ]),
  );
  return file;
}

/**
 * A zip whose directory says an entry is 1,000 bytes while it inflates to
 * 64 MB: only inflating it tells.
 */
export function writeLyingZip(): string {
  const content = Buffer.alloc(64 * 1024 * 1024, 0x41);
  const file = tmpFile("lying.xlsx");
  fs.writeFileSync(file, buildZip([{ name: "xl/worksheets/sheet1.xml", compressed: zlib.deflateRawSync(content, { level: 9 }), crc: zlib.crc32(content), declaredSize: 1000 }]));
  return file;
}
