/**
 * Parsers for the cells of import files. Pure: each returns the value or the
 * code of what is wrong with the cell (translated later, in the reader's
 * language, under `import:issues.<code>`).
 */
import ISO6391 from "iso-639-1";
import { usccProblem, normalizeUscc } from "~/modules/firm/uscc";

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: string, params?: Record<string, string | number>): Parsed<never> => ({ ok: false, code, params });

export const LIMITS = {
  externalId: 64,
  name: 200,
  description: 5000,
  website: 300,
  email: 254,
  phone: 40,
  listItems: 60,
  moqMax: 100_000_000,
  priceMax: 10_000_000,
  leadTimeMax: 365,
  foundedMin: 1800,
} as const;

/** Text cell: trimmed, null when empty, an error past `max` characters. */
export function parseText(cell: string, max: number): Parsed<string | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  if ([...text].length > max) return fail("tooLong", { max });
  return ok(text);
}

/** External ids: letters, digits and - _ . : / #, as the bureau's registers use. */
export function parseExternalId(cell: string): Parsed<string> {
  const text = cell.trim();
  if (!text) return fail("required");
  if (text.length > LIMITS.externalId) return fail("tooLong", { max: LIMITS.externalId });
  if (!/^[\p{L}\p{N}_.:/#-]+$/u.test(text)) return fail("externalIdFormat");
  return ok(text);
}

/** A `;`-separated list (the full-width ；too); blanks dropped, duplicates kept once. */
export function splitList(cell: string): string[] {
  const items = cell
    .split(/[;；]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

export function parseList<T>(cell: string, item: (text: string) => T | null, code: string): Parsed<T[]> {
  const items = splitList(cell);
  if (items.length > LIMITS.listItems) return fail("tooManyItems", { max: LIMITS.listItems });
  const values: T[] = [];
  const unknown: string[] = [];
  for (const text of items) {
    const value = item(text);
    if (value === null) unknown.push(text);
    else if (!values.includes(value)) values.push(value);
  }
  if (unknown.length) return fail(code, { values: unknown.join("; ") });
  return ok(values);
}

export function countryCode(isCountryCode: (code: string) => boolean) {
  return (text: string) => {
    const code = text.toUpperCase();
    return /^[A-Z]{2}$/.test(code) && isCountryCode(code) ? code : null;
  };
}

export function languageCode(text: string): string | null {
  const code = text.toLowerCase();
  return /^[a-z]{2}$/.test(code) && ISO6391.validate(code) ? code : null;
}

/**
 * An HS code as a spreadsheet may hold it: with or without dots, and with
 * the zeros a number cell loses ("101.21" for 0101.21, "9405.1" for
 * 9405.10). Returns the digits: a 4-digit heading, a 6-digit subheading,
 * or a national code (8-digit NCM, 10-digit Chinese tariff) kept whole.
 */
export function parseImportHsCode(cell: string): Parsed<string> {
  const text = cell.trim();
  if (!text) return fail("required");
  if (!/^\d[\d.\s]*$/.test(text)) return fail("hsFormat", { value: text });
  const [head, ...rest] = text.split(".").map((part) => part.replace(/\s+/g, ""));
  let digits = head.length % 2 === 1 ? `0${head}` : head;
  for (const part of rest) {
    // A lone digit after a dot lost its trailing zero; three digits are a typo.
    if (part.length % 2 === 1 && part.length > 1) return fail("hsFormat", { value: text });
    digits += part.length === 1 ? `${part}0` : part;
  }
  if (digits.length === 2) return fail("hsTooGeneral", { value: text });
  if (![4, 6, 8, 10].includes(digits.length)) return fail("hsFormat", { value: text });
  return ok(digits);
}

/** A whole number: "1000", "1,000", "1 000", or a number cell's "1000". */
export function parseInteger(cell: string, min: number, max: number): Parsed<number | null> {
  const text = cell.trim().replace(/[,\s]/g, "");
  if (!text) return ok(null);
  if (!/^\d+(\.0+)?$/.test(text)) return fail("integer");
  const value = Number.parseInt(text, 10);
  if (value < min || value > max) return fail("outOfRange", { min, max });
  return ok(value);
}

/** A price in USD, rounded to cents: "12.5", "$12.50", "12.50 USD", "1,200". */
export function parseUsd(cell: string): Parsed<string | null> {
  const text = cell
    .trim()
    .replace(/^(US)?\$/i, "")
    .replace(/USD$/i, "")
    .replace(/[,\s]/g, "");
  if (!text) return ok(null);
  if (!/^\d+(\.\d+)?$/.test(text)) return fail("number");
  const value = Number(text);
  if (!Number.isFinite(value) || value > LIMITS.priceMax) return fail("outOfRange", { min: 0, max: LIMITS.priceMax });
  return ok((Math.round(value * 100) / 100).toFixed(2));
}

export const employeeBands = ["1-49", "50-99", "100-299", "300-999", "1000+"] as const;

/** A band as listed, or a head count that falls in one. */
export function parseEmployees(cell: string): Parsed<string | null> {
  const text = cell.trim().replace(/\s+/g, "").replace(/[–—]/g, "-");
  if (!text) return ok(null);
  if ((employeeBands as readonly string[]).includes(text)) return ok(text);
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count < 1) return fail("employees");
    return ok(count < 50 ? "1-49" : count < 100 ? "50-99" : count < 300 ? "100-299" : count < 1000 ? "300-999" : "1000+");
  }
  return fail("employees", { bands: employeeBands.join(", ") });
}

export function parseYear(cell: string, thisYear: number): Parsed<number | null> {
  return parseInteger(cell, LIMITS.foundedMin, thisYear);
}

/** A web address; "www.example.cn" gets https:// in front. */
export function parseWebsite(cell: string): Parsed<string | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  if (text.length > LIMITS.website) return fail("tooLong", { max: LIMITS.website });
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".")) return fail("url");
    return ok(url.toString());
  } catch {
    return fail("url");
  }
}

export function parseEmail(cell: string): Parsed<string | null> {
  const text = cell.trim().toLowerCase();
  if (!text) return ok(null);
  if (text.length > LIMITS.email) return fail("tooLong", { max: LIMITS.email });
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? ok(text) : fail("email");
}

export function parsePhone(cell: string): Parsed<string | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  if (text.length > LIMITS.phone) return fail("tooLong", { max: LIMITS.phone });
  return /^\+?[\d\s()./-]{5,}(\s*(ext\.?|x|转)\s*\d+)?$/i.test(text) ? ok(text) : fail("phone");
}

export function parseUscc(cell: string): Parsed<string | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  const problem = usccProblem(text);
  return problem ? fail(`uscc.${problem}`) : ok(normalizeUscc(text));
}
