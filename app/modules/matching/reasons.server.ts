import type { TFunction } from "i18next";
import { localeTags, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { countryName } from "~/modules/reference/countries.server";
import { languageName } from "~/modules/reference/languages.server";
import { formatters } from "~/utils/format";
import { isNegativeReason, type MatchReason, type ReasonCode } from "./score";

/**
 * Match reasons in words, in the reader's language (namespace "matching").
 * The same reason reads differently to the two sides: the buyer is told
 * "MOQ 200 ≤ your 500", the firm "your MOQ 200 ≤ the 500 asked for"
 * (i18next context "firm").
 */
export type Perspective = "buyer" | "firm";

export interface RenderedReason {
  code: ReasonCode;
  text: string;
  /** A reason that counts against the match (missing certification, MOQ or price too high). */
  negative: boolean;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

export function reasonRenderer(t: TFunction, locale: Locale, perspective: Perspective = "buyer") {
  const format = formatters(localeTags[locale]);
  const list = new Intl.ListFormat(localeTags[locale], { style: "long", type: "conjunction" });
  // The same reason recurs across a list (every product "verified", most
  // firms exporting to Brazil): worded once per list.
  const done = new Map<string, RenderedReason>();
  return (reason: Pick<MatchReason, "code" | "params">): RenderedReason => {
    const key = `${reason.code}|${JSON.stringify(reason.params)}`;
    let rendered = done.get(key);
    if (!rendered) {
      rendered = word(reason);
      done.set(key, rendered);
    }
    return rendered;
  };

  function word(reason: Pick<MatchReason, "code" | "params">): RenderedReason {
    const p = reason.params;
    const values: Record<string, unknown> = { context: perspective === "firm" ? "firm" : undefined };
    switch (reason.code) {
      case "hs.exact":
      case "hs.heading":
      case "hs.chapter":
        values.code = formatHsCode(String(p.code));
        values.requested = formatHsCode(String(p.requested ?? p.code));
        break;
      case "text.match":
      case "profile.complete":
        values.percent = Number(p.percent);
        break;
      case "cert.all":
      case "cert.partial":
      case "cert.missing":
        values.codes = list.format(asList(p.codes));
        break;
      case "cert.market":
        values.codes = list.format(asList(p.codes));
        values.country = countryName(String(p.country), locale);
        break;
      case "moq.ok":
      case "moq.high":
        values.moq = format.number(Number(p.moq));
        values.quantity = format.number(Number(p.quantity));
        break;
      case "price.ok":
      case "price.high":
        values.price = format.usd(Number(p.price));
        values.target = format.usd(Number(p.target));
        break;
      case "market.served":
        values.country = countryName(String(p.country), locale);
        break;
      case "language.common":
        values.languages = list.format(asList(p.languages).map((code) => languageName(code, localeTags[locale])));
        break;
      case "firm.products":
        values.count = Number(p.count);
        break;
      case "verified":
        break;
    }
    return { code: reason.code, text: t(`reason.${reason.code}`, values).trim(), negative: isNegativeReason(reason.code) };
  }
}

/** A renderer for `locale`, with the "matching" translations loaded. */
export async function reasonRendererFor(locale: Locale, perspective: Perspective = "buyer") {
  return reasonRenderer(await getFixedT(locale, "matching"), locale, perspective);
}
