import { prisma } from "~/utils/db.server";
import { authoredSourceFor, authoredText, type SourceText } from "./authored-source";

/**
 * The texts that can be translated, read fresh when a job runs (a job names
 * its source, never carries a copy: an edited text is translated as it now is).
 */
export const translationSources = ["inquiry.message", "request.title", "product.description", "firm.description", "notice.title", "notice.body"] as const;
export type TranslationSourceKind = (typeof translationSources)[number];

export { authoredSourceFor, authoredText, type SourceText };

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

