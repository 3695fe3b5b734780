import type { z } from "zod";
import { requestSelect } from "~/modules/request/request.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { isBureau, type AuthUser } from "~/utils/auth.server";
import { notFound, forbidden } from "~/utils/http.server";
import { DomainError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { notify, markInquiryNotificationsRead, type Recipient } from "~/modules/notification/notification.server";
import { excerptOf, type NotificationKind, type NotificationParams } from "~/modules/notification/kinds";
import { attachmentStore } from "./storage.server";
import type { CheckedAttachment } from "./attachment.server";
import { detectMessageLanguage, languageOfLocale } from "./language";
import { refreshFirmResponseStats } from "./response-stats.server";
import { isRequestVisibleToFirm } from "~/modules/request/firm-visibility";
import { countryName } from "~/modules/reference/countries.server";
import { displayLabel, displayText } from "~/modules/i18n-text/display.server";
import { quantityUnitName } from "~/modules/reference/units";
import { productTitle } from "~/modules/product/product-text.server";
import type { InquiryStatusValue, NewInquirySchema, RequestAnswerSchema } from "./inquiry.schema";

type Tx = Prisma.TransactionClient;
export type Side = "BUYER" | "FIRM";

/** The party a user acts for: their buying company or their firm. */
export type Party = { side: "BUYER"; buyerCompanyId: string } | { side: "FIRM"; firmId: string };

export function partyOf(user: Pick<AuthUser, "role" | "firmId" | "buyerCompanyId">): Party | null {
  if (user.role === "BUYER" && user.buyerCompanyId) return { side: "BUYER", buyerCompanyId: user.buyerCompanyId };
  if (user.role === "FIRM_MEMBER" && user.firmId) return { side: "FIRM", firmId: user.firmId };
  return null;
}

/** Why an inquiry or a message was refused; each code is a translation key under inquiry:errors. */
export type RefusalCode = "firmNotFound" | "firmNotVerified" | "firmSuspended" | "blocked" | "productNotOfFirm";

/** A refused inquiry or message: 403, or 400 on the products field when a product is not the firm's. */
export function inquiryRefusal(code: RefusalCode) {
  return code === "productNotOfFirm"
    ? new DomainError(code, { status: 400, messageKey: `inquiry:errors.${code}`, field: "productIds" })
    : new DomainError(code, { status: 403, messageKey: `inquiry:errors.${code}` });
}

const otherSide = (side: Side): Side => (side === "BUYER" ? "FIRM" : "BUYER");

function threadLink(inquiryId: string, locale: string) {
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

/** Whether a firm takes inquiries from a buying company, and if not, why. */
export async function firmAvailability(firmId: string, buyerCompanyId: string): Promise<RefusalCode | null> {
  const firm = await prisma.firm.findUnique({
    where: { id: firmId },
    select: {
      verification: true,
      published: true,
      members: { where: { role: "FIRM_MEMBER" }, select: { status: true } },
      buyerBlocks: { where: { buyerCompanyId }, select: { id: true } },
    },
  });
  if (!firm) return "firmNotFound";
  if (firm.verification !== "VERIFIED" || !firm.published) return "firmNotVerified";
  // A firm with accounts, all of them suspended by the bureau, is suspended.
  // (Firms without accounts yet still receive inquiries for when they join.)
  if (firm.members.length > 0 && firm.members.every((member) => member.status !== "ACTIVE")) return "firmSuspended";
  if (firm.buyerBlocks.length > 0) return "blocked";
  return null;
}

/** What the new-inquiry form needs: the firm, its products, and what a sourcing request pre-fills. */
export async function getNewInquiryForm(
  buyer: AuthUser & { buyerCompanyId: string },
  query: { firmId?: string | null; productId?: string | null; requestId?: string | null },
  locale: Locale,
) {
  const fallbacks = textFallbacks[locale];
  const company = await prisma.buyerCompany.findUnique({ where: { id: buyer.buyerCompanyId }, select: { country: true } });
  const request = query.requestId
    ? await prisma.sourcingRequest.findFirst({
        where: { id: query.requestId, buyerCompanyId: buyer.buyerCompanyId },
        select: { id: true, title: true, quantity: true, unit: true, targetPriceUsd: true, destinationCountry: true },
      })
    : null;
  let firmId = query.firmId ?? null;
  if (!firmId && query.productId) {
    firmId = (await prisma.product.findUnique({ where: { id: query.productId }, select: { firmId: true } }))?.firmId ?? null;
  }
  const firm = firmId
    ? await prisma.firm.findUnique({
        where: { id: firmId },
        select: {
          id: true,
          slug: true,
          name: true,
          town: { select: { name: true } },
          products: {
            where: { published: true },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take: 100,
            select: { id: true, name: true, hsCode: true, moqUnit: true },
          },
        },
      })
    : null;
  const problem = firm ? await firmAvailability(firm.id, buyer.buyerCompanyId) : firmId ? "firmNotFound" : null;
  const chosenProduct = firm?.products.find((product) => product.id === query.productId);
  return {
    firm: firm
      ? {
          id: firm.id,
          slug: firm.slug,
          name: textIn(firm.name, locale, fallbacks),
          town: firm.town ? textIn(firm.town.name, locale, fallbacks) : null,
          products: firm.products.map((product) => ({
            id: product.id,
            name: textIn(product.name, locale, fallbacks),
            hsCode: product.hsCode,
          })),
        }
      : null,
    problem,
    request: request ? { id: request.id, title: textIn(request.title, locale, fallbacks) } : null,
    defaults: {
      productIds: chosenProduct ? [chosenProduct.id] : [],
      quantity: request?.quantity ?? undefined,
      unit: request?.unit ?? chosenProduct?.moqUnit ?? undefined,
      targetPriceUsd: request?.targetPriceUsd ? Number(request.targetPriceUsd) : undefined,
      destinationCountry: request?.destinationCountry ?? company?.country ?? undefined,
    },
  };
}

export type NewInquiryInput = z.infer<typeof NewInquirySchema>;

/** Writes attachment bytes to the store; removes them again if the database write fails. */
async function withStoredAttachments<T>(attachments: CheckedAttachment[], write: (keys: string[]) => Promise<T>): Promise<T> {
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

function attachmentRows(attachments: CheckedAttachment[], keys: string[]) {
  return attachments.map((attachment, index) => ({
    storageKey: keys[index],
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.bytes.byteLength,
  }));
}

/** The products and first message of a new thread, as nested writes. */
function openingWrites(opening: {
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

async function notifySide(
  tx: Tx,
  side: Side,
  inquiry: { id: string; firmId: string; buyerCompanyId: string; firmName: unknown; buyerCompany: string },
  kind: NotificationKind,
  extra: NotificationParams = {},
  exceptUserId?: string,
) {
  const recipients = (await membersOf(tx, side, inquiry)).filter((user) => user.id !== exceptUserId);
  await notify(tx, {
    recipients,
    kind,
    inquiryId: inquiry.id,
    params: { firmName: inquiry.firmName, buyerCompany: inquiry.buyerCompany, ...extra },
    link: (locale) => threadLink(inquiry.id, locale),
  });
}

/**
 * A buyer opens an inquiry with a firm: the thread, its first message (with
 * attachments), a notice to every member of the firm, and fresh response
 * figures, in one transaction.
 */
export async function createInquiry(
  buyer: AuthUser & { buyerCompanyId: string },
  input: NewInquiryInput,
  attachments: CheckedAttachment[],
) {
  const problem = await firmAvailability(input.firmId, buyer.buyerCompanyId);
  if (problem) throw inquiryRefusal(problem);
  const productIds = [...new Set(input.productIds)];
  const products = await prisma.product.findMany({
    where: { id: { in: productIds }, firmId: input.firmId, published: true },
    select: { id: true, name: true },
  });
  if (products.length !== productIds.length) throw inquiryRefusal("productNotOfFirm");
  const order = new Map(productIds.map((id, index) => [id, index]));
  const [firm, company, request] = await Promise.all([
    prisma.firm.findUniqueOrThrow({ where: { id: input.firmId }, select: { name: true } }),
    prisma.buyerCompany.findUniqueOrThrow({ where: { id: buyer.buyerCompanyId }, select: { name: true, country: true } }),
    input.requestId
      ? prisma.sourcingRequest.findFirst({ where: { id: input.requestId, buyerCompanyId: buyer.buyerCompanyId }, select: { id: true } })
      : null,
  ]);
  const language = detectMessageLanguage(input.message, buyer.locale);
  return withStoredAttachments(attachments, (keys) =>
    prisma.$transaction(async (tx) => {
      const now = new Date();
      const inquiry = await tx.inquiry.create({
        data: {
          firmId: input.firmId,
          buyerCompanyId: buyer.buyerCompanyId,
          createdById: buyer.id,
          sourcingRequestId: request?.id ?? null,
          quantity: input.quantity ?? null,
          unit: input.unit ?? null,
          targetPriceUsd: input.targetPriceUsd ?? null,
          incoterm: input.incoterm ?? null,
          destinationCountry: input.destinationCountry ?? null,
          buyerCountry: company.country,
          lastMessageAt: now,
          buyerLastMessageAt: now,
          buyerReadAt: now,
          createdAt: now,
          ...openingWrites({ side: "BUYER", authorId: buyer.id, body: input.message, language, now, products, order, attachments, keys }),
        },
        select: { id: true, firmId: true, buyerCompanyId: true },
      });
      await notifySide(tx, "FIRM", { ...inquiry, firmName: firm.name, buyerCompany: company.name }, "inquiry.new", {
        excerpt: excerptOf(input.message),
      });
      await refreshFirmResponseStats(tx, input.firmId, now);
      return inquiry;
    }),
  );
}

// ───────────────────────── a firm answers a sourcing request ─────────────────────────

/** Why a firm may not answer a sourcing request; each code is a translation key under matching:errors. */
export type AnswerRefusalCode = "firmNotVerified" | "requestUnavailable" | "productNotOfFirm" | "buyerBlocked";

/**
 * A refused answer: 403, 400 on the products field for a product not of the
 * firm, 404 for a request closed or hidden since the page was loaded (gone, as for a GET).
 */
export function answerRefusal(code: AnswerRefusalCode) {
  if (code === "productNotOfFirm") return new DomainError(code, { status: 400, messageKey: `matching:errors.${code}`, field: "productIds" });
  return new DomainError(code, { status: code === "requestUnavailable" ? 404 : 403, messageKey: `matching:errors.${code}` });
}

export type RequestAnswerInput = z.infer<typeof RequestAnswerSchema>;

const answerRequestSelect = {
  ...requestSelect,
  buyerCompany: { select: { name: true, country: true } },
} satisfies Prisma.SourcingRequestSelect;

/** The firm's thread with a buyer about a request (started by either side), if there is one. */
async function threadAboutRequest(firmId: string, requestId: string, db: Pick<typeof prisma, "inquiry"> = prisma) {
  return db.inquiry.findFirst({ where: { firmId, sourcingRequestId: requestId }, orderBy: { createdAt: "asc" }, select: { id: true } });
}

/** Whether the firm has blocked the buying company (then it neither hears from it nor writes to it). */
async function firmBlocksBuyer(firmId: string, buyerCompanyId: string): Promise<boolean> {
  return (await prisma.firmBuyerBlock.findUnique({ where: { firmId_buyerCompanyId: { firmId, buyerCompanyId } }, select: { id: true } })) !== null;
}

/** Thrown inside an answer's transaction when another member's answer got there first: rolls back, then that thread is returned. */
class AlreadyAnswered extends Error {
  constructor(readonly inquiryId: string) {
    super("the firm has already answered this request");
  }
}

/**
 * What the answer page shows: the request as this firm may see it (open,
 * deadline not passed, PUBLIC or, for a verified firm, VERIFIED_FIRMS), the
 * firm's published products, and the thread if the firm has already
 * answered. Null when the request does not exist or is not open to the firm.
 */
export async function getRequestAnswerForm(firmId: string, requestId: string, locale: Locale, now = new Date()) {
  const [firm, request] = await Promise.all([
    prisma.firm.findUnique({
      where: { id: firmId },
      select: {
        verification: true,
        published: true,
        products: {
          where: { published: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 200,
          select: { id: true, name: true, attributes: true, hsCode: true },
        },
      },
    }),
    prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: answerRequestSelect }),
  ]);
  if (!firm || !request) return null;
  const verified = firm.verification === "VERIFIED";
  if (!isRequestVisibleToFirm(request, { verified }, now)) return null;
  const title = displayText(request.title, locale);
  return {
    request: {
      id: request.id,
      title: title?.text ?? "",
      titleLocale: title?.isFallback ? title.locale : null,
      hsCodes: request.hsCodes,
      quantity: request.quantity,
      unitName: displayLabel(quantityUnitName(request.unit, locale), locale),
      targetPriceUsd: request.targetPriceUsd === null ? null : Number(request.targetPriceUsd),
      requiredCertifications: request.requiredCertifications,
      destinationCountryName: request.destinationCountry ? countryName(request.destinationCountry, locale) : null,
      buyerCountryName: request.buyerCompany.country ? countryName(request.buyerCompany.country, locale) : null,
      deadline: request.deadline ? request.deadline.toISOString().slice(0, 10) : null,
      visibility: request.visibility,
    },
    firm: {
      canAnswer: verified && firm.published,
      buyerBlocked: await firmBlocksBuyer(firmId, request.buyerCompanyId),
      products: firm.products.map((product) => ({ id: product.id, name: productTitle(product.name, product.attributes, locale).text, hsCode: product.hsCode })),
    },
    inquiryId: (await threadAboutRequest(firmId, requestId))?.id ?? null,
  };
}

/**
 * A firm's member answers a buyer's sourcing request: a thread between the
 * firm and the buying company about the request (opened by the firm), the
 * first message with its attachments, the products offered, a notice to
 * every member of the buying company, and an audit record, in one
 * transaction. Only a verified, published firm may answer, and only a
 * request open to it. If the firm already has a thread about the request
 * (its answer, or the buyer's inquiry), that thread is returned instead of
 * a second one.
 */
export async function answerSourcingRequest(
  member: AuthUser & { firmId: string },
  requestId: string,
  input: RequestAnswerInput,
  attachments: CheckedAttachment[],
): Promise<{ id: string; existing: boolean }> {
  const now = new Date();
  const [firm, request] = await Promise.all([
    prisma.firm.findUnique({ where: { id: member.firmId }, select: { name: true, verification: true, published: true } }),
    prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: answerRequestSelect }),
  ]);
  if (!firm || firm.verification !== "VERIFIED" || !firm.published) throw answerRefusal("firmNotVerified");
  if (!request || !isRequestVisibleToFirm(request, { verified: true }, now)) throw answerRefusal("requestUnavailable");
  const existing = await threadAboutRequest(member.firmId, requestId);
  if (existing) return { id: existing.id, existing: true };
  // The buyer could not answer back: the firm unblocks them first (from a thread with them).
  if (await firmBlocksBuyer(member.firmId, request.buyerCompanyId)) throw answerRefusal("buyerBlocked");
  const productIds = [...new Set(input.productIds)];
  const products = await prisma.product.findMany({
    where: { id: { in: productIds }, firmId: member.firmId, published: true },
    select: { id: true, name: true },
  });
  if (products.length !== productIds.length) throw answerRefusal("productNotOfFirm");
  const order = new Map(productIds.map((id, index) => [id, index]));
  const language = detectMessageLanguage(input.message, member.locale);
  const answer = withStoredAttachments(attachments, (keys) =>
    prisma.$transaction(async (tx) => {
      // Two members answering at once: the second waits for the first, finds its thread and rolls back.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`request-answer:${member.firmId}:${request.id}`}, 0))`;
      const answered = await threadAboutRequest(member.firmId, request.id, tx);
      if (answered) throw new AlreadyAnswered(answered.id);
      const inquiry = await tx.inquiry.create({
        data: {
          firmId: member.firmId,
          buyerCompanyId: request.buyerCompanyId,
          createdById: member.id,
          sourcingRequestId: request.id,
          openedBy: "FIRM",
          quantity: request.quantity,
          unit: request.unit,
          targetPriceUsd: request.targetPriceUsd,
          destinationCountry: request.destinationCountry,
          buyerCountry: request.buyerCompany.country,
          firstResponseAt: now,
          lastMessageAt: now,
          firmLastMessageAt: now,
          firmReadAt: now,
          createdAt: now,
          ...openingWrites({ side: "FIRM", authorId: member.id, body: input.message, language, now, products, order, attachments, keys }),
        },
        select: { id: true, firmId: true, buyerCompanyId: true },
      });
      await notifySide(tx, "BUYER", { ...inquiry, firmName: firm.name, buyerCompany: request.buyerCompany.name }, "inquiry.offer", {
        excerpt: excerptOf(input.message),
      });
      // On the request's trail: the bureau sees which firms answered it.
      await recordAudit(tx, {
        actorId: member.id,
        entityType: "request",
        entityId: request.id,
        action: "answer",
        changes: { firmId: member.firmId, inquiryId: inquiry.id, productIds },
      });
      return { id: inquiry.id, existing: false };
    }),
  );
  return answer.catch((error: unknown) => {
    if (error instanceof AlreadyAnswered) return { id: error.inquiryId, existing: true };
    throw error;
  });
}

/**
 * The thread as `viewer` may see it: the two parties, and bureau staff once
 * the thread has been reported. Anyone else gets 404 (not even its existence).
 */
async function loadAccess(viewer: AuthUser, inquiryId: string) {
  const inquiry = await prisma.inquiry.findUnique({
    where: { id: inquiryId },
    select: { id: true, firmId: true, buyerCompanyId: true, _count: { select: { reports: true } } },
  });
  if (!inquiry) notFound();
  const party = partyOf(viewer);
  let side: Side | null = null;
  if (party?.side === "BUYER" && party.buyerCompanyId === inquiry.buyerCompanyId) side = "BUYER";
  if (party?.side === "FIRM" && party.firmId === inquiry.firmId) side = "FIRM";
  const bureau = side === null && isBureau(viewer) && inquiry._count.reports > 0;
  if (!side && !bureau) notFound();
  return { inquiry, side, bureau };
}

/** Only a party may act on a thread (bureau staff read reported ones, nothing more). */
async function requireParty(viewer: AuthUser, inquiryId: string, side?: Side) {
  const access = await loadAccess(viewer, inquiryId);
  if (!access.side) forbidden();
  if (side && access.side !== side) forbidden();
  return { ...access.inquiry, side: access.side };
}

export async function getThread(viewer: AuthUser, inquiryId: string, locale: Locale) {
  const access = await loadAccess(viewer, inquiryId);
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
        body: message.body,
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

async function threadNames(tx: Tx, inquiryId: string) {
  return tx.inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: { id: true, firmId: true, buyerCompanyId: true, firm: { select: { name: true } }, buyerCompany: { select: { name: true } } },
  });
}

/** A party writes in a thread: the message, the receipts, a notice to the other side, the firm's figures. */
export async function postMessage(viewer: AuthUser, inquiryId: string, body: string, attachments: CheckedAttachment[]) {
  const thread = await requireParty(viewer, inquiryId);
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
        select: { id: true },
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
      );
      if (thread.side === "FIRM" && !current.firstResponseAt) await refreshFirmResponseStats(tx, thread.firmId, now);
      return message;
    }),
  );
}

