import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";

/**
 * A firm's delegations, newest fair first. For the firm and the bureau
 * (`scope: "all"`): every application with its status, booth and subsidy
 * paid. For the public (`scope: "public"`): only the delegations the firm
 * was part of once the bureau has published the roster.
 */
export async function delegationHistory(firmId: string, locale: Locale, scope: "all" | "public") {
  const rows = await prisma.delegationApplication.findMany({
    where: {
      firmId,
      ...(scope === "public" ? { status: "APPROVED" as const, call: { status: { in: ["ROSTER_PUBLISHED" as const, "FINISHED" as const] } } } : {}),
    },
    orderBy: { call: { edition: { startsOn: "desc" } } },
    take: 50,
    select: {
      id: true,
      status: true,
      booth: true,
      subsidyPaidCny: true,
      call: { select: { status: true, edition: { select: { slug: true, name: true, startsOn: true, endsOn: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    booth: row.booth,
    subsidyPaidCny: scope === "all" && row.subsidyPaidCny !== null ? Number(row.subsidyPaidCny) : null,
    edition: {
      slug: row.call.edition.slug,
      name: displayTextIn(row.call.edition.name, locale),
      startsOn: row.call.edition.startsOn.toISOString().slice(0, 10),
      endsOn: row.call.edition.endsOn.toISOString().slice(0, 10),
    },
  }));
}
export type DelegationHistoryEntry = Awaited<ReturnType<typeof delegationHistory>>[number];
