import { prisma } from "~/utils/db.server";
import { asLocalizedText } from "~/modules/i18n-text/localized-text";

/**
 * The texts that can be translated, read fresh when a job runs (a job names
 * its source, never carries a copy: an edited text is translated as it now is).
 */
export const translationSources = ["inquiry.message", "request.title"] as const;
export type TranslationSourceKind = (typeof translationSources)[number];

export interface SourceText {
  text: string;
  /** ISO 639-1 code of the language it is written in. */
  language: string;
}

export function isTranslationSource(kind: string): kind is TranslationSourceKind {
  return (translationSources as readonly string[]).includes(kind);
}

/** The current text of a source, or null when it no longer exists. */
export async function readSource(kind: string, id: string, field: string): Promise<SourceText | null> {
  if (kind === "inquiry.message" && field === "body") {
    const message = await prisma.inquiryMessage.findUnique({ where: { id }, select: { body: true, language: true } });
    return message && message.body.trim() ? { text: message.body, language: message.language } : null;
  }
  if (kind === "request.title" && field === "title") {
    const request = await prisma.sourcingRequest.findUnique({ where: { id }, select: { title: true } });
    return request ? authoredText(request.title) : null;
  }
  return null;
}

/** The text a person wrote in a LocalizedText value (not a conversion or a translation), with its language. */
export function authoredText(value: unknown): SourceText | null {
  const entries = Object.entries(asLocalizedText(value));
  const [locale, entry] = entries.find(([, candidate]) => candidate?.origin === "author") ?? [];
  if (!locale || !entry?.text.trim()) return null;
  return { text: entry.text, language: locale.split("-")[0].toLowerCase() };
}
