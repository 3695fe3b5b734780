/**
 * The product a query asks for: its head noun, read against the product
 * vocabulary and its synonym groups. Pure (no I/O).
 *
 * "luminária LED para teto" asks for a luminária (a light), "ventilador de
 * teto" for a fan, "ceiling light fixture" for a ceiling light, "客厅吸顶灯"
 * for a 吸顶灯. Portuguese names the thing first and qualifies it after
 * (de/para/com…): the head is the leftmost term. English qualifies before the
 * noun: the head is the rightmost term. Chinese ends with the noun: the head
 * is the vocabulary term the query ends with. At one position the longest
 * term wins ("mesa de escritório" is an office desk, not any table).
 *
 * The search boosts the products of the head's types above the others, and
 * says so when the catalogue has none ("ar condicionado").
 */
export type HeadLanguage = "zh" | "en" | "pt";

export interface HeadSource {
  key: string;
  /** Names by language; Portuguese may be one word or one per variant. */
  names: Record<string, string | undefined>;
  plain?: Record<string, string | undefined>;
}

export interface HeadEntry {
  /** Normalized tokens (Latin) or the normalized text (Chinese). */
  tokens: string[];
  lang: HeadLanguage;
  /** Product types the term names; empty for a product the vocabulary does not have. */
  types: string[];
}

export interface HeadIndex {
  latin: HeadEntry[];
  chinese: HeadEntry[];
}

export interface Head {
  /** The words of the query that name the head, as the buyer typed them. */
  term: string;
  /** Product types it names (empty: a product the catalogue has no type for). */
  types: string[];
}

/**
 * Products buyers ask for that the vocabulary has no type for: recognised,
 * so that the answer can say the catalogue has none instead of showing
 * whatever shares a word ("ar condicionado" is not a range hood).
 */
export const productsWithoutType: { names: Record<HeadLanguage, string[]> }[] = [
  { names: { pt: ["ar condicionado", "ar-condicionado", "condicionador de ar"], en: ["air conditioner", "air conditioning", "aircon"], zh: ["空调", "冷气机"] } },
  { names: { pt: ["máquina de lavar", "lavadora", "máquina de lavar roupa"], en: ["washing machine", "washer"], zh: ["洗衣机"] } },
  { names: { pt: ["televisão", "televisor", "tv"], en: ["television", "tv"], zh: ["电视", "电视机"] } },
  { names: { pt: ["lava-louças", "lava-loiça", "máquina de lavar louça", "máquina de lavar loiça"], en: ["dishwasher"], zh: ["洗碗机"] } },
  { names: { pt: ["aspirador", "aspirador de pó"], en: ["vacuum cleaner", "vacuum"], zh: ["吸尘器"] } },
];

/** Words that qualify a Portuguese noun; they never start a head. */
const portugueseLinks = new Set(["de", "da", "do", "das", "dos", "para", "com", "sem", "em", "a", "ao", "e", "no", "na"]);
/** Words that say nothing of the product's kind. */
const fillers = new Set(["led"]);

/** Lower case, no accents, Chinese untouched. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
}

const HAN = /\p{Script=Han}/u;

/** Latin words of a text, folded; "micro-ondas" and "t-shirt" stay one word. */
export function latinTokens(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.filter((token) => !HAN.test(token)) ?? [];
}

/** A query word and a term word are the same word, singular or plural. */
function sameWord(queryWord: string, termWord: string): boolean {
  if (queryWord === termWord) return true;
  if (queryWord === `${termWord}s` || queryWord === `${termWord}es` || termWord === `${queryWord}s`) return true;
  // luminária → luminárias is covered above; Portuguese -ão/-ões, -l/-is.
  if (termWord.endsWith("ao") && queryWord === `${termWord.slice(0, -2)}oes`) return true;
  if (termWord.endsWith("l") && queryWord === `${termWord.slice(0, -1)}is`) return true;
  return false;
}

function languageOf(key: string): HeadLanguage | null {
  if (key.startsWith("zh")) return "zh";
  if (key === "en") return "en";
  if (key === "pt" || key.startsWith("pt-")) return "pt";
  return null;
}

