import type { TFunction } from "i18next";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, matchLocale, defaultLocale } from "~/i18n/config";
import { formatters } from "~/utils/format";
import type { NotificationKind, NotificationParams } from "./kinds";

/**
 * A notice's words in one language, from its kind and parameters (the same
 * text in the app and in the e-mail). `t` is bound to the "notification"
 * namespace of the reader's language; `inquiry` gives the status names.
 */
export function renderNotice(t: TFunction, locale: string, kind: NotificationKind, params: NotificationParams) {
  const lang = matchLocale(locale) ?? defaultLocale;
  const firm = params.firmName ? textIn(params.firmName, lang, textFallbacks[lang]) : "";
  const values = {
    firm,
    buyer: params.buyerCompany ?? "",
    status: params.status ? t(`inquiry:status.${params.status}`) : "",
    certificate: params.certificate ?? "",
    date: params.validUntil ? formatters(lang).date(`${params.validUntil}T12:00:00Z`) : "",
    ...(params.daysLeft !== undefined ? { count: params.daysLeft } : {}),
    title: params.noticeTitle ? textIn(params.noticeTitle, lang, textFallbacks[lang]) : "",
    interpolation: { escapeValue: false },
  };
  return {
    title: t(`notice.${kind}.title`, values),
    body: t(`notice.${kind}.body`, values),
    excerpt: params.excerpt ?? null,
  };
}
