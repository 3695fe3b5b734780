import { prisma } from "~/utils/db.server";
import { notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

/** Reported threads for the bureau: open ones first, with the accounts of both parties. */
export async function listInquiryReports(locale: Locale) {
  const fallbacks = textFallbacks[locale];
  const reports = await prisma.inquiryReport.findMany({
    orderBy: [{ resolvedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: 100,
    select: {
      id: true,
      side: true,
      reason: true,
      createdAt: true,
      resolvedAt: true,
      reporter: { select: { displayName: true } },
      inquiry: {
        select: {
          id: true,
          firm: { select: { name: true, members: { where: { role: "FIRM_MEMBER" }, select: { id: true, displayName: true, email: true, status: true } } } },
          buyerCompany: { select: { name: true, members: { where: { role: "BUYER" }, select: { id: true, displayName: true, email: true, status: true } } } },
        },
      },
    },
  });
  return reports.map((report) => ({
    id: report.id,
    side: report.side,
    reason: report.reason,
    reporter: report.reporter?.displayName ?? null,
    createdAt: report.createdAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    inquiryId: report.inquiry.id,
    firm: textIn(report.inquiry.firm.name, locale, fallbacks),
    buyerCompany: report.inquiry.buyerCompany.name,
    accounts: [
      ...report.inquiry.buyerCompany.members.map((user) => ({ ...user, side: "BUYER" as const })),
      ...report.inquiry.firm.members.map((user) => ({ ...user, side: "FIRM" as const })),
    ],
  }));
}

export async function resolveInquiryReport(actorId: string, reportId: string) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.inquiryReport.updateMany({
      where: { id: reportId, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actorId },
    });
    if (count === 0 && !(await tx.inquiryReport.findUnique({ where: { id: reportId }, select: { id: true } }))) throw notFoundError("reportNotFound");
    await recordAudit(tx, { actorId, entityType: "inquiryReport", entityId: reportId, action: "resolve" });
  });
}
