import type { Locale } from "~/i18n/config";
import { displayLabel, displayText } from "~/modules/i18n-text/display.server";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { modelNumber, structuredTitle } from "./title";
import { specSheet } from "./vocabulary";

/**
 * How a product's title reads in a language, and why:
 * - "author"/"machine"/"converted": text somebody wrote (or that was
 *   translated or script-converted from it) in this language;
 * - "structured": nobody wrote one, so it is built from the product type and
 *   attributes (structuredTitle), which are data and exist in every language;
 * - "fallback": no text and no known type: another language's text, with
 *   `locale` saying which.
 */
export type TitleKind = "author" | "machine" | "converted" | "structured" | "fallback";

export interface ProductTitle {
  text: string;
  kind: TitleKind;
  /** Language of `text` (differs from the reader's for "fallback"). */
  locale: string;
}

export function productTitle(name: unknown, attributes: unknown, locale: Locale): ProductTitle {
  const written = displayText(name, locale);
  if (written && !written.isFallback) return { text: written.text, kind: written.origin, locale: written.locale };
  const built = structuredTitle(attributes, locale, writtenModel(name));
  if (built) return { text: displayLabel(built, locale), kind: "structured", locale };
  if (written) return { text: written.text, kind: "fallback", locale: written.locale };
  return { text: "", kind: "fallback", locale };
}

/** The model number in the firm's own name for the product, in whichever language it wrote one. */
function writtenModel(name: unknown): string | null {
  for (const entry of Object.values(asLocalizedText(name))) {
    const model = entry && entry.origin === "author" ? modelNumber(entry.text) : null;
    if (model) return model;
  }
  return null;
}

/** A free text (description) in the reader's language, or another's with a mark; null when there is none. */
export function productDescription(description: unknown, locale: Locale) {
  const resolved = displayText(description, locale);
  return resolved ? { text: resolved.text, origin: resolved.origin, locale: resolved.locale, isFallback: resolved.isFallback } : null;
}

/** The spec sheet with labels and values in the reader's language and script. */
export function productSpecs(attributes: unknown, locale: Locale) {
  return specSheet(attributes, locale).map((row) => ({ key: row.key, label: displayLabel(row.label, locale), value: displayLabel(row.value, locale) }));
}
