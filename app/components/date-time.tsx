import { useTranslation } from "react-i18next";

/** Date and time in Zhongshan's time zone, in the page's language (server text kept on hydration). */
export function FormattedDateTime({ value }: { value: string | Date }) {
  const { i18n } = useTranslation();
  const date = new Date(value);
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(date);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
