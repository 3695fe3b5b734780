import { prisma } from "~/utils/db.server";
import type { InquiryParty, InquiryViewer } from "~/modules/access/inquiry.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { notify, markInquiryNotificationsRead } from "~/modules/notification/notification.server";
import { excerptOf } from "~/modules/notification/kinds";
import { attachmentStore } from "./storage.server";
import type { CheckedAttachment } from "./attachment.server";
import { firmAvailability, inquiryRefusal } from "./availability.server";
import { detectMessageLanguage, languageOfLocale } from "./language";
import { refreshFirmResponseStats } from "./response-stats.server";
import { attachmentRows, notifySide, otherSide, threadLink, threadNames, withStoredAttachments } from "./thread-writes.server";
import type { InquiryStatusValue } from "./inquiry.schema";
import { translationsFor } from "~/modules/translation/views.server";
import { ownMessageTranslations } from "~/modules/translation/authored.server";

/**
 * A thread and what its parties do in it. Every function takes the context
 * modules/access/inquiry.server.ts checked (requireInquiryViewer / requireInquiryParty).
 */
export async function getThread(access: InquiryViewer, locale: Locale) {
  const { inquiryId, user: viewer } = access;
  const fallbacks = textFallbacks[locale];
  const now = new Date();
  if (access.side) {
    // Reading the thread is the read receipt of this side.
    await prisma.inquiry.update({
      where: { id: inquiryId },
      data: access.side === "BUYER" ? { buyerReadAt: now } : { firmReadAt: now },
    });
    await markInquiryNotificationsRead(viewer.id, inquiryId);
  }
  const inquiry = await prisma.inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: {
      id: true,
      status: true,
      openedBy: true,
      quantity: true,
      unit: true,
      targetPriceUsd: true,
      incoterm: true,
      destinationCountry: true,
      buyerReadAt: true,
      firmReadAt: true,
      createdAt: true,
      firm: { select: { id: true, slug: true, name: true } },
      buyerCompany: { select: { id: true, name: true, country: true } },
      sourcingRequest: { select: { id: true, title: true } },
      products: { orderBy: { position: "asc" }, select: { productId: true, name: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          side: true,
          body: true,
          language: true,
          languageSource: true,
          statusChange: true,
          authorDeletedAt: true,
          createdAt: true,
          author: { select: { id: true, displayName: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, sizeBytes: true } },
        },
      },
      reports: { orderBy: { createdAt: "desc" }, select: { id: true, side: true, reason: true, createdAt: true, resolvedAt: true } },
    },
  });
  const blocked = await prisma.firmBuyerBlock.findUnique({
    where: { firmId_buyerCompanyId: { firmId: inquiry.firm.id, buyerCompanyId: inquiry.buyerCompany.id } },
    select: { id: true },
  });
  const readAt = { BUYER: inquiry.buyerReadAt, FIRM: inquiry.firmReadAt };
  // The other side's words in the reader's language, when an engine made them (one's own are shown as written).
  const translations = await translationsFor(
    "inquiry.message",
    "body",
    inquiry.messages.filter((message) => message.side !== access.side && !message.statusChange).map((message) => ({ id: message.id, text: message.body, language: message.language })),
    locale,
  );
  const ownTranslations = access.side ? await ownMessageTranslations(inquiry.messages.filter((message) => message.side === access.side && !message.statusChange).map((message) => message.id)) : {};
  return {
    id: inquiry.id,
    viewerSide: access.side,
    bureauView: access.bureau,
    status: inquiry.status,
    /** BUYER: an inquiry; FIRM: the firm's answer to the buyer's sourcing request. */
    openedBy: inquiry.openedBy,
    blocked: blocked !== null,
    firm: { id: inquiry.firm.id, slug: inquiry.firm.slug, name: textIn(inquiry.firm.name, locale, fallbacks) },
    buyerCompany: inquiry.buyerCompany,
    request: inquiry.sourcingRequest ? { id: inquiry.sourcingRequest.id, title: textIn(inquiry.sourcingRequest.title, locale, fallbacks) } : null,
    terms: {
      quantity: inquiry.quantity,
      unit: inquiry.unit,
      targetPriceUsd: inquiry.targetPriceUsd === null ? null : Number(inquiry.targetPriceUsd),
      incoterm: inquiry.incoterm,
      destinationCountry: inquiry.destinationCountry,
    },
    products: inquiry.products.map((product) => ({ id: product.productId, name: textIn(product.name, locale, fallbacks) })),
    createdAt: inquiry.createdAt.toISOString(),
    messages: inquiry.messages.map((message) => {
      const otherReadAt = readAt[otherSide(message.side)];
      return {
        id: message.id,
        side: message.side,
        own: message.side === access.side,
        authorName: message.author?.displayName ?? null,
        authorId: message.author?.id ?? null,
        // The author deleted their account: the page signs it "deleted account".
        authorDeleted: message.authorDeletedAt !== null,
        body: message.body,
        translation: translations[message.id] ?? { state: "original" as const },
        /** One's own message as the other side reads it, to correct. */
        ownTranslations: ownTranslations[message.id] ?? [],
        language: message.language,
        languageSource: message.languageSource,
        statusChange: message.statusChange,
        createdAt: message.createdAt.toISOString(),
        readByOtherSide: otherReadAt !== null && otherReadAt >= message.createdAt,
        attachments: message.attachments,
      };
    }),
    reports: access.bureau || access.side === "FIRM" ? inquiry.reports.map((report) => ({ ...report, createdAt: report.createdAt.toISOString(), resolvedAt: report.resolvedAt?.toISOString() ?? null })) : [],
  };
}

