/**
 * How an imported row changes a stored record. Pure helpers, so that
 * importing the same file twice is recognised as "nothing changed".
 */
import { asLocalizedText, type LocalizedText } from "~/modules/i18n-text/localized-text";
import type { TextColumns } from "./rows";

/**
 * The stored text with the file's zh/en/pt columns applied: an empty cell
 * removes that language, a changed one replaces it as written by a person.
 * When any written text changes, texts derived from the old ones
 * (converted to Traditional, machine-translated) are dropped: they no longer
 * say the same thing.
 */
export function mergeImportedText(stored: unknown, columns: TextColumns): LocalizedText {
  const before = asLocalizedText(stored);
  const after: LocalizedText = { ...before };
  let changed = false;
  for (const [locale, text] of Object.entries(columns) as [keyof TextColumns, string | null][]) {
    const current = before[locale];
    if (text === null) {
      // Exports write only text people wrote: an empty cell removes that, not a translation.
      if (current?.origin === "author") {
        delete after[locale];
        changed = true;
      }
    } else if (!current || current.text !== text || current.origin !== "author") {
      after[locale] = { text, origin: "author" };
      changed = true;
    }
  }
  if (changed) {
    for (const [locale, entry] of Object.entries(after)) {
      if (entry && entry.origin !== "author") delete after[locale];
    }
  }
  return after;
}

/** Text for a new record: the languages that have a value. */
export function importedText(columns: TextColumns): LocalizedText {
  return mergeImportedText({}, columns);
}

/** A firm's certifications: dates already stored for a code are kept. */
export function mergeFirmCertifications(stored: unknown, codes: string[]): { code: string; validFrom?: string; validUntil?: string }[] {
  const existing = Array.isArray(stored) ? (stored as { code?: unknown }[]) : [];
  return codes.map((code) => {
    const found = existing.find((entry) => entry && entry.code === code) as { code: string; validFrom?: string; validUntil?: string } | undefined;
    return found ?? { code };
  });
}

/** JSON with object keys sorted, so equal values compare equal whatever the key order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
