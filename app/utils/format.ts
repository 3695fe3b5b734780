import { useTranslation } from "react-i18next";
import { ZHONGSHAN_TIME_ZONE } from "./time-zone";

/** Dates (in Zhongshan's time zone), numbers and money through Intl, in the page's language. */
export function formatters(locale: string) {
  // Creating Intl formatters is costly (a page of results made thousands);
  // they hold no state, so one set per language serves every render.
  let set = cache.get(locale);
  if (!set) {
    set = createFormatters(locale);
    if (cache.size < 32) cache.set(locale, set);
  }
  return set;
}

export type Formatters = ReturnType<typeof createFormatters>;
const cache = new Map<string, Formatters>();

function createFormatters(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: ZHONGSHAN_TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: ZHONGSHAN_TIME_ZONE });
  const dateRange = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: ZHONGSHAN_TIME_ZONE });
  const number = new Intl.NumberFormat(locale);
  const usd = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 2 });
  return {
    date: (value: string | Date) => date.format(new Date(value)),
    dateTime: (value: string | Date) => dateTime.format(new Date(value)),
    dateRange: (from: string | Date, to: string | Date) => dateRange.formatRange(new Date(from), new Date(to)),
    number: (value: number) => number.format(value),
    usd: (value: number) => usd.format(value),
    usdRange: (min: number | null, max: number | null) => {
      if (min !== null && max !== null && min !== max) return `${usd.format(min)} – ${usd.format(max)}`;
      const single = min ?? max;
      return single === null ? "" : usd.format(single);
    },
  };
}

export function useFormatters() {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
