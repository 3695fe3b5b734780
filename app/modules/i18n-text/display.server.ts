import { isTraditionalChinese, textFallbacks, type Locale } from "~/i18n/config";
import { asLocalizedText, resolveText, type ResolvedText } from "./localized-text";
import { toTraditional } from "./chinese-script.server";

/**
 * Text as a reader in `locale` sees it. For Traditional Chinese, text that
 * somebody wrote in Simplified is converted and marked `origin: "converted"`
 * (its `locale` becomes zh-Hant: it is Chinese, only the script changed).
 * Everything else is `resolveText` with the locale's fallbacks.
 */
export function displayText(value: unknown, locale: Locale): ResolvedText | null {
  if (isTraditionalChinese(locale)) {
    const text = asLocalizedText(value);
    const own = text["zh-Hant"];
    if (own) return { text: own.text, locale, origin: own.origin, isFallback: false };
    const simplified = text["zh-CN"];
    if (simplified) return { text: toTraditional(simplified.text), locale, origin: "converted", isFallback: false };
  }
  const resolved = resolveText(value, locale, textFallbacks[locale]);
  if (resolved && isTraditionalChinese(locale) && resolved.locale === "zh-CN") {
    return { ...resolved, text: toTraditional(resolved.text), locale, origin: "converted" };
  }
  return resolved;
}

/** Plain string for titles, meta tags and lists. */
export function displayTextIn(value: unknown, locale: Locale): string {
  return displayText(value, locale)?.text ?? "";
}

/**
 * A label from structured data (vocabularies, HS titles, country names) in
 * the reader's script: these are ours, not the user's, so no mark.
 */
export function displayLabel(text: string, locale: Locale): string {
  return isTraditionalChinese(locale) ? toTraditional(text) : text;
}
