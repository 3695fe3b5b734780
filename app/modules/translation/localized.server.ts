import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n/config";
import { displayText } from "~/modules/i18n-text/display.server";
import { authoredSourceFor } from "./sources.server";
import { readerLanguage, translationConfigured } from "./translation.server";
import { localizedTranslationJobs, type SourceRef } from "./localized-jobs";
import { translationsFor, type TranslationView } from "./views.server";

/**
 * Free text stored as LocalizedText (product and firm descriptions, notice
 * titles and bodies): what a person wrote in some languages. A reader whose
 * language has no authored text gets the machine translation of the authored
 * text (marked, original one click away); text the owner wrote in the
 * reader's language always wins, and is never overwritten by the engine.
 */
/**
 * In the transaction that writes the text: asks for translations into the
 * languages that have no authored text, when the text is new or changed
 * (localized-jobs.ts decides). Without an engine it does nothing.
 */
export async function requestLocalizedTranslations(tx: Pick<Prisma.TransactionClient, "translationJob">, source: SourceRef, after: unknown, before?: unknown) {
  await requestLocalizedTranslationsMany(tx, [{ source, after, before }]);
}

/**
 * The same for many texts at once (the spreadsheet import's batches): one
 * createMany for all their jobs.
 */
export async function requestLocalizedTranslationsMany(
  tx: Pick<Prisma.TransactionClient, "translationJob">,
  texts: readonly { source: SourceRef; after: unknown; before?: unknown }[],
): Promise<number> {
  if (!translationConfigured() || texts.length === 0) return 0;
  const data = texts.flatMap((text) => localizedTranslationJobs(text.source, text.after, text.before));
  if (data.length) await tx.translationJob.createMany({ data });
  return data.length;
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
