import { prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

/** The figures on the bureau's front page. */
export async function getBureauDashboard(locale: Locale) {
  const [firmsByStatus, products, buyers, openRequests, outbox, recentFirms] = await Promise.all([
    prisma.firm.groupBy({ by: ["verification"], _count: { _all: true } }),
    prisma.product.count(),
    prisma.buyerCompany.count(),
    prisma.sourcingRequest.count({ where: { status: "OPEN" } }),
    prisma.searchOutbox.groupBy({ by: ["status"], where: { status: { in: ["PENDING", "PARKED"] } }, _count: { _all: true } }),
    prisma.firm.findMany({
      where: { verification: "PENDING" },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, name: true, uscc: true, createdAt: true, town: { select: { name: true } } },
    }),
  ]);
  const count = (status: string) => firmsByStatus.find((row) => row.verification === status)?._count._all ?? 0;
  const fallbacks = textFallbacks[locale];
  return {
    firms: { pending: count("PENDING"), verified: count("VERIFIED"), rejected: count("REJECTED") },
    products,
    buyers,
    openRequests,
    outbox: {
      pending: outbox.find((row) => row.status === "PENDING")?._count._all ?? 0,
      parked: outbox.find((row) => row.status === "PARKED")?._count._all ?? 0,
    },
    pendingFirms: recentFirms.map((firm) => ({
      id: firm.id,
      name: textIn(firm.name, locale, fallbacks),
      uscc: firm.uscc,
      town: firm.town ? textIn(firm.town.name, locale, fallbacks) : null,
      createdAt: firm.createdAt.toISOString(),
    })),
  };
}
