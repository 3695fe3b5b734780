import { prisma } from "~/utils/db.server";
import { notFoundError } from "~/utils/domain-error";
import type { InquiryParty } from "~/modules/access/inquiry.server";
import { sourceHash } from "./answer";

/**
 * A party replaces the machine translation of one of their side's messages
 * with their own: it is shown as "written by the author" and the engine never
 * overwrites it. Another side's message, or one of another thread, is not found.
 */
export async function saveAuthoredMessageTranslation(thread: InquiryParty, input: { messageId: string; targetLang: string; text: string }) {
  const message = await prisma.inquiryMessage.findFirst({
    where: { id: input.messageId, inquiryId: thread.inquiryId, side: thread.side, statusChange: null },
    select: { id: true, body: true, language: true },
  });
  if (!message || message.language === input.targetLang) throw notFoundError();
  const key = { sourceKind: "inquiry.message", sourceId: message.id, field: "body", targetLang: input.targetLang };
  const values = { sourceHash: sourceHash(message.body), sourceLang: message.language, text: input.text, engine: "author", authored: true };
  await prisma.translation.upsert({ where: { sourceKind_sourceId_field_targetLang: key }, create: { ...key, ...values }, update: values });
}

/** The translations of the viewer's own messages, so they see (and may correct) what the other side reads. */
export async function ownMessageTranslations(messageIds: string[]) {
  if (messageIds.length === 0) return {};
  const rows = await prisma.translation.findMany({
    where: { sourceKind: "inquiry.message", field: "body", sourceId: { in: messageIds } },
    orderBy: { targetLang: "asc" },
    select: { sourceId: true, targetLang: true, text: true, authored: true },
  });
  const out: Record<string, { targetLang: string; text: string; authored: boolean }[]> = {};
  for (const row of rows) (out[row.sourceId] ??= []).push({ targetLang: row.targetLang, text: row.text, authored: row.authored });
  return out;
}
