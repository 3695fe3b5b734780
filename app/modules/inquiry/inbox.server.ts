import { prisma, type Prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import type { Party } from "~/modules/access/inquiry.server";

export const INBOX_PAGE_SIZE = 25;

/** A party's inbox: their threads, newest activity first, with unread marks. */
export async function listInbox(party: Party, locale: Locale, page = 1) {
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
