import { hsCodeAtLevel } from "./hs-code";

/**
 * A list of HS codes as people type it in one field: "9405.11, 8516 ; 940542",
 * with or without dots. Pure; whether each code exists is checked on the
 * server against the nomenclature.
 */
export function parseHsCodeList(input: string, levels: readonly (2 | 4 | 6)[]): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const item of input.split(/[,;，；、\s]+/).map((part) => part.trim()).filter(Boolean)) {
    const code = /^\d[\d.]*$/.test(item) ? hsCodeAtLevel(item) : null;
    const digits = item.replace(/\./g, "");
    // A chapter or heading typed where only longer codes are wanted is invalid, not cut.
    if (!code || !levels.includes(code.length as 2 | 4 | 6) || (digits.length !== code.length && digits.length < 8)) invalid.push(item);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}
