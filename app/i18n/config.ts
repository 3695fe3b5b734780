/**
 * Locales Ponte speaks. The first segment of every shareable URL is one of
 * these codes (`/pt/firms/...`). `fallbackLng` must be one of them exactly.
 */
export const supportedLocales = ["zh-CN", "en", "pt"] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = "en";

export const namespaces = ["common", "auth", "home", "bureau", "validation", "inquiry", "notification"] as const;
export type Namespace = (typeof namespaces)[number];

/** Language names in their own language, for the switcher. */
export const localeNames: Record<Locale, string> = {
  "zh-CN": "简体中文",
  en: "English",
  pt: "Português",
};

/** BCP 47 tag used by Intl and <html lang>. */
export const localeTags: Record<Locale, string> = {
  "zh-CN": "zh-CN",
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

/**
 * Best supported locale for a BCP 47 tag from Accept-Language:
 * pt-BR/pt-PT → pt, zh/zh-CN/zh-SG → zh-CN, en-GB → en.
 */
export function localeFromTag(tag: string): Locale | undefined {
  const exact = matchLocale(tag);
  if (exact) return exact;
  const [language] = tag.toLowerCase().split("-");
  if (language === "zh") return "zh-CN";
  return supportedLocales.find((locale) => locale === language);
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
  en: ["zh-CN", "pt"],
  pt: ["en", "zh-CN"],
};
