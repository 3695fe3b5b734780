import { namedFields, vocabularyLocale, type LocalizedFields } from "./documents.server";
import type { TextLocale } from "./indexes.server";

/** The HS nomenclature's search documents (the picker's index). */
export interface HsDocument extends LocalizedFields<"title" | "names" | "head"> {
  code: string;
  level: 2 | 4 | 6;
  chapter: string;
  heading: string | null;
  /** Headings first, then subheadings, then chapters: what products are filed under. */
  levelRank: number;
}

const LEVEL_RANK = { 4: 3, 6: 2, 2: 1 } as const;

const firstWord = (text: string | undefined) => text?.replace(/^outr[oa]s\s+/i, "").match(/[\p{L}\p{N}-]+/u)?.[0];
const lastWord = (text: string) => text.match(/[\p{L}\p{N}-]+/gu)?.at(-1);

/**
 * What a line is, as opposed to what it is for: the tariff starts with it
 * ("Furniture and parts…", "Outros móveis…"), English names end with it
 * ("furniture lock" is a lock) and Portuguese names start with it
 * ("fechadura para móveis"). Ranked first, so "móveis" suggests furniture
 * before furniture locks.
 */
function headWords(titles: Partial<Record<"zh-CN" | "en" | "pt", string>>, names: Partial<Record<TextLocale, string[]>>) {
  const en = [firstWord(titles.en), ...(names.en ?? []).map(lastWord)];
  const pt = [firstWord(titles.pt), ...(names.pt ?? []).map(firstWord)];
  const words = (list: (string | undefined)[]) => [...new Set(list.filter(Boolean).map((word) => word!.toLowerCase()))].join(" ");
  return namedFields("head", (locale) => (locale === "en" ? words(en) : locale === "pt" ? words(pt) : null));
}

/**
 * One document per HS code. `names` are what people call the products filed
 * there (the product vocabulary: "吸顶灯", "ceiling light", "luminária de
 * teto"); the tariff's own wording is in `title`.
 */
export function hsDocument(
  entry: { code: string; level: 2 | 4 | 6; titles: Partial<Record<"zh-CN" | "en" | "pt", string>> },
  names: Partial<Record<TextLocale, string[]>>,
): HsDocument {
  return {
    code: entry.code,
    level: entry.level,
    chapter: entry.code.slice(0, 2),
    heading: entry.level >= 4 ? entry.code.slice(0, 4) : null,
    levelRank: LEVEL_RANK[entry.level],
    ...headWords(entry.titles, names),
    ...namedFields("title", (locale) => entry.titles[vocabularyLocale[locale]]),
    ...namedFields("names", (locale) => (names[locale] ?? []).join(" · ")),
  };
}
