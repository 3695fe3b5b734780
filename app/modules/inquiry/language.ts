import { detectAll } from "tinyld";
import { commonLanguages } from "~/modules/reference/languages.server";

/**
 * The language a message is written in, shown next to it so the reader knows
 * what they are reading (and what to paste into a translator).
 *
 * Detected from the text with tinyld (pure JavaScript, no model download);
 * short texts ("OK", "Preço?") and texts made of symbols or markup carry too
 * little signal, so they take the author's interface language instead, and
 * `source` says which of the two it was.
 */
export interface MessageLanguage {
  /** ISO 639-1 code: "pt", "zh", "en", ... */
  language: string;
  source: "detected" | "locale";
}

/** tinyld's accuracy below which its first choice is no better than its second. */
const UNSURE = 0.5;
/** Below this many letters a detection is a guess. */
const MIN_LETTERS = 12;
const HAN = /\p{Script=Han}/gu;

export function languageOfLocale(locale: string): string {
  return locale.split("-")[0].toLowerCase();
}

export function detectMessageLanguage(text: string, authorLocale: string): MessageLanguage {
  const fallback: MessageLanguage = { language: languageOfLocale(authorLocale), source: "locale" };
  // Markup and links say nothing about the language of the prose around them.
  const prose = text.replace(/<[^>]*>/g, " ").replace(/\bhttps?:\/\/\S+/g, " ");
  const letters = prose.match(/\p{L}/gu)?.length ?? 0;
  const han = prose.match(HAN)?.length ?? 0;
  // Chinese is unmistakable from a few characters; Latin-script text is not.
  if (han >= 2 && han / Math.max(letters, 1) > 0.5) return { language: "zh", source: "detected" };
  if (letters < MIN_LETTERS) return fallback;
  // Only languages people trade in here: an open choice among tinyld's 60
  // once read a Portuguese offer as Volapük.
  const candidates = detectAll(prose, { only: [...commonLanguages] });
  const [best] = candidates;
  if (!best?.lang) return fallback;
  // An unsure call between close languages (short Portuguese often scores
  // as Spanish) goes to the author's own language when it is a contender.
  if (best.accuracy < UNSURE && candidates.slice(0, 3).some((candidate) => candidate.lang === fallback.language)) {
    return { language: fallback.language, source: "detected" };
  }
  return { language: best.lang, source: "detected" };
}
