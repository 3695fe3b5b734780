import ISO6391 from "iso-639-1";

/** A language code named in the reader's language ("pt" → "português"), via Intl. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? ISO6391.getName(code) ?? code;
  } catch {
    return ISO6391.getName(code) || code;
  }
}

export function languageOptions(codes: readonly string[], locale: string) {
  return codes.map((code) => ({ value: code, label: languageName(code, locale) }));
}
