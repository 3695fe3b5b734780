import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { singleton } from "~/utils/singleton.server";
import { toTraditional } from "~/modules/i18n-text/chinese-script.server";
import { hsLevel, type HsLevel } from "./hs-code";
import { buildCorrelations, resolveHsCode, sameSinceHs2012, type HsCorrelations, type HsEdition, type HsResolution } from "./correlation";

/**
 * The HS nomenclature in three languages, built from the files in
 * prisma/data/hs/ (see its README for sources and licences):
 * - English: HS 2022 (UN Comtrade);
 * - Portuguese: Brazil's NCM 2016 (built on HS 2012), joined on the first 2,
 *   4 or 6 digits, a 6-digit line only where the code means the same in
 *   HS 2012 and HS 2022 (the UNSD HS 2012 → HS 2022 table sends it to itself
 *   alone); otherwise (HS 2022 split 9405 by LED, so NCM's 9405.10 text
 *   is not 9405.11's) the heading's text is used and `sources.pt` says
 *   "heading";
 * - Chinese: hs-zh.csv, names from China's customs tariff for all chapters and
 *   the headings Zhongshan's industries use (`sources["zh-CN"]` names it).
 */
export type HsTitleLocale = "en" | "pt" | "zh-CN";

export interface HsEntry {
  code: string;
  level: HsLevel;
  /** Code of the parent (heading of a subheading, chapter of a heading); null for chapters. */
  parent: string | null;
  /** HS section as a Roman numeral (I–XXI). */
  section: string;
  titles: Partial<Record<HsTitleLocale, string>>;
  /** Where each title comes from: "hs2022", "ncm", "heading" (inherited from the heading), "cn-customs-tariff-2022". */
  sources: Partial<Record<HsTitleLocale, string>>;
}

export interface HsNomenclature {
  entries: HsEntry[];
  byCode: Map<string, HsEntry>;
  sections: Map<string, string>;
  /** UNSD correlation tables, HS 2017 and HS 2012 → HS 2022. */
  correlations: HsCorrelations;
}

export function hsDataDir(): string {
  return path.resolve(process.env.PONTE_HS_DATA_DIR ?? "prisma/data/hs");
}

function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

/** Portuguese NCM descriptions often end with a colon or a period; tabs stand for spaces. */
function cleanPt(text: string) {
  return text.replace(/\s+/g, " ").replace(/[.:;]+$/, "").trim();
}

function readCorrelations(dir: string): HsCorrelations {
  const table = (edition: HsEdition) => {
    const file = path.join(dir, `hs${edition}-to-hs2022.csv`);
    if (!fs.existsSync(file)) return [];
    return readCsv(file).map((row) => ({ old: row[`hs${edition}`]?.trim() ?? "", current: row.hs2022?.trim() ?? "" }));
  };
  return buildCorrelations({ "2017": table("2017"), "2012": table("2012") });
}

