import { isLocale, localeFromTag, type Locale } from "~/i18n/config";
import { productTypes } from "~/modules/product/vocabulary";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { singleton } from "~/utils/singleton.server";
import { hsLevel, type HsLevel } from "./hs-code";
import { hsTitle, loadHsNomenclature, type HsEntry } from "./nomenclature.server";

/**
 * HS code suggestions for the HS picker and `GET /api/v1/hs/suggest`: from
 * digits ("9405", "9405.11", "940511", "9405.11.00") or from words in
 * Chinese (Simplified or Traditional), English or Portuguese, accents and
 * case ignored. Answered in-process from the nomenclature plus the product
 * vocabulary's names (a firm types "吸顶灯", the tariff says
 * "天花板…照明装置"); the search module may later answer the same
 * function from a Meilisearch index, so callers depend on this signature only.
 */
export interface HsSuggestion {
  code: string;
  level: HsLevel;
  title: string;
}

export interface HsSuggestInput {
  q: string;
  /** Language of the titles: a Ponte locale or a tag such as "pt-BR"; English otherwise. */
  lang?: string;
  limit?: number;
}

export const HS_QUERY_MAX_LENGTH = 200;
export const HS_SUGGEST_MAX_LIMIT = 50;

export type HsQueryProblem = "tooLong" | "controlCharacters";

/** A query the API answers with 400 rather than with suggestions. */
export class HsQueryError extends Error {
  constructor(readonly problem: HsQueryProblem) {
    super(`Bad HS query: ${problem}`);
    this.name = "HsQueryError";
  }
}

export type HsQuery =
  | { kind: "empty" }
  | { kind: "code"; digits: string }
  | { kind: "words"; latin: string[]; han: string[] };

/** Latin words folded for matching: "Luminárias" → "luminarias". */
export function foldLatin(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[a-z0-9]+/g;
// Words that carry no meaning on their own in the three languages' titles.
const STOP_WORDS = new Set(["a", "an", "and", "as", "de", "da", "das", "do", "dos", "e", "em", "for", "in", "of", "or", "ou", "para", "the", "with", "com", "not", "nao"]);

/** Reads a query; throws HsQueryError for input the API refuses. Pure. */
export function parseHsQuery(input: string): HsQuery {
  if (input.length > HS_QUERY_MAX_LENGTH) throw new HsQueryError("tooLong");
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(input)) throw new HsQueryError("controlCharacters");
  const text = input.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!text) return { kind: "empty" };
  if (/^\d[\d.\s-]*$/.test(text)) {
    const digits = text.replace(/[.\s-]/g, "");
    return digits.length <= 10 ? { kind: "code", digits: digits.slice(0, 6) } : { kind: "empty" };
  }
  const folded = foldLatin(text);
  const words = [...new Set(folded.replace(HAN_RUN, " ").match(LATIN_WORD) ?? [])];
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const latin = meaningful.length ? meaningful : words;
  const han = [...new Set((text.match(HAN_RUN) ?? []).map((run) => toSimplified(run)))];
  if (!latin.length && !han.length) return { kind: "empty" };
  return { kind: "words", latin, han };
}

interface IndexedEntry {
  entry: HsEntry;
  /** Chinese text: tariff title and the vocabulary's Chinese names (Simplified). */
  han: string;
  /** Vocabulary names only: a match there is what people call the product. */
  hanSynonyms: string[];
}

interface HsSearchIndex {
  entries: IndexedEntry[];
  /** Sorted distinct Latin tokens, for prefix lookup by binary search. */
  tokens: string[];
  /** token → entry index → weight (2 for a vocabulary name, 1 for a title). */
  postings: Map<string, Map<number, number>>;
}

function buildIndex(): HsSearchIndex {
  const { entries } = loadHsNomenclature();
  const synonyms = new Map<string, { latin: string[]; han: string[] }>();
  for (const type of productTypes) {
    const names = synonyms.get(type.hs) ?? { latin: [], han: [] };
    names.latin.push(type.names.en, type.names.pt);
    names.han.push(type.names["zh-CN"]);
    // The vocabulary's Chinese names carry Latin too ("LED吸顶灯").
    synonyms.set(type.hs, names);
  }
  const postings = new Map<string, Map<number, number>>();
  const add = (text: string, index: number, weight: number) => {
    for (const token of foldLatin(text).match(LATIN_WORD) ?? []) {
      const posting = postings.get(token) ?? new Map<number, number>();
      posting.set(index, Math.max(posting.get(index) ?? 0, weight));
      postings.set(token, posting);
    }
  };
  const indexed = entries.map((entry, index) => {
    const names = synonyms.get(entry.code);
    for (const title of [entry.titles.en, entry.titles.pt, entry.titles["zh-CN"]]) if (title) add(title, index, 1);
    for (const name of [...(names?.latin ?? []), ...(names?.han ?? [])]) add(name, index, 2);
    const hanSynonyms = names?.han ?? [];
    return { entry, hanSynonyms, han: [entry.titles["zh-CN"] ?? "", ...hanSynonyms].join(" ") };
  });
  return { entries: indexed, tokens: [...postings.keys()].sort(), postings };
}

