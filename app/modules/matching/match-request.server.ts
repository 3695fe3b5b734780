import type { Locale } from "~/i18n/config";
import { displayText } from "~/modules/i18n-text/display.server";
import { hasHan } from "~/modules/i18n-text/han";
import { searchableChinese } from "~/modules/search/vocabulary.server";
import { hasWords } from "~/modules/search/search-params";
import { requestSelect as requestColumns } from "~/modules/request/request.server";
import type { Prisma } from "~/utils/db.server";
import type { RequestText } from "./candidates";
import type { CertificationRules } from "~/modules/reference/certificate-validity";
import { marketCertifications } from "./market-certifications";
import type { MatchRequest } from "./score";

/** The request as matching reads it (both sides): its columns, the buyer's country and languages. */

const LATIN = /[A-Za-z\u00c0-\u024f]/u;

/**
 * Little words of the buyers' languages that every product has: each word
 * of a query costs Meilisearch time and they rank nothing. ("LED" and
 * "W" stay: they mean something here.)
 */
const FILLER_WORDS = new Set(
  "a an and as at by for in of on or the to with à ao aos as às com da das de del do dos e el em en la las los na nas no nos o os para por um uma y".split(" "),
);
/**
 * The words to look for: the buyer's keywords (their own words for the
 * product) or else the title. Quotes and leading minus signs are Meilisearch
 * syntax (phrase, negation), not the buyer's meaning: dropped. Chinese is
 * searched in Simplified characters, as the index holds it.
 */
export function requestSearchText(keywords: string, title: string): RequestText | null {
  const source = keywords.trim() || title.trim();
  let cleaned = source
    .replace(/["“”]/g, " ")
    .replace(/(^|\s)-+/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  if (!hasWords(cleaned)) return null;
  const kept = cleaned
    .split(" ")
    .filter((word) => !FILLER_WORDS.has(word.toLowerCase().replace(/[,.;:!?]+$/, "")))
    .join(" ");
  if (hasWords(kept)) cleaned = kept;
  if (hasHan(cleaned)) {
    const q = searchableChinese(cleaned);
    return LATIN.test(q) ? { q } : { q, locales: ["cmn"] };
  }
  return { q: cleaned };
}

/** The language of a text shown in place of the reader's (for `lang`), or null. */
/** The language a text is shown in when it is not the reader's. */
export function fallbackLocale(value: unknown, locale: Locale): string | null {
  const shown = displayText(value, locale);
  return shown?.isFallback ? shown.locale : null;
}

export const requestSelect = {
  ...requestColumns,
  buyerCompany: { select: { country: true, languages: true } },
} satisfies Prisma.SourcingRequestSelect;

type RequestRow = Prisma.SourcingRequestGetPayload<{ select: typeof requestSelect }>;

/** The request as score.ts reads it, with the certifications that matter in its markets under `rules`. */
export function toMatchRequest(row: RequestRow, rules: CertificationRules): MatchRequest {
  return {
    hsCodes: row.hsCodes,
    quantity: row.quantity,
    unit: row.unit,
    targetPriceUsd: row.targetPriceUsd === null ? null : Number(row.targetPriceUsd),
    requiredCertifications: row.requiredCertifications,
    destinationCountry: row.destinationCountry,
    buyerCountry: row.buyerCompany.country,
    buyerLanguages: row.buyerCompany.languages,
    marketCertifications: marketCertifications({ destinationCountry: row.destinationCountry, buyerCountry: row.buyerCompany.country }, rules),
  };
}
