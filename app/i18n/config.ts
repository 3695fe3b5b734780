/**
 * Locales Ponte speaks. The first segment of every shareable URL is one of
 * these codes (`/pt-BR/firms/...`). `fallbackLng` must be one of them exactly.
 * Portuguese comes in two variants, Brazilian (`pt-BR`) and European
 * (`pt-PT`: Portugal, the African countries, Timor-Leste, Macao); their
 * resources are the shared base `resources/pt/` plus the words that differ
 * (`resources/pt-BR/`, `resources/pt-PT/`), merged when the server starts.
 * `zh-Hant` (Traditional Chinese, for Macao) is never written by hand: its
 * UI resources and the Chinese that people write are converted from
 * Simplified with OpenCC (app/modules/i18n-text/chinese-script.server.ts).
 */
export const supportedLocales = ["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = "en";

/** The Portuguese locales, and the one plain `pt` means (README: "Two Portuguese locales"). */
export const portugueseLocales = ["pt-BR", "pt-PT"] as const;
export type PortugueseLocale = (typeof portugueseLocales)[number];
export const defaultPortuguese: PortugueseLocale = "pt-BR";

export function isPortuguese(locale: string): locale is PortugueseLocale {
  return (portugueseLocales as readonly string[]).includes(locale);
}

/**
 * The language whose authored text a reader in `locale` reads as their own:
 * people write "pt", whichever variant their interface shows.
 */
export function textLanguage(locale: Locale): "zh-CN" | "zh-Hant" | "en" | "pt" {
  return isPortuguese(locale) ? "pt" : locale;
}

export const namespaces = ["common", "auth", "home", "bureau", "validation", "catalog", "directory", "import", "audit", "buyer", "inquiry", "notification", "search", "matching", "notices", "participation", "delegation", "privacy", "meetings", "problems", "reference", "training", "verification", "translation", "meetingReport"] as const;
export type Namespace = (typeof namespaces)[number];

/** Language names in their own language, for the switcher. */
export const localeNames: Record<Locale, string> = {
  "zh-CN": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
  "pt-BR": "Português (Brasil)",
  "pt-PT": "Português (Portugal)",
};

/** BCP 47 tag used by Intl and <html lang>. */
export const localeTags: Record<Locale, string> = {
  "zh-CN": "zh-CN",
  "zh-Hant": "zh-Hant",
  en: "en",
  "pt-BR": "pt-BR",
  "pt-PT": "pt-PT",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/**
 * Case-insensitive match of a URL segment to a locale ("ZH-cn" → "zh-CN").
 * The retired plain "pt" (old URLs, cookies and users' stored choice) reads
 * as the default Portuguese.
 */
export function matchLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower === "pt") return defaultPortuguese;
  return supportedLocales.find((locale) => locale.toLowerCase() === lower);
}

/** Looks like a language tag ("de", "pt-BR", "zh-Hant") even if unsupported. */
export function looksLikeLocale(value: string | undefined): boolean {
  return !!value && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value);
}

/** Chinese tags written in Traditional characters: the script, or the regions that use it. */
const TRADITIONAL_SUBTAGS = new Set(["hant", "tw", "hk", "mo"]);

/**
 * Best supported locale for a BCP 47 tag from Accept-Language:
 * pt-BR → pt-BR; pt-PT, pt-AO, pt-MZ, pt-MO and the other regions → pt-PT;
 * plain pt → pt-BR (README); zh/zh-CN/zh-SG/zh-Hans → zh-CN,
 * zh-TW/zh-HK/zh-MO/zh-Hant(-*) → zh-Hant, en-GB → en.
 */
export function localeFromTag(tag: string): Locale | undefined {
  const exact = matchLocale(tag);
  if (exact) return exact;
  const [language, ...subtags] = tag.toLowerCase().split("-");
  if (language === "zh") {
    if (subtags.includes("hans")) return "zh-CN";
    return subtags.some((subtag) => TRADITIONAL_SUBTAGS.has(subtag)) ? "zh-Hant" : "zh-CN";
  }
  if (language === "pt") {
    const region = subtags.find((subtag) => /^[a-z]{2}$/.test(subtag));
    return !region ? defaultPortuguese : region === "br" ? "pt-BR" : "pt-PT";
  }
  return supportedLocales.find((locale) => locale === language);
}

/** Whether text in this locale is shown in Traditional characters. */
export function isTraditionalChinese(locale: string): boolean {
  return locale === "zh-Hant";
}

export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "common" as const,
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

/**
 * Which language to show when a text is missing in the reader's own. Authored
 * text is keyed by language ("pt"), never by Portuguese variant; resolveText
 * reads "pt" as a pt-BR or pt-PT reader's own language.
 */
export const textFallbacks: Record<Locale, readonly string[]> = {
  "zh-CN": ["en", "pt"],
  // Simplified text is converted for Traditional readers (and marked so).
  "zh-Hant": ["zh-CN", "en", "pt"],
  en: ["zh-CN", "pt"],
  "pt-BR": ["en", "zh-CN"],
  "pt-PT": ["en", "zh-CN"],
};
