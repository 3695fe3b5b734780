/**
 * Controlled values of a firm profile. Their names are translations
 * (catalog:firm.<list>.<value>), so they read in every language.
 */
export const employeeBands = ["1-49", "50-99", "100-299", "300-999", "1000+"] as const;
export const businessTypes = ["manufacturer", "trading", "oem-odm", "own-brand"] as const;
export const salesChannels = ["trade-fairs", "cross-border-ecommerce", "live-streaming", "distributors", "online-trade-shows"] as const;

/** The languages in which firms write their profile by hand; Traditional Chinese is converted. */
export const authoredLocales = ["zh-CN", "en", "pt"] as const;
export type AuthoredLocale = (typeof authoredLocales)[number];

/** Form field suffix of each authored locale: nameZh, nameEn, namePt. */
export const localeFieldSuffix: Record<AuthoredLocale, "Zh" | "En" | "Pt"> = { "zh-CN": "Zh", en: "En", pt: "Pt" };
