import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import pt from "i18n-iso-countries/langs/pt.json";
import zh from "i18n-iso-countries/langs/zh.json";
import { toTraditional } from "~/modules/i18n-text/chinese-script.server";

countries.registerLocale(en);
countries.registerLocale(pt);
countries.registerLocale(zh);

/** i18n-iso-countries names its languages by ISO 639-1 code. */
function libraryLanguage(locale: string): string {
  return locale.startsWith("zh") ? "zh" : locale.split("-")[0];
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && /^[A-Z]{2}$/.test(code);
}

/** The library has Simplified Chinese names; Traditional readers get them converted. */
function inScript(name: string, locale: string) {
  return locale === "zh-Hant" ? toTraditional(name) : name;
}

export function countryName(code: string, locale: string): string {
  const name = countries.getName(code, libraryLanguage(locale), { select: "official" });
  return name ? inScript(name, locale) : code;
}

/** Every country, named and sorted in the reader's language. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = countries.getNames(libraryLanguage(locale), { select: "official" });
  const collator = new Intl.Collator(locale);
  return Object.entries(names)
    .map(([value, label]) => ({ value, label: inScript(label, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
