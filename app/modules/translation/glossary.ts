/**
 * Glossary protection. Pure. Terms of the product vocabulary and HS titles are
 * replaced by placeholders before a text goes to a translation engine and put
 * back, in the target language's wording, after: "吸顶灯" comes back as
 * "luminária de teto", never as "suction lamp".
 */
export type GlossaryLanguage = "zh" | "en" | "pt";

/** One concept in each language that has a word for it (first = preferred). */
export type GlossaryEntry = Partial<Record<GlossaryLanguage, string[]>>;

export interface Protected {
  text: string;
  /** Placeholder number → the entry it stands for and the words it replaced. */
  terms: { entry: GlossaryEntry; original: string }[];
}

const HAN = /\p{Script=Han}/u;
/** Portuguese letters or small words English does not have. */
const PORTUGUESE = /[ãõçáéíóúâêôà]|\b(de|do|da|dos|das|para|com)\b/i;

/** The language of a vocabulary word (the shipped groups are not labelled). */
export function termLanguage(term: string): GlossaryLanguage {
  if (HAN.test(term)) return "zh";
  return PORTUGUESE.test(term) ? "pt" : "en";
}

/** A glossary entry from an unlabelled synonym group ({吸顶灯, ceiling light, luminária de teto}). */
export function entryFromGroup(group: readonly string[]): GlossaryEntry {
  const entry: GlossaryEntry = {};
  for (const term of group) {
    const trimmed = term.trim();
    if (!trimmed) continue;
    const language = termLanguage(trimmed);
    (entry[language] ??= []).push(trimmed);
  }
  return entry;
}

/** The placeholder for term number `n`; engines leave such brackets alone. */
export const placeholder = (n: number) => `⟦${n}⟧`;
const PLACEHOLDER = /⟦\s*(\d+)\s*⟧/g;

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces glossary terms of `sourceLang` found in `text` by placeholders,
 * longest first, whole words only for alphabetic scripts. Only entries that
 * have a word in `targetLang` are protected (the engine translates the rest).
 */
export function protectTerms(text: string, glossary: readonly GlossaryEntry[], sourceLang: string, targetLang: string): Protected {
  const candidates: { term: string; entry: GlossaryEntry }[] = [];
  for (const entry of glossary) {
    if (!entry[targetLang as GlossaryLanguage]?.length) continue;
    for (const term of entry[sourceLang as GlossaryLanguage] ?? []) if (term.length >= 2) candidates.push({ term, entry });
  }
  candidates.sort((a, b) => b.term.length - a.term.length);
  const terms: Protected["terms"] = [];
  let out = text;
  for (const { term, entry } of candidates) {
    const pattern = HAN.test(term) ? escapeRegExp(term) : `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`;
    out = out.replace(new RegExp(pattern, "giu"), (match) => {
      terms.push({ entry, original: match });
      return placeholder(terms.length - 1);
    });
  }
  return { text: out, terms };
}

/** Placeholders back to the target language's words; null when the engine lost or invented one. */
export function restoreTerms(translated: string, protectedText: Protected, targetLang: string): string | null {
  const seen = new Set<number>();
  let broken = false;
  const restored = translated.replace(PLACEHOLDER, (_match, digits: string) => {
    const n = Number(digits);
    const term = protectedText.terms[n];
    if (!term) {
      broken = true;
      return "";
    }
    seen.add(n);
    return term.entry[targetLang as GlossaryLanguage]?.[0] ?? term.original;
  });
  if (broken || seen.size !== protectedText.terms.length) return null;
  return restored;
}
