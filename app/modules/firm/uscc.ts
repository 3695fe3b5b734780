/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and capitals without
 * I, O, Z, S, V): registration authority, organisation type, 6-digit
 * administrative division, 9-character organisation code, check character.
 * The check character is 31 − (Σ value×weight mod 31), 31 written as 0.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normalizeUscc(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check];
}

export type UsccProblem = "length" | "characters" | "division" | "checksum";

/** Why a code is not a valid USCC, or null when it is. */
export function usccProblem(input: string): UsccProblem | null {
  const code = normalizeUscc(input);
  if (code.length !== 18) return "length";
  if ([...code].some((char) => !ALPHABET.includes(char))) return "characters";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "division";
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : "checksum";
}

export function isValidUscc(input: string): boolean {
  return usccProblem(input) === null;
}

/** Completes 17 characters with their check character (for demo data and tests). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`Not 17 USCC characters: ${first17}`);
  return first17 + check;
}
