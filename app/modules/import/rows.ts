/**
 * One row of an import file → the record to write, or what is wrong with
 * each cell. Pure: reference data (towns, clusters, certifications, the HS
 * nomenclature, countries) comes in as lookup functions.
 */
import { matchQuantityUnit } from "~/modules/reference/units";
import type { NameMatch } from "~/modules/reference/names";
import type { HsResolution } from "~/modules/hs/correlation";
import { formatHsCode } from "~/modules/hs/hs-code";
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
  /** Town id for any of its names or aliases (Chinese, English, pinyin, slug). */
  town(name: string): NameMatch<string> | null;
  cluster(name: string): NameMatch<{ id: string; townId: string | null }> | null;
  /** The managed certification code for a code, name or alias as written. */
  certification(text: string): NameMatch<string> | null;
  /** The known name nearest to what was written, for "did you mean …?". */
  suggest(kind: "town" | "cluster" | "certification", text: string): string | null;
  isCountryCode(code: string): boolean;
  /** A code as written (digits) read as HS 2022, older editions mapped. */
  resolveHs(digits: string): HsResolution;
  thisYear: number;
}

export interface CellIssue {
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * What the import read differently from how it was written: a name read as
 * the reference data's ("五金" → 五金锁具), an HS code of an earlier edition
 * or a national code filed under HS 2022. `warning`: a person still has a
 * choice to make (the product is filed under the heading meanwhile).
 */
export interface CellNote {
  column: string;
  code: "name" | "hsMapped" | "hsNational" | "hsChoose";
  from: string;
  to: string;
  params?: Record<string, string | number>;
  warning?: boolean;
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
  /** The 8-digit NCM or 10-digit Chinese tariff code written, kept whole. */
  nationalCode: string | null;
  /** The code of an earlier HS edition the import mapped. */
  hsCodeAsWritten: string | null;
  /** HS 2022 subheadings the firm still has to choose among. */
  hsChoices: string[];
  name: TextColumns;
  description: TextColumns;
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: string | null;
  priceMaxUsd: string | null;
  certifications: string[];
  leadTimeDays: number | null;
}

export type RowResult<T> = { ok: true; record: T; notes: CellNote[] } | { ok: false; issues: CellIssue[]; notes: CellNote[] };

type Row = Record<string, string | undefined>;

class CellReader {
  issues: CellIssue[] = [];
  notes: CellNote[] = [];
  constructor(private row: Row) {}

  /** A name looked up in the reference data; unknown → an issue naming the nearest known name. */
  name<T>(column: string, kind: "town" | "cluster", refs: ImportReferences, unknownCode: string): T | null {
    const text = this.cell(column).trim();
    if (!text) return null;
    const found = refs[kind](text) as NameMatch<T> | null;
    if (found) {
      if (!found.exact) this.notes.push({ column, code: "name", from: text, to: found.label });
      return found.value;
    }
    const suggestion = refs.suggest(kind, text);
    this.issues.push({ column, code: unknownCode, params: { value: text, ...(suggestion ? { didYouMean: suggestion } : {}) } });
    return null;
  }

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
    const mapped: CellNote[] = [];
    const parsed = parseList(
      this.cell("certifications"),
      (text) => {
        const found = refs.certification(text);
        if (found && !found.exact) mapped.push({ column: "certifications", code: "name", from: text, to: found.label });
        return found?.value ?? null;
      },
      "certificationUnknown",
    );
    if (!parsed.ok && parsed.code === "certificationUnknown") {
      const unknown = String(parsed.params?.values ?? "").split("; ");
      const suggestions = [...new Set(unknown.map((text) => refs.suggest("certification", text)).filter((label): label is string => !!label))];
      if (suggestions.length) parsed.params = { ...parsed.params, didYouMean: suggestions.join("; ") };
    }
    if (parsed.ok) this.notes.push(...mapped);
    return this.take("certifications", parsed, []);
  }

  /** The hs_code cell read as HS 2022 (older editions mapped, national codes kept whole). */
  hsCode(refs: ImportReferences): Pick<ProductImportRecord, "hsCode" | "nationalCode" | "hsCodeAsWritten" | "hsChoices"> {
    const none = { hsCode: "", nationalCode: null, hsCodeAsWritten: null, hsChoices: [] };
    const written = this.cell("hs_code").trim();
    const parsed = parseImportHsCode(written);
    if (!parsed.ok) {
      this.issues.push({ column: "hs_code", code: parsed.code, params: parsed.params });
      return none;
    }
    const resolved = refs.resolveHs(parsed.value);
    const column = "hs_code";
    switch (resolved.kind) {
      case "unknown":
        this.issues.push({ column, code: "hsUnknown", params: { value: written } });
        return none;
      case "nowhere":
        this.issues.push({ column, code: "mapping.hsNowhere", params: { value: written, edition: resolved.edition, targets: resolved.targets.map(formatHsCode).join(", ") } });
        return none;
      case "noHeading":
        this.issues.push({ column, code: "mapping.hsNoHeading", params: { value: written, edition: resolved.edition, candidates: resolved.candidates.map(formatHsCode).join(", ") } });
        return none;
      case "current":
        if (resolved.nationalCode) this.notes.push({ column, code: "hsNational", from: resolved.nationalCode, to: formatHsCode(resolved.code) });
        return { hsCode: resolved.code, nationalCode: resolved.nationalCode, hsCodeAsWritten: null, hsChoices: [] };
      case "mapped":
        this.notes.push({ column, code: "hsMapped", from: formatHsCode(resolved.from), to: formatHsCode(resolved.code), params: { edition: resolved.edition } });
        return { hsCode: resolved.code, nationalCode: resolved.nationalCode, hsCodeAsWritten: parsed.value, hsChoices: [] };
      case "ambiguous":
        this.notes.push({
          column,
          code: "hsChoose",
          from: formatHsCode(resolved.from),
          to: resolved.code,
          params: { edition: resolved.edition, candidates: resolved.candidates.map(formatHsCode).join(", ") },
          warning: true,
        });
        return { hsCode: resolved.code, nationalCode: resolved.nationalCode, hsCodeAsWritten: parsed.value, hsChoices: resolved.candidates };
    }
  }

  result<T>(record: T): RowResult<T> {
    return this.issues.length ? { ok: false, issues: this.issues, notes: this.notes } : { ok: true, record, notes: this.notes };
  }
}

export function validateFirmRow(row: Row, refs: ImportReferences, options: { hasUsccColumn: boolean }): RowResult<FirmImportRecord> {
  const read = new CellReader(row);
  const externalId = read.take("external_id", parseExternalId(read.cell("external_id")), "");
  const name = read.requireSomeName(read.texts("name", LIMITS.name));
  const description = read.texts("description", LIMITS.description);

  const townText = read.cell("town").trim();
  let townId = read.name<string>("town", "town", refs, "townUnknown");
  let clusterId: string | null = null;
  const cluster = read.name<{ id: string; townId: string | null }>("cluster", "cluster", refs, "clusterUnknown");
  if (cluster) {
    clusterId = cluster.id;
    // A cluster belongs to a town: a firm named only by its cluster is placed there.
    townId ??= townText ? null : cluster.townId;
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

  const hs = read.hsCode(refs);

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
    ...hs,
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

