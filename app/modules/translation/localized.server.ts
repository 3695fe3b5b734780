import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n/config";
import { displayText } from "~/modules/i18n-text/display.server";
import { asLocalizedText, authoredLocales } from "~/modules/i18n-text/localized-text";
import { authoredSourceFor } from "./sources.server";
import { readerLanguage, readerLanguages, requestTranslations, type SourceRef } from "./translation.server";
import { translationsFor, type TranslationView } from "./views.server";

/**
 * Free text stored as LocalizedText (product and firm descriptions, notice
 * titles and bodies): what a person wrote in some languages. A reader whose
 * language has no authored text gets the machine translation of the authored
 * text (marked, original one click away); text the owner wrote in the
 * reader's language always wins, and is never overwritten by the engine.
 */
/** The languages a person wrote the text in ("zh-CN" → "zh"). */
function authoredLanguages(value: unknown): Set<string> {
  return new Set(authoredLocales(value).map(readerLanguage));
}

/**
 * In the transaction that writes the text: asks for translations into the
 * languages that have no authored text, when the text is new or changed
 * (an unchanged text is not sent again; a changed one is remade, its hash
 * no longer matches). Without an engine it does nothing.
 */
export async function requestLocalizedTranslations(tx: Pick<Prisma.TransactionClient, "translationJob">, source: SourceRef, after: unknown, before?: unknown) {
  if (before !== undefined && sameText(before, after)) return;
  const own = authoredLanguages(after);
  for (const target of readerLanguages) {
    if (own.has(target)) continue;
    // Each language is translated from the text its readers would otherwise see.
    const text = authoredSourceFor(after, target);
    if (text) await requestTranslations(tx, { ...source, language: text.language }, [target]);
  }
}

function sameText(before: unknown, after: unknown): boolean {
  const a = asLocalizedText(before);
  const b = asLocalizedText(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key]?.text === b[key]?.text && a[key]?.origin === b[key]?.origin);
}

/** What a reader is shown of one LocalizedText: the text, its language, and its translation state. */
export interface LocalizedView {
  /** The original (or the reader's own authored text); the translation, when there is one, is in `translation`. */
  text: string;
  /** The language `text` is written in, for the lang attribute. */
  language: string;
  translation: TranslationView;
}

/**
 * The views of several texts of one kind for a reader: their own language's
 * text when there is one (state "original"), else the stored translation of
 * the authored text ("machine" / "authored"), else the fallback text marked
 * "pending" or "none" (no engine, unsupported language, parked job).
 */
export async function localizedViews(kind: string, field: string, items: readonly { id: string; value: unknown }[], locale: Locale): Promise<Record<string, LocalizedView>> {
  const views: Record<string, LocalizedView> = {};
  const foreign: { id: string; text: string; language: string }[] = [];
  for (const item of items) {
    const resolved = displayText(item.value, locale);
    if (!resolved) {
      views[item.id] = { text: "", language: locale, translation: { state: "original" } };
      continue;
    }
    views[item.id] = { text: resolved.text, language: resolved.locale, translation: { state: "original" } };
    if (!resolved.isFallback) continue;
    const source = authoredSourceFor(item.value, readerLanguage(locale));
    if (!source || source.language === readerLanguage(locale)) continue;
    foreign.push({ id: item.id, ...source });
  }
  if (foreign.length === 0) return views;
  const translations = await translationsFor(kind, field, foreign, locale);
  for (const source of foreign) {
    const translation = translations[source.id] ?? { state: "none" };
    // A translation is shown beside the text it was made from.
    views[source.id] =
      translation.state === "machine" || translation.state === "authored"
        ? { text: source.text, language: source.language, translation }
        : { ...views[source.id], translation };
  }
  return views;
}

/** One text's view (a page that shows a single product, firm or notice). */
export async function localizedView(kind: string, field: string, id: string, value: unknown, locale: Locale): Promise<LocalizedView> {
  return (await localizedViews(kind, field, [{ id, value }], locale))[id];
}
