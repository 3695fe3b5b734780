/**
 * HS codes as people type them: "9405", "9405.11", "9405 11", "940511",
 * "9405.11.00" (a national 8-digit line). Pure, shared by forms, imports and
 * search. Stored codes are digits only: 2 (chapter), 4 (heading) or 6
 * (subheading).
 */
export type HsLevel = 2 | 4 | 6;

/** Digits of a code-like input, or null when it isn't one. */
export function normalizeHsCode(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d[\d.\s-]*$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[.\s-]/g, "");
  if (digits.length < 2 || digits.length > 10) return null;
  return digits;
}

/** The 2-, 4- or 6-digit code an input designates (longer national codes cut to 6). */
export function hsCodeAtLevel(input: string): string | null {
  const digits = normalizeHsCode(input);
  if (!digits) return null;
  if (digits.length >= 6) return digits.slice(0, 6);
  if (digits.length >= 4) return digits.slice(0, 4);
  return digits.slice(0, 2);
}

export function hsLevel(code: string): HsLevel {
  return (code.length >= 6 ? 6 : code.length >= 4 ? 4 : 2) as HsLevel;
}

/** "940511" → "9405.11"; "9405" → "9405"; "94" → "94". */
export function formatHsCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
}

/** Chapter, heading and subheading a code belongs to, shortest first. */
export function hsAncestors(code: string): string[] {
  return [2, 4, 6].filter((length) => code.length >= length).map((length) => code.slice(0, length));
}

/** Whether `code` is `other` or lies under it ("940511" is under "9405" and "94"). */
export function hsIsWithin(code: string, other: string): boolean {
  return code.startsWith(other);
}

/**
 * What a tariff line is, without its qualifiers: the part of its title
 * before the first ";" (and, when `brief`, before a ":" or parenthesis), cut
 * at `max` characters. "Luminaires and light fittings; including
 * searchlights…" → "Luminaires and light fittings".
 */
export function hsHeadline(title: string, max = 60, brief = true): string {
  const head = title.split(brief ? /[;:(；：（]/ : /[;；]/)[0].replace(/[,，、\s]+$/, "").trim();
  return head.length > max ? `${head.slice(0, max - 1).trimEnd()}…` : head;
}
