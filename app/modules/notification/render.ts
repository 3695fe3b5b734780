import type { TFunction } from "i18next";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, matchLocale, defaultLocale } from "~/i18n/config";
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
    fair: params.fairName ? textIn(params.fairName, lang, textFallbacks[lang]) : "",
    status: params.status ? t(`inquiry:status.${params.status}`) : "",
    interpolation: { escapeValue: false },
  };
  // Meeting notices are worded in their own namespace (loaded by the callers).
  const prefix = kind.startsWith("meeting.") ? "meetings:" : "";
  return {
    title: t(`${prefix}notice.${kind}.title`, values),
    body: t(`${prefix}notice.${kind}.body`, values),
    excerpt: params.excerpt ?? null,
  };
}
