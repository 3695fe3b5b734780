import { prisma } from "~/utils/db.server";

/**
 * The texts that can be translated, read fresh when a job runs (a job names
 * its source, never carries a copy: an edited text is translated as it now is).
 */
export const translationSources = ["inquiry.message"] as const;
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
  return null;
}
