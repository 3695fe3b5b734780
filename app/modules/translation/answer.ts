import { createHash } from "node:crypto";

/**
 * What is accepted from an engine, and the hash that ties a translation to
 * the text it was made from. Pure.
 */

/** A translation this much longer than its source (plus some slack for short texts) is not one. */
export const MAX_LENGTH_RATIO = 10;
const LENGTH_SLACK = 200;
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

export type AnswerProblem = "not-text" | "empty" | "markup" | "too-long";

export function checkTranslation(source: string, answer: unknown): { ok: true; text: string } | { ok: false; problem: AnswerProblem } {
  if (typeof answer !== "string") return { ok: false, problem: "not-text" };
  if (source.trim() && !answer.trim()) return { ok: false, problem: "empty" };
  // An engine that answers an error page, or adds markup the source did not have.
  if (MARKUP.test(answer) && !MARKUP.test(source)) return { ok: false, problem: "markup" };
  if (answer.length > source.length * MAX_LENGTH_RATIO + LENGTH_SLACK) return { ok: false, problem: "too-long" };
  return { ok: true, text: answer };
}

/** The source text's fingerprint: a translation made from another text is stale. */
export function sourceHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex");
}

/** Retry number `attempts` (1-based) waits 30 s, 1 min, 2 min, ... at most an hour. */
export function translationBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}
export const MAX_TRANSLATION_ATTEMPTS = 6;
