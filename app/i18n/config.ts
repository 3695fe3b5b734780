/**
 * Locales Ponte speaks. The first segment of every shareable URL is one of
 * these codes (`/pt/firms/...`). `fallbackLng` must be one of them exactly.
 * `zh-Hant` (Traditional Chinese, for Macao) is never written by hand: its
 * UI resources and the Chinese that people write are converted from
 * Simplified with OpenCC (app/modules/i18n-text/chinese-script.server.ts).
 */
export const supportedLocales = ["zh-CN", "zh-Hant", "en", "pt"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = "en";

export const namespaces = ["common", "auth", "home", "bureau", "validation", "catalog", "directory", "import", "audit", "buyer", "inquiry", "notification", "search", "matching", "notices", "participation", "delegation", "privacy", "meetings", "problems", "reference", "training", "verification", "translation", "meetingReport"] as const;
export type Namespace = (typeof namespaces)[number];

/** Language names in their own language, for the switcher. */
export const localeNames: Record<Locale, string> = {
  "zh-CN": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
  pt: "Português",
};

/** BCP 47 tag used by Intl and <html lang>. */
export const localeTags: Record<Locale, string> = {
  "zh-CN": "zh-CN",
  "zh-Hant": "zh-Hant",
  en: "en",
  pt: "pt",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** Case-insensitive match of a URL segment to a locale ("ZH-cn" → "zh-CN"). */
export function matchLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
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
 * pt-BR/pt-PT → pt, zh/zh-CN/zh-SG/zh-Hans → zh-CN,
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

/** Which language to show when a text is missing in the reader's own. */
export const textFallbacks: Record<Locale, readonly Locale[]> = {
  "zh-CN": ["en", "pt"],
  // Simplified text is converted for Traditional readers (and marked so).
  "zh-Hant": ["zh-CN", "en", "pt"],
  en: ["zh-CN", "pt"],
  pt: ["en", "zh-CN"],
};
