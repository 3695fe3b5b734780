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

/** One formatter per locale: building an Intl.DisplayNames costs more than using it. */
const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesFor(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" })));
  return names;
}

export function languageName(code: string, locale: string): string {
  let name: string | undefined;
  try {
    name = displayNamesFor(locale).of(code);
  } catch {
    name = undefined;
  }
  name ??= ISO6391.getName(code) || code;
  return isTraditionalChinese(locale) ? toTraditional(name) : name;
}

/** Languages exporters and their buyers use most, offered first in forms. */
export const commonLanguages = ["zh", "en", "pt", "es", "fr", "ar", "ru", "de", "it", "ja", "ko", "id", "ms", "th", "vi", "tr", "hi", "sw"] as const;

/**
 * Languages as select options named in the reader's language: every ISO
 * 639-1 language sorted by name, or the given codes in the given order.
 */
export function languageOptions(locale: string, codes?: readonly string[]): { value: string; label: string }[] {
  if (codes) return codes.map((code) => ({ value: code, label: languageName(code, locale) }));
  const collator = new Intl.Collator(locale);
  return ISO6391.getAllCodes()
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