export function buildNomenclature(dir = hsDataDir()): HsNomenclature {
  const correlations = readCorrelations(dir);
  const sections = new Map(readCsv(path.join(dir, "hs2022-sections-en.csv")).map((row) => [row.section, row.name]));
  // Section "TOTAL" holds the statistical "99 Commodities not specified", not HS.
  const english = readCsv(path.join(dir, "hs2022-en.csv")).filter(
    (row) => /^\d{2}(\d{2}){0,2}$/.test(row.hscode) && row.section !== "TOTAL",
  );
  const portuguese = new Map<string, string>();
  for (const row of readCsv(path.join(dir, "ncm-pt.csv"))) {
    const code = row.codigo?.trim();
    if (code && [2, 4, 6, 8].includes(code.length)) portuguese.set(code, cleanPt(row.descricao));
  }
  const chineseFile = path.join(dir, "hs-zh.csv");
  const chinese = new Map<string, { title: string; source: string }>();
  if (fs.existsSync(chineseFile)) {
    for (const row of readCsv(chineseFile)) chinese.set(row.code, { title: row.title_zh, source: row.source || "customs-tariff" });
  }

  const entries: HsEntry[] = english.map((row) => {
    const code = row.hscode;
    const level = hsLevel(code);
    const titles: HsEntry["titles"] = { en: row.description };
    const sources: HsEntry["sources"] = { en: "hs2022" };
    // NCM's 6-digit text describes HS 2012's subheading: only where HS 2022 kept its meaning.
    const sameMeaning = level !== 6 || sameSinceHs2012(code, correlations);
    const pt = sameMeaning ? portuguese.get(code) : undefined;
    const heading = portuguese.get(code.slice(0, 4));
    // A subheading NCM does not split further appears only as its 8-digit
    // line ("61091000 De algodão"): it needs the heading's text to make sense.
    const only = level === 6 && sameMeaning ? portuguese.get(`${code}00`) : undefined;
    // NCM "Outros"/"Outras" alone says nothing without its parent: prefer the heading.
    if (pt && !/^outr[oa]s$/i.test(pt)) {
      titles.pt = pt;
      sources.pt = "ncm";
    } else if (only && heading && !/^outr[oa]s$/i.test(only)) {
      titles.pt = `${heading}: ${only.charAt(0).toLowerCase()}${only.slice(1)}`;
      sources.pt = "ncm";
    } else if (level === 6 && heading) {
      titles.pt = heading;
      sources.pt = "heading";
    }
    const zh = chinese.get(code);
    if (zh) {
      titles["zh-CN"] = zh.title;
      sources["zh-CN"] = zh.source;
    }
    return { code, level, parent: level === 2 ? null : row.parent, section: row.section, titles, sources };
  });
  return { entries, byCode: new Map(entries.map((entry) => [entry.code, entry])), sections, correlations };
}

/** The nomenclature, read once per process. */
export function loadHsNomenclature(): HsNomenclature {
  return singleton("hsNomenclature", () => buildNomenclature());
}

export function findHsEntry(code: string): HsEntry | undefined {
  return loadHsNomenclature().byCode.get(code);
}

/** Whether a 2-, 4- or 6-digit code exists in HS 2022. */
export function isKnownHsCode(code: string): boolean {
  return loadHsNomenclature().byCode.has(code);
}

/**
 * Title in `locale`, else English, else the nearest ancestor's title in
 * `locale`. Traditional Chinese readers (zh-Hant) get the customs tariff's
 * names converted from Simplified.
 */
export function hsTitle(code: string, locale: string): string | null {
  const title = hsTitleIn(code, locale);
  return title && locale === "zh-Hant" ? toTraditional(title) : title;
}

function hsTitleIn(code: string, locale: string): string | null {
  const lang: HsTitleLocale = locale.startsWith("zh") ? "zh-CN" : locale === "pt" || locale.startsWith("pt-") ? "pt" : "en";
  const { byCode } = loadHsNomenclature();
  const entry = byCode.get(code);
  if (!entry) return null;
  if (entry.titles[lang]) return entry.titles[lang]!;
  if (lang === "zh-CN" && entry.parent) {
    // A subheading without its own Chinese name: the heading's, then the English detail.
    const heading = byCode.get(entry.parent)?.titles["zh-CN"];
    if (heading) return heading;
  }
  return entry.titles.en ?? null;
}

/** A code as written (4, 6, 8 or 10 digits, cleaned) read as HS 2022, old editions mapped (see ./correlation.ts). */
export function resolveHsInput(digits: string): HsResolution {
  return resolveHsCode(digits, loadHsNomenclature().correlations, isKnownHsCode);
}

/**
 * Where the title `hsTitle` gives in `locale` comes from, in the data's own
 * terms: "hs2022" (UN Comtrade), "ncm" (Brazil's NCM 2016), "heading" (the
 * heading's NCM 2016 text stands in for a subheading), "cn-customs-tariff-2022",
 * and `of`, the code whose text it is.
 */
export function hsTitleSource(code: string, locale: string): { source: string; of: string } | null {
  const lang: HsTitleLocale = locale.startsWith("zh") ? "zh-CN" : locale === "pt" || locale.startsWith("pt-") ? "pt" : "en";
  const entry = loadHsNomenclature().byCode.get(code);
  if (!entry) return null;
  const source = entry.sources[lang];
  if (source === "heading" && entry.parent) return { source, of: entry.parent };
  if (source) return { source, of: code };
  if (lang === "zh-CN" && entry.parent && findHsEntry(entry.parent)?.titles["zh-CN"]) return { source: "heading", of: entry.parent };
  return { source: "hs2022", of: code };
}