function searchIndex(): HsSearchIndex {
  return singleton("hsSuggestIndex", buildIndex);
}

/** Entry index → score for one Latin word: exact token beats prefix, names beat titles. */
function matchLatinWord(index: HsSearchIndex, word: string): Map<number, number> {
  const scores = new Map<number, number>();
  const variants = [word];
  // Plurals: "lamps" finds "lamp", "luminarias" finds "luminaria".
  if (word.length > 3 && word.endsWith("s")) variants.push(word.slice(0, -1));
  for (const variant of variants) {
    let low = 0;
    let high = index.tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (index.tokens[mid] < variant) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < index.tokens.length && index.tokens[i].startsWith(variant); i++) {
      const token = index.tokens[i];
      const exact = token === variant || token === word;
      for (const [entry, weight] of index.postings.get(token)!) {
        const score = weight * (exact ? 3 : 2);
        if (score > (scores.get(entry) ?? 0)) scores.set(entry, score);
      }
    }
  }
  return scores;
}

function matchHanRun(index: HsSearchIndex, run: string): Map<number, number> {
  const scores = new Map<number, number>();
  // A long run ("吸顶灯具") may not appear whole: accept entries with all its pairs of characters.
  const pairs = run.length > 2 ? Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)) : [];
  index.entries.forEach((item, i) => {
    if (!item.han.trim()) return;
    // Chinese puts the head noun last: 吸顶灯 is a 灯, 家具锁 is a 锁, not a 家具.
    if (item.hanSynonyms.some((name) => name.endsWith(run))) scores.set(i, 9);
    else if (item.han.includes(run)) scores.set(i, 4);
    else if (pairs.length && pairs.every((pair) => item.han.includes(pair))) scores.set(i, 2);
  });
  return scores;
}

/** Headings and subheadings are what products are classified under; chapters are broad. */
const LEVEL_BONUS: Record<HsLevel, number> = { 2: 0, 4: 1, 6: 0.5 };

function titleLocale(lang: string | undefined): Locale {
  if (!lang) return "en";
  if (isLocale(lang)) return lang;
  return localeFromTag(lang) ?? "en";
}

/**
 * Tariff titles start with what the line is ("Furniture; …", "Outros móveis",
 * "家具；…"): a query word there outranks the same word in an exclusion or a
 * "for furniture" qualifier.
 */
function headNounBonus(entry: HsEntry, query: { latin: string[]; han: string[] }): number {
  const starts = [entry.titles.en, entry.titles.pt].map((title) => foldLatin(title ?? "").replace(/^outr[oa]s /, ""));
  const latin = query.latin.filter((word) => starts.some((start) => start.startsWith(word))).length;
  const han = query.han.filter((run) => entry.titles["zh-CN"]?.startsWith(run)).length;
  return 3 * (latin + han);
}

/** Suggestions for the picker; throws HsQueryError for input the API refuses. */
export async function suggestHsCodes({ q, lang, limit = 10 }: HsSuggestInput): Promise<HsSuggestion[]> {
  const query = parseHsQuery(q);
  const locale = titleLocale(lang);
  const size = Math.min(Math.max(1, Math.trunc(limit) || 10), HS_SUGGEST_MAX_LIMIT);
  const suggestion = (entry: HsEntry): HsSuggestion => ({ code: entry.code, level: entry.level, title: hsTitle(entry.code, locale) ?? "" });
  if (query.kind === "empty") return [];
  const { entries } = loadHsNomenclature();
  if (query.kind === "code") {
    // The code itself first, then what lies under it, in code order.
    return entries
      .filter((entry) => entry.code.startsWith(query.digits))
      .sort((a, b) => Number(b.code === query.digits) - Number(a.code === query.digits) || a.code.localeCompare(b.code))
      .slice(0, size)
      .map(suggestion);
  }
  const index = searchIndex();
  let combined: Map<number, number> | null = null;
  for (const scores of [...query.latin.map((word) => matchLatinWord(index, word)), ...query.han.map((run) => matchHanRun(index, run))]) {
    if (!combined) combined = scores;
    else {
      const next = new Map<number, number>();
      for (const [entry, score] of combined) {
        const other = scores.get(entry);
        if (other !== undefined) next.set(entry, score + other);
      }
      combined = next;
    }
  }
  return [...(combined ?? new Map<number, number>())]
    .map(([i, score]) => {
      const entry = index.entries[i].entry;
      return { entry, score: score + LEVEL_BONUS[hsLevel(entry.code)] + headNounBonus(entry, query) };
    })
    .sort((a, b) => b.score - a.score || a.entry.code.length - b.entry.code.length || a.entry.code.localeCompare(b.entry.code))
    .slice(0, size)
    .map(({ entry }) => suggestion(entry));
}
