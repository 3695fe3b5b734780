import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

/** Which authored text a translation is made from. Pure. */
export interface SourceText {
  text: string;
  /** ISO 639-1 code of the language it is written in. */
  language: string;
}

/** The locale whose fallbacks a reader of a language follows ("zh" → zh-CN). */
const readerLocales: Record<string, string> = { zh: "zh-CN", en: "en", pt: "pt" };

/**
 * The authored text to translate into `targetLang`: the first authored
 * locale in that reader's fallback order (what the page shows them when
 * there is no translation), else any authored text.
 */
export function authoredSourceFor(value: unknown, targetLang?: string): SourceText | null {
  const text = asLocalizedText(value);
  const locale = targetLang ? readerLocales[targetLang] : undefined;
  const order = locale ? (textFallbacks[locale as Locale] ?? []) : [];
  for (const candidate of order) {
    const entry = text[candidate];
    if (entry?.origin === "author" && entry.text.trim()) return { text: entry.text, language: candidate.split("-")[0].toLowerCase() };
  }
  return authoredText(value);
}

/** The text a person wrote in a LocalizedText value (not a conversion or a translation), with its language. */
export function authoredText(value: unknown): SourceText | null {
  const entries = Object.entries(asLocalizedText(value));
  const [locale, entry] = entries.find(([, candidate]) => candidate?.origin === "author") ?? [];
  if (!locale || !entry?.text.trim()) return null;
  return { text: entry.text, language: locale.split("-")[0].toLowerCase() };
}
