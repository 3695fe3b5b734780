import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, matchLocale, defaultLocale, type Namespace } from "~/i18n/config";
import { formatters } from "~/utils/format";
import type { NotificationKind, NotificationParams } from "./kinds";

/**
 * Where a kind's words live: under `notice.<kind>` in the namespace of the
 * domain that sends it (the "notification" namespace for the others).
 */
const wordsByGroup: Partial<Record<string, Namespace>> = { delegation: "delegation", meeting: "meetings", problem: "problems", training: "training", verification: "verification" };

/** The namespaces a `t` for `renderNotice` must be bound to. */
export const noticeNamespaces = ["notification", "inquiry", "delegation", "meetings", "problems", "training", "verification", "translation"] as const satisfies readonly Namespace[];

/**
 * A notice's words in one language, from its kind and parameters (the same
 * text in the app and in the e-mail). `t` is bound to `noticeNamespaces` of
 * the reader's language; `inquiry` gives the status names.
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
    fair: params.fairName ? textIn(params.fairName, lang, textFallbacks[lang]) : "",
    deadline: params.deadline ? deadlineText(params.deadline, params.timeZone, lang) : "",
    decision: params.decision ? t(`delegation:status.${params.decision}`) : "",
    booth: params.booth ?? "",
    added: params.changes?.added ?? 0,
    moved: params.changes?.moved ?? 0,
    cancelled: params.changes?.cancelled ?? 0,
    when: params.startsAt ? deadlineText(params.startsAt, params.timeZone, lang) : "",
    days: params.followUpDays ?? 0,
    subject: params.problemSubject ?? "",
    reason: params.reason ?? "",
    link: params.videoLink ?? "",
    minutes: params.minutesBefore ?? 0,
    fairWhen: params.startsAt && params.fairTimeZone ? deadlineText(params.startsAt, params.fairTimeZone, lang) : "",
    // A remote meeting's reminder names its video link and the time at the fair.
    ...(params.videoLink !== undefined ? { context: "remote" } : {}),
    interpolation: { escapeValue: false },
  };
  const key = `${wordsByGroup[kind.split(".")[0]] ?? "notification"}:notice.${kind}`;
  return {
    title: t(`${key}.title`, values),
    body: t(`${key}.body`, values),
    excerpt: params.excerpt ?? null,
    translatedExcerpt: params.excerpt && params.translatedExcerpt ? params.translatedExcerpt : null,
    /** How the translation is marked wherever it is shown. */
    translationMark: t("translation:mark.machine"),
  };
}

/** The deadline as the venue's clock shows it, with the zone named. */
function deadlineText(iso: string, timeZone: string | undefined, locale: string) {
  const when = DateTime.fromISO(iso, { zone: timeZone || "Asia/Macau" });
  if (!when.isValid) return "";
  return `${when.setLocale(locale).toLocaleString(DateTime.DATETIME_MED)} (${when.zoneName})`;
}
