import { asLocalizedText, authoredLocales } from "~/modules/i18n-text/localized-text";
import { authoredSourceFor } from "./authored-source";

/**
 * Which translations a written LocalizedText (product and firm descriptions,
 * notices) needs. Pure: the forms and the spreadsheet import both ask here,
 * then write the jobs in one createMany.
 *
 * A job for every reader language nobody wrote the text in, when the text is
 * new or changed (an unchanged text is not sent again; a changed one is
 * remade, its hash no longer matches). Text a person wrote in a language
 * always wins there: no job for it.
 */
export interface SourceRef {
  kind: string;
  id: string;
  field: string;
}

export interface TranslationJobRow {
  sourceKind: string;
  sourceId: string;
  field: string;
  targetLang: string;
}

/** The languages Ponte's readers read, as the engine names them. */
export const readerLanguages = ["zh", "en", "pt"] as const;

/** The language a reader of `locale` reads: "zh-CN" and "zh-Hant" → "zh", "pt-BR" → "pt". */
export function readerLanguage(locale: string): string {
  return locale.split("-")[0].toLowerCase();
}

export function sameLocalizedText(before: unknown, after: unknown): boolean {
  const a = asLocalizedText(before);
  const b = asLocalizedText(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key]?.text === b[key]?.text && a[key]?.origin === b[key]?.origin);
}

/** The job rows one text needs (`before` undefined: a new text). */
export function localizedTranslationJobs(source: SourceRef, after: unknown, before?: unknown): TranslationJobRow[] {
  if (before !== undefined && sameLocalizedText(before, after)) return [];
  const own = new Set(authoredLocales(after).map(readerLanguage));
  const rows: TranslationJobRow[] = [];
  for (const target of readerLanguages) {
    if (own.has(target)) continue;
    // Each language is translated from the text its readers would otherwise see.
    const from = authoredSourceFor(after, target);
    if (from && from.language !== target) rows.push({ sourceKind: source.kind, sourceId: source.id, field: source.field, targetLang: target });
  }
  return rows;
}
