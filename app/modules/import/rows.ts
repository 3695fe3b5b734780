/**
 * One row of an import file → the record to write, or what is wrong with
 * each cell. Pure: reference data (towns, clusters, certifications, the HS
 * nomenclature, countries) comes in as lookup functions.
 */
import { matchQuantityUnit } from "~/modules/reference/units";
import {
  countryCode,
  languageCode,
  LIMITS,
  parseEmail,
  parseEmployees,
  parseExternalId,
  parseImportHsCode,
  parseInteger,
  parseList,
  parsePhone,
  parseText,
  parseUscc,
  parseUsd,
  parseWebsite,
  parseYear,
  type Parsed,
} from "./fields";

export interface ImportReferences {
  /** Town id for a Chinese or English name (or slug). */
  town(name: string): string | null;
  cluster(name: string): { id: string; townId: string | null } | null;
  /** The managed certification code for a code as written. */
  certification(text: string): string | null;
  isCountryCode(code: string): boolean;
  isKnownHsCode(code: string): boolean;
  thisYear: number;
}

export interface CellIssue {
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Text per locale from the _zh/_en/_pt columns; null clears that locale. */
export type TextColumns = { "zh-CN": string | null; en: string | null; pt: string | null };

export interface FirmImportRecord {
  externalId: string;
  /** Undefined when the file has no `uscc` column: the stored code stays. */
  uscc: string | null | undefined;
  name: TextColumns;
  description: TextColumns;
  townId: string | null;
  clusterId: string | null;
  exportMarkets: string[];
  certifications: string[];
  languages: string[];
  website: string | null;
  email: string | null;
  phone: string | null;
  foundedYear: number | null;
  employeesBand: string | null;
}

export interface ProductImportRecord {
  externalId: string;
  /** Null only where the importer's own firm is meant (a firm importing its catalogue). */
  firmExternalId: string | null;
  hsCode: string;
  name: TextColumns;
  description: TextColumns;
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: string | null;
  priceMaxUsd: string | null;
  certifications: string[];
  leadTimeDays: number | null;
}

export type RowResult<T> = { ok: true; record: T } | { ok: false; issues: CellIssue[] };

type Row = Record<string, string | undefined>;

class CellReader {
  issues: CellIssue[] = [];
  constructor(private row: Row) {}

  cell(column: string): string {
    return this.row[column] ?? "";
  }

  take<T>(column: string, parsed: Parsed<T>, fallback: T): T {
    if (parsed.ok) return parsed.value;
    this.issues.push({ column, code: parsed.code, params: parsed.params });
    return fallback;
  }

  texts(prefix: string, max: number): TextColumns {
    return {
      "zh-CN": this.take(`${prefix}_zh`, parseText(this.cell(`${prefix}_zh`), max), null),
      en: this.take(`${prefix}_en`, parseText(this.cell(`${prefix}_en`), max), null),
      pt: this.take(`${prefix}_pt`, parseText(this.cell(`${prefix}_pt`), max), null),
    };
  }

  requireSomeName(name: TextColumns) {
    const written = ["name_zh", "name_en", "name_pt"].some((column) => this.cell(column).trim());
    if (!written) this.issues.push({ column: "name_zh", code: "nameRequired" });
    return name;
  }

  certifications(refs: ImportReferences): string[] {
    return this.take("certifications", parseList(this.cell("certifications"), (text) => refs.certification(text), "certificationUnknown"), []);
  }

