/**
 * The columns of the bulk import and export files, exactly as the bureau's
 * spreadsheets have them (issue 3). Any order; firms may add `uscc`.
 */
export const importKinds = ["firms", "products"] as const;
export type ImportKind = (typeof importKinds)[number];

export const firmColumns = [
  "external_id",
  "name_zh",
  "name_en",
  "name_pt",
  "town",
  "cluster",
  "description_zh",
  "description_en",
  "description_pt",
  "export_markets",
  "certifications",
  "languages",
  "website",
  "email",
  "phone",
  "founded_year",
  "employees",
] as const;
export const optionalFirmColumns = ["uscc"] as const;

export const productColumns = [
  "external_id",
  "firm_external_id",
  "hs_code",
  "name_zh",
  "name_en",
  "name_pt",
  "description_zh",
  "description_en",
  "description_pt",
  "moq",
  "moq_unit",
  "price_min_usd",
  "price_max_usd",
  "certifications",
  "lead_time_days",
] as const;

export type FirmColumn = (typeof firmColumns)[number] | (typeof optionalFirmColumns)[number];
export type ProductColumn = (typeof productColumns)[number];

/**
 * The stored field each column fills (a name in three languages fills one
 * field): the one list the import's change detection and the export derive from.
 */
export const firmColumnFields = {
  external_id: "externalId",
  uscc: "uscc",
  name_zh: "name",
  name_en: "name",
  name_pt: "name",
  description_zh: "description",
  description_en: "description",
  description_pt: "description",
  town: "townId",
  cluster: "clusterId",
  export_markets: "exportMarkets",
  certifications: "certifications",
  languages: "languages",
  website: "website",
  email: "email",
  phone: "phone",
  founded_year: "foundedYear",
  employees: "employeesBand",
} as const satisfies Record<FirmColumn, string>;

export const productColumnFields = {
  external_id: "externalId",
  firm_external_id: "firmId",
  hs_code: "hsCode",
  name_zh: "name",
  name_en: "name",
  name_pt: "name",
  description_zh: "description",
  description_en: "description",
  description_pt: "description",
  moq: "moq",
  moq_unit: "moqUnit",
  price_min_usd: "priceMinUsd",
  price_max_usd: "priceMaxUsd",
  certifications: "certifications",
  lead_time_days: "leadTimeDays",
} as const satisfies Record<ProductColumn, string>;

export type FirmRecordField = (typeof firmColumnFields)[FirmColumn];
export type ProductRecordField = (typeof productColumnFields)[ProductColumn];

/** The stored fields an import compares and audits, one each. */
export const firmRecordFields = [...new Set(Object.values(firmColumnFields))] as FirmRecordField[];
export const productRecordFields = [...new Set(Object.values(productColumnFields))] as ProductRecordField[];

export function columnsOf(kind: ImportKind): { required: readonly string[]; optional: readonly string[] } {
  return kind === "firms" ? { required: firmColumns, optional: optionalFirmColumns } : { required: productColumns, optional: [] };
}

/** The columns an export writes, in the documented order (firms with `uscc` last). */
export function exportColumns(kind: ImportKind): readonly string[] {
  return kind === "firms" ? [...firmColumns, ...optionalFirmColumns] : productColumns;
}

export type HeaderProblem =
  | { code: "missingColumns"; columns: string[] }
  | { code: "unknownColumns"; columns: string[] }
  | { code: "duplicateColumns"; columns: string[] }
  | { code: "emptyHeader" };

/** Header cells as typed: case, spaces and a stray BOM do not matter. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * Checks a header row against the columns of `kind`. Returns the column
 * name of each cell position (null for blank trailing cells) and the problems.
 */
export function checkHeader(kind: ImportKind, cells: readonly string[]): { columns: (string | null)[]; problems: HeaderProblem[] } {
  const { required, optional } = columnsOf(kind);
  const known = new Set([...required, ...optional]);
  const columns = cells.map((cell) => normalizeHeader(cell) || null);
  const named = columns.filter((column): column is string => column !== null);
  const problems: HeaderProblem[] = [];
  if (named.length === 0) return { columns, problems: [{ code: "emptyHeader" }] };
  const missing = required.filter((column) => !named.includes(column));
  if (missing.length) problems.push({ code: "missingColumns", columns: missing });
  const unknown = [...new Set(named.filter((column) => !known.has(column)))];
  if (unknown.length) problems.push({ code: "unknownColumns", columns: unknown });
  const duplicates = [...new Set(named.filter((column, index) => named.indexOf(column) !== index))];
  if (duplicates.length) problems.push({ code: "duplicateColumns", columns: duplicates });
  return { columns, problems };
}