/** The firm moves the thread along: quoted, sample sent, won, lost (or open again). */
export async function setInquiryStatus(viewer: AuthUser, inquiryId: string, status: InquiryStatusValue) {
  await requireParty(viewer, inquiryId, "FIRM");
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
export async function setBuyerBlocked(viewer: AuthUser, inquiryId: string, blocked: boolean) {
  const thread = await requireParty(viewer, inquiryId, "FIRM");
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
export async function reportInquiry(viewer: AuthUser, inquiryId: string, reason: string) {
  const thread = await requireParty(viewer, inquiryId);
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

/** An attachment's bytes, for the thread's parties (and bureau staff on a reported thread) only. */
export async function getAttachmentForViewer(viewer: AuthUser, inquiryId: string, attachmentId: string) {
  await loadAccess(viewer, inquiryId);
  const attachment = await prisma.inquiryAttachment.findFirst({
    where: { id: attachmentId, message: { inquiryId } },
    select: { storageKey: true, fileName: true, contentType: true, sizeBytes: true },
  });
  if (!attachment) notFound();
  const bytes = await attachmentStore().get(attachment.storageKey);
  if (!bytes) notFound();
  return { ...attachment, bytes };
}

export const INBOX_PAGE_SIZE = 25;

/** A party's inbox: their threads, newest activity first, with unread marks. */
export async function listInbox(viewer: AuthUser, locale: Locale, page = 1) {
  const party = partyOf(viewer);
  if (!party) forbidden();
  const fallbacks = textFallbacks[locale];
  const where: Prisma.InquiryWhereInput = party.side === "BUYER" ? { buyerCompanyId: party.buyerCompanyId } : { firmId: party.firmId };
  const [total, rows] = await Promise.all([
    prisma.inquiry.count({ where }),
    prisma.inquiry.findMany({
      where,
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        lastMessageAt: true,
        buyerLastMessageAt: true,
        firmLastMessageAt: true,
        buyerReadAt: true,
        firmReadAt: true,
        firm: { select: { name: true } },
        buyerCompany: { select: { name: true, country: true } },
        products: { orderBy: { position: "asc" }, take: 3, select: { name: true } },
        _count: { select: { products: true } },
      },
    }),
  ]);
  return {
    side: party.side,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    threads: rows.map((row) => {
      const theirs = party.side === "BUYER" ? row.firmLastMessageAt : row.buyerLastMessageAt;
      const mine = party.side === "BUYER" ? row.buyerReadAt : row.firmReadAt;
      return {
        id: row.id,
        status: row.status,
        counterpart: party.side === "BUYER" ? textIn(row.firm.name, locale, fallbacks) : row.buyerCompany.name,
        counterpartCountry: party.side === "FIRM" ? row.buyerCompany.country : null,
        products: row.products.map((product) => textIn(product.name, locale, fallbacks)),
        moreProducts: Math.max(0, row._count.products - row.products.length),
        lastMessageAt: row.lastMessageAt.toISOString(),
        unread: theirs !== null && (mine === null || theirs > mine),
      };
    }),
  };
}

export { threadLink };
