import { DomainError } from "~/utils/domain-error";
import { isLocale, localeFromTag, type Locale } from "~/i18n/config";
import { toSimplified } from "~/modules/i18n-text/chinese-script.server";
import { indexName, searchClient } from "~/modules/search/client.server";
import { searchableChinese } from "~/modules/search/vocabulary.server";
import type { HsDocument } from "~/modules/search/hs-document";
import { hsLevel, type HsLevel } from "./hs-code";
import type { HsEdition } from "./correlation";
import { hsTitle, hsTitleSource, isKnownHsCode, resolveHsInput } from "./nomenclature.server";
import { HAN_RUN } from "~/modules/i18n-text/han";

/**
 * HS code suggestions for the HS picker and `GET /api/v1/hs/suggest`: from
 * digits ("9405", "9405.11", "940511", "9405.11.00") or from words in
 * Chinese (Simplified or Traditional), English or Portuguese, accents and
 * case ignored. Answered from the `hs` Meilisearch index, which holds the
 * tariff's titles and, first in rank, what people call the products filed
 * under each code (a firm types "吸顶灯", the tariff says "天花板…照明装置").
 * Titles come back in the reader's language from the nomenclature.
 */
export interface HsSuggestion {
  code: string;
  level: HsLevel;
  title: string;
  /** Where the title comes from, in the data's terms, and whose text it is (a subheading may show its heading's). */
  titleSource: { source: string; of: string } | null;
  /** The code of an earlier edition this HS 2022 code replaces, when the query was one. */
  replaces?: { code: string; edition: HsEdition };
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
function hsQueryError(problem: HsQueryProblem) {
  return new DomainError(problem, { status: 400, messageKey: `catalog:hs.queryErrors.${problem}` });
}

export type HsQuery =
  | { kind: "empty" }
  | { kind: "code"; digits: string }
  | { kind: "words"; latin: string[]; han: string[] };

/** Latin words folded for matching: "Luminárias" → "luminarias". */
export function foldLatin(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const LATIN_WORD = /[a-z0-9]+/g;
// Words that carry no meaning on their own in the three languages' titles.
const STOP_WORDS = new Set(["a", "an", "and", "as", "de", "da", "das", "do", "dos", "e", "em", "for", "in", "of", "or", "ou", "para", "the", "with", "com", "not", "nao"]);

/** Reads a query; throws a DomainError for input the API refuses. Pure. */
export function parseHsQuery(input: string): HsQuery {
  if (input.length > HS_QUERY_MAX_LENGTH) throw hsQueryError("tooLong");
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(input)) throw hsQueryError("controlCharacters");
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

function titleLocale(lang: string | undefined): Locale {
  if (!lang) return "en";
  if (isLocale(lang)) return lang;
  return localeFromTag(lang) ?? "en";
}

/** Suggestions for the picker; throws a DomainError for input the API refuses. */
export async function suggestHsCodes({ q, lang, limit = 10 }: HsSuggestInput): Promise<HsSuggestion[]> {
  const query = parseHsQuery(q);
  const locale = titleLocale(lang);
  const size = Math.min(Math.max(1, Math.trunc(limit) || 10), HS_SUGGEST_MAX_LIMIT);
  if (query.kind === "empty") return [];
  const index = searchClient().index<HsDocument>(indexName("hs"));
  const toSuggestion = (doc: Pick<HsDocument, "code" | "level">): HsSuggestion => ({
    code: doc.code,
    level: doc.level,
    title: hsTitle(doc.code, locale) ?? "",
    titleSource: hsTitleSource(doc.code, locale),
  });
  if (query.kind === "code" && query.digits.length === 6 && !isKnownHsCode(query.digits)) {
    // A code of HS 2017 or 2012 (or a national code built on one): its HS 2022 successors.
    const resolved = resolveHsInput(query.digits);
    const successors = resolved.kind === "mapped" ? [resolved.code] : resolved.kind === "ambiguous" || resolved.kind === "noHeading" ? resolved.candidates : [];
    if (resolved.kind === "mapped" || resolved.kind === "ambiguous" || resolved.kind === "noHeading") {
      const replaces = { code: resolved.from, edition: resolved.edition };
      return successors.slice(0, size).map((code) => ({ ...toSuggestion({ code, level: hsLevel(code) }), replaces }));
    }
  }
  if (query.kind === "code") {
    // The code itself first, then what lies under it, in code order. Codes
    // are filtered by their chapter or heading, never by a pattern.
    const digits = query.digits;
    const chapters = digits.length >= 2 ? [digits.slice(0, 2)] : Array.from({ length: 10 }, (_, i) => `${digits}${i}`);
    const scope = digits.length >= 4 ? `heading = "${digits.slice(0, 4)}"` : `chapter IN [${chapters.map((chapter) => `"${chapter}"`).join(", ")}]`;
    const { hits } = await index.search("", {
      filter: scope,
      sort: ["code:asc"],
      limit: 1000,
      attributesToRetrieve: ["code", "level"],
    });
    return hits
      .filter((hit) => hit.code.startsWith(digits))
      .sort((a, b) => Number(b.code === digits) - Number(a.code === digits) || a.code.localeCompare(b.code))
      .slice(0, size)
      .map(toSuggestion);
  }
  const words = [...query.latin, ...query.han.map((run) => searchableChinese(run))].join(" ");
  const { hits } = await index.search(words, {
    limit: size,
    // Every word must match: "fechadura camiseta" is nothing, not either.
    matchingStrategy: "all",
    attributesToRetrieve: ["code", "level"],
    ...(query.han.length ? { locales: ["cmn"] } : {}),
  });
  return hits.map(toSuggestion);
}