/** A party writes in a thread: the message, the receipts, a notice to the other side, the firm's figures. */
export async function postMessage(thread: InquiryParty, body: string, attachments: CheckedAttachment[]) {
  const { inquiryId, user: viewer } = thread;
  if (thread.side === "BUYER") {
    const problem = await firmAvailability(thread.firmId, thread.buyerCompanyId);
    if (problem === "blocked" || problem === "firmSuspended") throw inquiryRefusal(problem);
  }
  const language = detectMessageLanguage(body, viewer.locale);
  return withStoredAttachments(attachments, (keys) =>
    prisma.$transaction(async (tx) => {
      const now = new Date();
      const message = await tx.inquiryMessage.create({
        data: {
          inquiryId,
          authorId: viewer.id,
          side: thread.side,
          body,
          language: language.language,
          languageSource: language.source,
          createdAt: now,
          attachments: { create: attachmentRows(attachments, keys) },
        },
        select: { id: true, language: true },
      });
      const current = await tx.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { firstResponseAt: true } });
      await tx.inquiry.update({
        where: { id: inquiryId },
        data:
          thread.side === "BUYER"
            ? { lastMessageAt: now, buyerLastMessageAt: now, buyerReadAt: now }
            : { lastMessageAt: now, firmLastMessageAt: now, firmReadAt: now, firstResponseAt: current.firstResponseAt ?? now },
      });
      const names = await threadNames(tx, inquiryId);
      await notifySide(
        tx,
        otherSide(thread.side),
        { ...names, firmName: names.firm.name, buyerCompany: names.buyerCompany.name },
        "inquiry.message",
        { excerpt: excerptOf(body) },
        undefined,
        message,
      );
      if (thread.side === "FIRM" && !current.firstResponseAt) await refreshFirmResponseStats(tx, thread.firmId, now);
      return message;
    }),
  );
}

/** The firm moves the thread along: quoted, sample sent, won, lost (or open again). */
export async function setInquiryStatus(thread: InquiryParty, status: InquiryStatusValue) {
  const { inquiryId, user: viewer } = thread;
  await prisma.$transaction(async (tx) => {
    const current = await tx.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { status: true } });
    if (current.status === status) return;
    const now = new Date();
    await tx.inquiry.update({ where: { id: inquiryId }, data: { status, lastMessageAt: now, firmLastMessageAt: now, firmReadAt: now } });
    await tx.inquiryMessage.create({
      data: {
        inquiryId,
        authorId: viewer.id,
        side: "FIRM",
        body: "",
        language: languageOfLocale(viewer.locale),
        languageSource: "locale",
        statusChange: status,
        createdAt: now,
      },
    });
    const names = await threadNames(tx, inquiryId);
    await notifySide(tx, "BUYER", { ...names, firmName: names.firm.name, buyerCompany: names.buyerCompany.name }, "inquiry.status", { status });
    await recordAudit(tx, { actorId: viewer.id, entityType: "inquiry", entityId: inquiryId, action: "status", changes: { status: { from: current.status, to: status } } });
  });
}

/** The firm stops (or again allows) new inquiries and messages from this thread's buying company. */
export async function setBuyerBlocked(thread: InquiryParty, blocked: boolean) {
  const { inquiryId, user: viewer } = thread;
  await prisma.$transaction(async (tx) => {
    if (blocked) {
      await tx.firmBuyerBlock.upsert({
        where: { firmId_buyerCompanyId: { firmId: thread.firmId, buyerCompanyId: thread.buyerCompanyId } },
        create: { firmId: thread.firmId, buyerCompanyId: thread.buyerCompanyId, blockedById: viewer.id },
        update: {},
      });
    } else {
      await tx.firmBuyerBlock.deleteMany({ where: { firmId: thread.firmId, buyerCompanyId: thread.buyerCompanyId } });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      entityType: "firm",
      entityId: thread.firmId,
      action: blocked ? "block-buyer" : "unblock-buyer",
      changes: { buyerCompanyId: thread.buyerCompanyId, inquiryId },
    });
  });
}

/** A party reports the thread to the bureau, whose staff may then read it. */
export async function reportInquiry(thread: InquiryParty, reason: string) {
  const { inquiryId, user: viewer } = thread;
  await prisma.$transaction(async (tx) => {
    const report = await tx.inquiryReport.create({
      data: { inquiryId, reporterId: viewer.id, side: thread.side, reason },
      select: { id: true },
    });
    const staff = await tx.user.findMany({
      where: { role: { in: ["BUREAU_STAFF", "ADMIN"] }, status: "ACTIVE" },
      select: { id: true, email: true, locale: true },
    });
    const names = await threadNames(tx, inquiryId);
    await notify(tx, {
      recipients: staff,
      kind: "inquiry.reported",
      inquiryId,
      params: { firmName: names.firm.name, buyerCompany: names.buyerCompany.name },
      link: (locale) => threadLink(inquiryId, locale),
    });
    await recordAudit(tx, { actorId: viewer.id, entityType: "inquiry", entityId: inquiryId, action: "report", changes: { reportId: report.id } });
  });
}

/** An attachment's bytes, for a checked viewer of its thread; null when there is no such file. */
export async function getAttachment(access: InquiryViewer, attachmentId: string) {
  const { inquiryId } = access;
  const attachment = await prisma.inquiryAttachment.findFirst({
    where: { id: attachmentId, message: { inquiryId } },
    select: { storageKey: true, fileName: true, contentType: true, sizeBytes: true },
  });
  if (!attachment) return null;
  const bytes = await attachmentStore().get(attachment.storageKey);
  if (!bytes) return null;
  return { ...attachment, bytes };
}
