import type { Prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n/config";
import { authoredLocales } from "~/modules/i18n-text/localized-text";
import { localizedViews, requestLocalizedTranslations } from "~/modules/translation/localized.server";
import { authoredSourceFor } from "~/modules/translation/sources.server";
import { readerLanguage, requestTranslations, translationConfigured } from "~/modules/translation/translation.server";

type Tx = Prisma.TransactionClient;

/**
 * Notices and machine translation: a notice the bureau wrote only in Chinese
 * is shown to Portuguese and English readers machine-translated (marked, the
 * original one click away); what the bureau wrote in a language always wins.
 */
export async function requestNoticeTranslations(tx: Tx, noticeId: string, after: { title: unknown; body: unknown }, before?: { title: unknown; body: unknown }) {
  await requestLocalizedTranslations(tx, { kind: "notice.title", id: noticeId, field: "title" }, after.title, before?.title);
  await requestLocalizedTranslations(tx, { kind: "notice.body", id: noticeId, field: "body" }, after.body, before?.body);
}

/** Title and body of notices as a reader sees them (one query per field for the whole list). */
export async function noticeTextViews(notices: readonly { id: string; title: unknown; body: unknown }[], locale: Locale) {
  const [titles, bodies] = await Promise.all([
    localizedViews("notice.title", "title", notices.map((notice) => ({ id: notice.id, value: notice.title })), locale),
    localizedViews("notice.body", "body", notices.map((notice) => ({ id: notice.id, value: notice.body })), locale),
  ]);
  return { titles, bodies };
}

/**
 * For the notice e-mail: the body's authored text when a reader of `locale`
 * must wait for its translation (an engine is configured and nobody wrote
 * the notice in their language), else null (the mail goes at once).
 */
export function noticeMailSource(body: unknown, locale: string): { text: string; language: string } | null {
  if (!translationConfigured()) return null;
  const target = readerLanguage(locale);
  const source = authoredSourceFor(body, target);
  if (!source || source.language === target) return null;
  if (authoredLocales(body).some((written) => readerLanguage(written) === target)) return null;
  return source;
}

/** At sending: makes sure a translation is asked for every language the held mails wait for. */
export async function requestNoticeMailTranslations(tx: Tx, noticeId: string, body: unknown, targets: Iterable<string>) {
  for (const target of targets) {
    const source = authoredSourceFor(body, target);
    if (source) await requestTranslations(tx, { kind: "notice.body", id: noticeId, field: "body", language: source.language }, [target]);
  }
}
