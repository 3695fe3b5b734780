/**
 * User-written text in several languages, stored as JSON:
 *   { "zh-CN": { "text": "LED吸顶灯", "origin": "author" },
 *     "en":    { "text": "LED ceiling light", "origin": "author" } }
 * origin: "author" (written by a person), "converted" (script conversion,
 * e.g. Simplified → Traditional), "machine" (machine translation).
 */
export const textOrigins = ["author", "converted", "machine"] as const;
export type TextOrigin = (typeof textOrigins)[number];

export interface TextEntry {
  text: string;
  origin: TextOrigin;
}

export type LocalizedText = Partial<Record<string, TextEntry>>;

export interface ResolvedText {
  text: string;
  /** The locale the text is in (may differ from the one asked for). */
  locale: string;
  origin: TextOrigin;
  /** True when the asked-for locale had no text and another was used. */
  isFallback: boolean;
}

/** Parses a stored JSON value defensively: bad entries are dropped. */
export function asLocalizedText(value: unknown): LocalizedText {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const result: LocalizedText = {};
  for (const [locale, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!entry || typeof entry !== "object") continue;
    const { text, origin } = entry as Record<string, unknown>;
    if (typeof text !== "string" || !text.trim()) continue;
    result[locale] = {
      text,
      origin: textOrigins.includes(origin as TextOrigin) ? (origin as TextOrigin) : "author",
    };
  }
  return result;
}

/** Text written by people in the given locales (empty values are left out). */
export function authored(values: Partial<Record<string, string | null | undefined>>): LocalizedText {
  const result: LocalizedText = {};
  for (const [locale, text] of Object.entries(values)) {
    const trimmed = text?.trim();
    if (trimmed) result[locale] = { text: trimmed, origin: "author" };
  }
  return result;
}

/**
 * The text to show in `locale`: its own entry, else the first of `fallbacks`
 * that exists, else any entry. Null when there is no text at all.
 */
export function resolveText(value: unknown, locale: string, fallbacks: readonly string[] = []): ResolvedText | null {
  const text = asLocalizedText(value);
  const own = text[locale];
  if (own) return { text: own.text, locale, origin: own.origin, isFallback: false };
  // A regional reader ("pt-BR") reads text written in the language ("pt") as their own.
  const language = locale.split("-")[0];
  const plain = language !== locale ? text[language] : undefined;
  if (plain && language === "pt") return { text: plain.text, locale: language, origin: plain.origin, isFallback: false };
  const order = [...fallbacks, ...Object.keys(text)];
  for (const candidate of order) {
    const entry = text[candidate];
    if (entry) return { text: entry.text, locale: candidate, origin: entry.origin, isFallback: true };
  }
  return null;
}

/** Plain string for places that can't show marks (titles, e-mails, search documents). */
export function textIn(value: unknown, locale: string, fallbacks: readonly string[] = []): string {
  return resolveText(value, locale, fallbacks)?.text ?? "";
}

/** Locales in which a person wrote text. */
export function authoredLocales(value: unknown): string[] {
  return Object.entries(asLocalizedText(value))
    .filter(([, entry]) => entry?.origin === "author")
    .map(([locale]) => locale);
}

/**
 * The stored text after somebody edits some locales of it: a locale whose
 * text is unchanged keeps its entry (and origin — a machine translation left
 * as it was stays marked "machine"); changed text becomes "author"; an
 * emptied field removes the locale. Locales not in `edits` are kept.
 */
export function mergeAuthored(before: unknown, edits: Partial<Record<string, string | null | undefined>>): LocalizedText {
  const result: LocalizedText = { ...asLocalizedText(before) };
  for (const [locale, value] of Object.entries(edits)) {
    const text = value?.trim();
    if (!text) delete result[locale];
    else if (result[locale]?.text !== text) result[locale] = { text, origin: "author" };
  }
  return result;
}
