import type { z } from "zod";
import { prisma } from "~/utils/db.server";
import type { AuthUser } from "~/modules/access/user.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { excerptOf } from "~/modules/notification/kinds";
import type { CheckedAttachment } from "./attachment.server";
import { firmAvailability, inquiryRefusal } from "./availability.server";
import { detectMessageLanguage } from "./language";
import { refreshFirmResponseStats } from "./response-stats.server";
import { notifySide, openingWrites, withStoredAttachments } from "./thread-writes.server";
import type { NewInquirySchema } from "./inquiry.schema";

/** A buyer opens an inquiry with a firm. */
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
        select: { id: true, firmId: true, buyerCompanyId: true, messages: { select: { id: true, language: true }, take: 1 } },
      });
      await notifySide(tx, "FIRM", { ...inquiry, firmName: firm.name, buyerCompany: company.name }, "inquiry.new", {
        excerpt: excerptOf(input.message),
      }, undefined, inquiry.messages[0]);
      await refreshFirmResponseStats(tx, input.firmId, now);
      return inquiry;
    }),
  );
}