  result<T>(record: T): RowResult<T> {
    return this.issues.length ? { ok: false, issues: this.issues } : { ok: true, record };
  }
}

export function validateFirmRow(row: Row, refs: ImportReferences, options: { hasUsccColumn: boolean }): RowResult<FirmImportRecord> {
  const read = new CellReader(row);
  const externalId = read.take("external_id", parseExternalId(read.cell("external_id")), "");
  const name = read.requireSomeName(read.texts("name", LIMITS.name));
  const description = read.texts("description", LIMITS.description);

  let townId: string | null = null;
  const townText = read.cell("town").trim();
  if (townText) {
    townId = refs.town(townText);
    if (!townId) read.issues.push({ column: "town", code: "townUnknown", params: { value: townText } });
  }
  let clusterId: string | null = null;
  const clusterText = read.cell("cluster").trim();
  if (clusterText) {
    const cluster = refs.cluster(clusterText);
    if (!cluster) read.issues.push({ column: "cluster", code: "clusterUnknown", params: { value: clusterText } });
    else {
      clusterId = cluster.id;
      // A cluster belongs to a town: a firm named only by its cluster is placed there.
      townId ??= townText ? null : cluster.townId;
    }
  }

  const record: FirmImportRecord = {
    externalId,
    uscc: options.hasUsccColumn ? read.take("uscc", parseUscc(read.cell("uscc")), null) : undefined,
    name,
    description,
    townId,
    clusterId,
    exportMarkets: read.take("export_markets", parseList(read.cell("export_markets"), countryCode(refs.isCountryCode), "countryUnknown"), []),
    certifications: read.certifications(refs),
    languages: read.take("languages", parseList(read.cell("languages"), languageCode, "languageUnknown"), []),
    website: read.take("website", parseWebsite(read.cell("website")), null),
    email: read.take("email", parseEmail(read.cell("email")), null),
    phone: read.take("phone", parsePhone(read.cell("phone")), null),
    foundedYear: read.take("founded_year", parseYear(read.cell("founded_year"), refs.thisYear), null),
    employeesBand: read.take("employees", parseEmployees(read.cell("employees")), null),
  };
  return read.result(record);
}

export function validateProductRow(row: Row, refs: ImportReferences, options: { firmOptional: boolean }): RowResult<ProductImportRecord> {
  const read = new CellReader(row);
  const externalId = read.take("external_id", parseExternalId(read.cell("external_id")), "");
  const firmCell = read.cell("firm_external_id");
  const firmExternalId = !firmCell.trim() && options.firmOptional ? null : read.take("firm_external_id", parseExternalId(firmCell), null);

  let hsCode = "";
  const hs = parseImportHsCode(read.cell("hs_code"));
  if (!hs.ok) read.issues.push({ column: "hs_code", code: hs.code, params: hs.params });
  else if (!refs.isKnownHsCode(hs.value)) read.issues.push({ column: "hs_code", code: "hsUnknown", params: { value: read.cell("hs_code").trim() } });
  else hsCode = hs.value;

  const name = read.requireSomeName(read.texts("name", LIMITS.name));
  const description = read.texts("description", LIMITS.description);

  let moqUnit: string | null = null;
  const unitText = read.cell("moq_unit").trim();
  if (unitText) {
    moqUnit = matchQuantityUnit(unitText);
    if (!moqUnit) read.issues.push({ column: "moq_unit", code: "unitUnknown", params: { value: unitText } });
  }
  const priceMinUsd = read.take("price_min_usd", parseUsd(read.cell("price_min_usd")), null);
  const priceMaxUsd = read.take("price_max_usd", parseUsd(read.cell("price_max_usd")), null);
  if (priceMinUsd !== null && priceMaxUsd !== null && Number(priceMinUsd) > Number(priceMaxUsd)) {
    read.issues.push({ column: "price_max_usd", code: "priceRange" });
  }

  const record: ProductImportRecord = {
    externalId,
    firmExternalId,
    hsCode,
    name,
    description,
    moq: read.take("moq", parseInteger(read.cell("moq"), 1, LIMITS.moqMax), null),
    moqUnit,
    priceMinUsd,
    priceMaxUsd,
    certifications: read.certifications(refs),
    leadTimeDays: read.take("lead_time_days", parseInteger(read.cell("lead_time_days"), 0, LIMITS.leadTimeMax), null),
  };
  return read.result(record);
}

