import { translationsFor } from "~/modules/translation/views.server";
import { readerLanguage } from "~/modules/translation/translation.server";
import type { z } from "zod";
import { requestSelect } from "~/modules/request/request.server";
import { prisma, type Prisma } from "~/utils/db.server";
import type { AuthUser } from "~/modules/access/user.server";
import { DomainError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Locale } from "~/i18n/config";
import { excerptOf } from "~/modules/notification/kinds";
import type { CheckedAttachment } from "./attachment.server";
import { detectMessageLanguage } from "./language";
import { isRequestVisibleToFirm } from "~/modules/request/firm-visibility";
import { countryName } from "~/modules/reference/countries.server";
import { displayLabel, displayText } from "~/modules/i18n-text/display.server";
import { quantityUnitName } from "~/modules/reference/units";
import { productTitle } from "~/modules/product/product-text.server";
import { notifySide, openingWrites, withStoredAttachments } from "./thread-writes.server";
import type { RequestAnswerSchema } from "./inquiry.schema";

// A firm answers a buyer's sourcing request: a thread opened by the firm.

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
  // The buyer's words in the firm's language, when an engine translated them.
  const titleTranslation = title?.isFallback
    ? (await translationsFor("request.title", "title", [{ id: request.id, text: title.text, language: readerLanguage(title.locale) }], locale))[request.id]
    : ({ state: "original" } as const);
  return {
    request: {
      id: request.id,
      title: title?.text ?? "",
      titleLocale: title?.isFallback ? title.locale : null,
      titleTranslation,
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
        select: { id: true, firmId: true, buyerCompanyId: true, messages: { select: { id: true, language: true }, take: 1 } },
      });
      await notifySide(tx, "BUYER", { ...inquiry, firmName: firm.name, buyerCompany: request.buyerCompany.name }, "inquiry.offer", {
        excerpt: excerptOf(input.message),
      }, undefined, inquiry.messages[0]);
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
