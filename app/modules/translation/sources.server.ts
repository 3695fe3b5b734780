import { prisma } from "~/utils/db.server";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

/**
 * The texts that can be translated, read fresh when a job runs (a job names
 * its source, never carries a copy: an edited text is translated as it now is).
 */
export const translationSources = ["inquiry.message", "request.title", "product.description", "firm.description", "notice.title", "notice.body"] as const;
export type TranslationSourceKind = (typeof translationSources)[number];

export interface SourceText {
  text: string;
  /** ISO 639-1 code of the language it is written in. */
  language: string;
}

export function isTranslationSource(kind: string): kind is TranslationSourceKind {
  return (translationSources as readonly string[]).includes(kind);
}

/**
 * The current text of a source, or null when it no longer exists. Texts
 * written in several languages are translated into `targetLang` from the
 * authored text a reader of that language would otherwise be shown.
 */
export async function readSource(kind: string, id: string, field: string, targetLang?: string): Promise<SourceText | null> {
  if (kind === "inquiry.message" && field === "body") {
    const message = await prisma.inquiryMessage.findUnique({ where: { id }, select: { body: true, language: true } });
    return message && message.body.trim() ? { text: message.body, language: message.language } : null;
  }
  if (kind === "request.title" && field === "title") {
    const request = await prisma.sourcingRequest.findUnique({ where: { id }, select: { title: true } });
    return request ? authoredText(request.title) : null;
  }
  if (kind === "product.description" && field === "description") {
    const product = await prisma.product.findUnique({ where: { id }, select: { description: true } });
    return product ? authoredSourceFor(product.description, targetLang) : null;
  }
  if (kind === "firm.description" && field === "description") {
    const firm = await prisma.firm.findUnique({ where: { id }, select: { description: true } });
    return firm ? authoredSourceFor(firm.description, targetLang) : null;
  }
  if (kind === "notice.title" || kind === "notice.body") {
    if (field !== kind.slice("notice.".length)) return null;
    const notice = await prisma.policyNotice.findUnique({ where: { id }, select: { title: true, body: true } });
    return notice ? authoredSourceFor(field === "title" ? notice.title : notice.body, targetLang) : null;
  }
  return null;
}

/** The locale whose fallbacks a reader of a language follows ("zh" → zh-CN). */
const readerLocales: Record<string, string> = { zh: "zh-CN", en: "en", pt: "pt" };

/**
 * The authored text to translate into `targetLang`: the first authored
 * locale in that reader's fallback order (what the page shows them when
 * there is no translation), else any authored text.
 */
export function authoredSourceFor(value: unknown, targetLang?: string): SourceText | null {
  const text = asLocalizedText(value);
  const locale = targetLang ? readerLocales[targetLang] : undefined;
  const order = locale ? (textFallbacks[locale as Locale] ?? []) : [];
  for (const candidate of order) {
    const entry = text[candidate];
    if (entry?.origin === "author" && entry.text.trim()) return { text: entry.text, language: candidate.split("-")[0].toLowerCase() };
  }
  return authoredText(value);
}

/** The text a person wrote in a LocalizedText value (not a conversion or a translation), with its language. */
export function authoredText(value: unknown): SourceText | null {
  const entries = Object.entries(asLocalizedText(value));
  const [locale, entry] = entries.find(([, candidate]) => candidate?.origin === "author") ?? [];
  if (!locale || !entry?.text.trim()) return null;
  return { text: entry.text, language: locale.split("-")[0].toLowerCase() };
}
