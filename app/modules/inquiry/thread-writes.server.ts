import type { Prisma } from "~/utils/db.server";
import { notify, type Recipient } from "~/modules/notification/notification.server";
import type { NotificationKind, NotificationParams } from "~/modules/notification/kinds";
import type { Side } from "~/modules/access/inquiry.server";
import { readerLanguage, requestTranslations } from "~/modules/translation/translation.server";
import { attachmentStore } from "./storage.server";
import type { CheckedAttachment } from "./attachment.server";

/** What opening a thread, answering a request and the thread actions write alike. */
export type Tx = Prisma.TransactionClient;

export const otherSide = (side: Side): Side => (side === "BUYER" ? "FIRM" : "BUYER");

export function threadLink(inquiryId: string, locale: string) {
  return `/${locale}/inquiries/${inquiryId}`;
}

/** Active members of one side of an inquiry, who get its notices. */
async function membersOf(tx: Tx, side: Side, inquiry: { firmId: string; buyerCompanyId: string }): Promise<Recipient[]> {
  return tx.user.findMany({
    where:
      side === "FIRM"
        ? { firmId: inquiry.firmId, role: "FIRM_MEMBER", status: "ACTIVE" }
        : { buyerCompanyId: inquiry.buyerCompanyId, role: "BUYER", status: "ACTIVE" },
    select: { id: true, email: true, locale: true },
  });
}

/** Writes attachment bytes to the store; removes them again if the database write fails. */
export async function withStoredAttachments<T>(attachments: CheckedAttachment[], write: (keys: string[]) => Promise<T>): Promise<T> {
  const store = attachmentStore();
  const keys: string[] = [];
  try {
    for (const attachment of attachments) keys.push(await store.put(attachment.bytes));
    return await write(keys);
  } catch (error) {
    await Promise.all(keys.map((key) => store.delete(key).catch(() => undefined)));
    throw error;
  }
}

export function attachmentRows(attachments: CheckedAttachment[], keys: string[]) {
  return attachments.map((attachment, index) => ({
    storageKey: keys[index],
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.bytes.byteLength,
  }));
}

/** The products and first message of a new thread, as nested writes. */
export function openingWrites(opening: {
  side: Side;
  authorId: string;
  body: string;
  language: { language: string; source: string };
  now: Date;
  products: { id: string; name: unknown }[];
  order: Map<string, number>;
  attachments: CheckedAttachment[];
  keys: string[];
}) {
  return {
    products: {
      create: opening.products.map((product) => ({
        productId: product.id,
        name: product.name as Prisma.InputJsonValue,
        position: opening.order.get(product.id) ?? 0,
      })),
    },
    messages: {
      create: {
        authorId: opening.authorId,
        side: opening.side,
        body: opening.body,
        language: opening.language.language,
        languageSource: opening.language.source,
        createdAt: opening.now,
        attachments: { create: attachmentRows(opening.attachments, opening.keys) },
      },
    },
  };
}

export async function notifySide(
  tx: Tx,
  side: Side,
  inquiry: { id: string; firmId: string; buyerCompanyId: string; firmName: unknown; buyerCompany: string },
  kind: NotificationKind,
  extra: NotificationParams = {},
  exceptUserId?: string,
  /** The message the notice quotes: translated into the recipients' languages (when an engine is configured). */
  message?: { id: string; language: string },
) {
  const recipients = (await membersOf(tx, side, inquiry)).filter((user) => user.id !== exceptUserId);
  const translatable = message ? { kind: "inquiry.message", id: message.id, field: "body", language: message.language } : undefined;
  if (translatable) await requestTranslations(tx, translatable, recipients.map((user) => readerLanguage(user.locale)));
  await notify(tx, {
    translatable,
    recipients,
    kind,
    inquiryId: inquiry.id,
    params: { firmName: inquiry.firmName, buyerCompany: inquiry.buyerCompany, ...extra },
    link: (locale) => threadLink(inquiry.id, locale),
  });
}

export async function threadNames(tx: Tx, inquiryId: string) {
  return tx.inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: { id: true, firmId: true, buyerCompanyId: true, firm: { select: { name: true } }, buyerCompany: { select: { name: true } } },
  });
}

