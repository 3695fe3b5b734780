import ISO6391 from "iso-639-1";
import { isTraditionalChinese } from "~/i18n/config";
import { toTraditional } from "~/modules/i18n-text/chinese-script.server";

/**
 * Languages of a sales team, as ISO 639-1 codes (the list from `iso-639-1`),
 * named in the reader's language by the runtime's CLDR data (Intl.DisplayNames).
 */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && ISO6391.validate(code);
}

export function languageName(code: string, locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: "language", fallback: "none" }).of(code);
  } catch {
    name = undefined;
  }
  name ??= ISO6391.getName(code) || code;
  return isTraditionalChinese(locale) ? toTraditional(name) : name;
}

/** Languages exporters and their buyers use most, offered first in forms. */
export const commonLanguages = ["zh", "en", "pt", "es", "fr", "ar", "ru", "de", "it", "ja", "ko", "id", "ms", "th", "vi", "tr", "hi", "sw"] as const;

/** Every ISO 639-1 language, named and sorted in the reader's language. */
export function languageOptions(locale: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return ISO6391.getAllCodes()
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
