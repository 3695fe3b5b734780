/**
 * The shape of a personal-data export (pure: no I/O). The JSON document is
 * the same from the account page's ZIP, `GET /api/v1/me/export` and
 * `npm run cli -- export-user`; the ZIP adds the person's files beside it.
 */
export const EXPORT_FORMAT = "ponte.personal-data/1";

export interface ExportedFile {
  /** Where the file is in the ZIP, e.g. "files/attachments/ck…-offer.pdf". */
  path: string;
  kind: "attachment" | "firm-logo" | "product-image";
  fileName: string;
  contentType: string;
  sizeBytes: number | null;
}

/** A file name safe inside a ZIP on every system: no folders, no control or reserved characters, bounded length. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_")
    .replace(/^\.+/, "_")
    .trim();
  const limited = [...cleaned].slice(-120).join("");
  return limited || "file";
}

/** The path of an attachment in the ZIP: its id keeps two files of the same name apart. */
export function attachmentPath(id: string, fileName: string): string {
  return `files/attachments/${id}-${safeFileName(fileName)}`;
}

export function imagePath(kind: "firm-logo" | "product-image", key: string): string {
  return `files/${kind === "firm-logo" ? "firm" : "products"}/${key.replace(/\//g, "_")}`;
}

/** The file name offered for download: ponte-data-<date>.zip (or .json). */
export function exportFileName(now: Date, extension: "zip" | "json"): string {
  return `ponte-data-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** JSON with dates as ISO strings, Decimals and BigInts as strings: what a person can read back. */
export function toPortable(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toPortable);
  if (typeof value === "object") {
    // Prisma's Decimal has toFixed and a constructor name of Decimal.
    if ((value as { constructor?: { name?: string } }).constructor?.name === "Decimal") return String(value);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toPortable(item)]));
  }
  return value;
}
