import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import yazl from "yazl";
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

/**
 * A zip that looks like an XLSX and unpacks to `gigabytes` GB of one
 * worksheet: deflate turns a gigabyte of the same byte into ~1 MB.
 */
export async function writeZipBomb(gigabytes = 1): Promise<string> {
  const file = tmpFile("bomb.xlsx");
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), "[Content_Types].xml");
  const chunk = Buffer.alloc(8 * 1024 * 1024, 0x20);
  const total = gigabytes * 1024 * 1024 * 1024;
  const { Readable } = await import("node:stream");
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  zip.addReadStream(stream, "xl/worksheets/sheet1.xml", { compressionLevel: 1 });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on("close", resolve).on("error", reject);
  });
  return file;
}

/**
 * A zip whose directory says an entry is small while it inflates to 64 MB:
 * only inflating it tells.
 */
export function writeLyingZip(): string {
  const content = Buffer.alloc(64 * 1024 * 1024, 0x41);
  const compressed = zlib.deflateRawSync(content, { level: 9 });
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const declaredSize = 1000;
  const crc = zlib.crc32 ? zlib.crc32(content) : 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 10);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  const file = tmpFile("lying.xlsx");
  fs.writeFileSync(file, Buffer.concat([local, name, compressed, central, name, end]));
  return file;
}
