import { useFormatters } from "~/utils/format";

/*
 * Intl output can differ by a space character or an abbreviation between
 * the server's ICU (Node) and the browser's. These render the server's text
 * and tell React not to treat a difference as a hydration error. A long list
 * takes `useFormatters()` once instead and marks the element that holds the
 * text (`suppressHydrationWarning` covers an element's own text), without a
 * span of its own per number (the search results do).
 */
export function FormattedNumber({ value }: { value: number }) {
  return <span suppressHydrationWarning>{useFormatters().number(value)}</span>;
}

export function FormattedDate({ value }: { value: string | Date }) {
  const format = useFormatters();
  const iso = new Date(value).toISOString().slice(0, 10);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format.date(value)}
    </time>
  );
}

/** Date and time (of a message, a notice, an audit event). */
export function FormattedDateTime({ value }: { value: string | Date }) {
  const format = useFormatters();
  return (
    <time dateTime={new Date(value).toISOString()} suppressHydrationWarning>
      {format.dateTime(value)}
    </time>
  );
}

export function FormattedDateRange({ from, to }: { from: string | Date; to: string | Date }) {
  const format = useFormatters();
  return (
    <time dateTime={new Date(from).toISOString().slice(0, 10)} suppressHydrationWarning>
      {format.dateRange(from, to)}
    </time>
  );
}

export function FormattedUsd({ min, max }: { min: number | null; max?: number | null }) {
  return <span suppressHydrationWarning>{useFormatters().usdRange(min, max ?? null)}</span>;
}