/** A name without the words that say nothing of the kind ("LED吸顶灯" → "吸顶灯"). */
function stripFillers(name: string): string {
  return name
    .replace(/led/giu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The index of head terms: every type's names (and plain names, and the
 * members of any synonym group holding one of them), plus each Latin name's
 * head word (a Portuguese name's first word, an English name's last) naming
 * every type that shares it, plus the products without a type.
 */
export function buildHeadIndex(types: readonly HeadSource[], synonymGroups: readonly (readonly string[])[] = []): HeadIndex {
  const terms = new Map<string, { lang: HeadLanguage; text: string; types: Set<string> }>();
  const add = (lang: HeadLanguage, text: string, type: string | null) => {
    const folded = lang === "zh" ? text.replace(/\s+/g, "") : latinTokens(text).join(" ");
    if (!folded) return;
    const id = `${lang}:${folded}`;
    const entry = terms.get(id) ?? { lang, text: folded, types: new Set<string>() };
    if (type) entry.types.add(type);
    terms.set(id, entry);
  };
  const groups = synonymGroups.map((group) => group.map((term) => foldText(term.trim())));
  for (const type of types) {
    const names: [HeadLanguage, string][] = [];
    for (const source of [type.names, type.plain ?? {}]) {
      for (const [key, name] of Object.entries(source)) {
        const lang = languageOf(key);
        if (lang && name) names.push([lang, name], [lang, stripFillers(name)]);
      }
    }
    for (const [lang, name] of names) {
      add(lang, name, type.key);
      if (lang === "zh") continue;
      const words = latinTokens(name).filter((word) => !fillers.has(word));
      const head = lang === "pt" ? words[0] : words[words.length - 1];
      if (head && !portugueseLinks.has(head)) add(lang, head, type.key);
    }
    const own = new Set(names.map(([, name]) => foldText(name)));
    for (const group of groups) {
      if (!group.some((term) => own.has(term))) continue;
      // A group does not say which language a Latin word is in: either.
      for (const term of group) for (const lang of HAN.test(term) ? (["zh"] as const) : (["en", "pt"] as const)) add(lang, term, type.key);
    }
  }
  for (const product of productsWithoutType) {
    for (const [lang, list] of Object.entries(product.names) as [HeadLanguage, string[]][]) for (const name of list) add(lang, name, null);
  }
  const entries = [...terms.values()].map((entry) => ({ tokens: entry.lang === "zh" ? [entry.text] : entry.text.split(" "), lang: entry.lang, types: [...entry.types].sort() }));
  return { latin: entries.filter((entry) => entry.lang !== "zh"), chinese: entries.filter((entry) => entry.lang === "zh") };
}

/**
 * The synonym groups head recognition reads: the shipped ones, then the
 * bureau's (terms trimmed, spaces collapsed, lower case; a group the base
 * already has, in any order, once). A bureau group holding a known product
 * name makes its other words name that product ({plafon, luminária de teto}:
 * "plafon" is a ceiling light); a group of words the vocabulary does not
 * know names nothing.
 */
export function headSynonymGroups(base: readonly (readonly string[])[], added: readonly (readonly string[])[]): string[][] {
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const raw of [...base, ...added]) {
    const group = [...new Set(raw.map((term) => term.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase()).filter(Boolean))];
    const key = [...group].sort().join("\u0000");
    if (group.length < 2 || seen.has(key)) continue;
    seen.add(key);
    groups.push(group);
  }
  return groups;
}

interface Match {
  start: number;
  end: number;
  entry: HeadEntry;
}

function latinMatches(words: string[], index: HeadIndex): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < words.length; start++) {
    for (const entry of index.latin) {
      const { tokens } = entry;
      if (start + tokens.length > words.length) continue;
      if (tokens.every((token, i) => sameWord(words[start + i], token))) matches.push({ start, end: start + tokens.length, entry });
    }
  }
  return matches;
}

/** The terms' type sets merged when one term is written alike in two languages. */
function merged(matches: Match[]): Match {
  const [first] = matches;
  const types = [...new Set(matches.flatMap((match) => match.entry.types))].sort();
  return { ...first, entry: { ...first.entry, types } };
}

/** The head of a query, or null when no vocabulary term is found in it. */
export function findHead(query: string, index: HeadIndex): Head | null {
  const text = query.normalize("NFC").trim();
  if (!text) return null;
  if (HAN.test(text)) {
    const compact = foldText(text).replace(/\s+/g, "");
    const candidates = index.chinese.filter((entry) => compact.endsWith(entry.tokens[0]));
    if (!candidates.length) return null;
    const longest = Math.max(...candidates.map((entry) => entry.tokens[0].length));
    const best = candidates.filter((entry) => entry.tokens[0].length === longest);
    return { term: best[0].tokens[0], types: [...new Set(best.flatMap((entry) => entry.types))].sort() };
  }
  const words = latinTokens(text);
  const matches = latinMatches(words, index);
  if (!matches.length) return null;
  const portuguese = words.some((word) => portugueseLinks.has(word)) || matches.some((match) => match.entry.lang === "pt" && !matches.some((other) => other !== match && other.entry.lang === "en" && other.start === match.start && other.end === match.end));
  const pool = matches.filter((match) => match.entry.lang === (portuguese ? "pt" : "en"));
  const candidates = pool.length ? pool : matches;
  // Portuguese: leftmost, then longest. English: rightmost end, then longest.
  const position = (match: Match) => (portuguese ? -match.start : match.end);
  const bestPosition = Math.max(...candidates.map(position));
  const atPosition = candidates.filter((match) => position(match) === bestPosition);
  const longest = Math.max(...atPosition.map((match) => match.end - match.start));
  const best = merged(atPosition.filter((match) => match.end - match.start === longest));
  const typed = latinTokens(text).slice(best.start, best.end);
  return { term: originalSpan(text, best.start, best.end) ?? typed.join(" "), types: best.entry.types };
}

/** The query's own words from the start-th to the end-th, as typed. */
function originalSpan(text: string, start: number, end: number): string | null {
  const spans = [...text.normalize("NFC").matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].filter((match) => !HAN.test(match[0]));
  if (spans.length <= end - 1) return null;
  const from = spans[start].index ?? 0;
  const last = spans[end - 1];
  return text.slice(from, (last.index ?? 0) + last[0].length);
}
