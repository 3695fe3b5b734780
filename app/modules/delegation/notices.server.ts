import type { Prisma } from "~/utils/db.server";
import { notify } from "~/modules/notification/notification.server";
import type { NotificationKind } from "~/modules/notification/kinds";
import { excerptOf } from "~/modules/notification/kinds";

type Tx = Prisma.TransactionClient;

/** The page a firm opens from a delegation notice (after the locale): its own application. */
export function firmDelegationPath(applicationId: string) {
  return `/delegations/applications/${applicationId}`;
}

/**
 * Tells the firm's active members about a step of its application (a
 * decision, a booth), in the app and by e-mail in each member's language,
 * inside the transaction that takes the step.
 */
export async function notifyApplicant(
  tx: Tx,
  applicationId: string,
  kind: Extract<NotificationKind, `delegation.${string}`>,
  extra: { decision?: string; reason?: string | null; booth?: string | null } = {},
) {
  const application = await tx.delegationApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { firmId: true, firm: { select: { name: true } }, call: { select: { edition: { select: { slug: true, name: true } } } } },
  });
  const recipients = await tx.user.findMany({ where: { firmId: application.firmId, role: "FIRM_MEMBER", status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
  const edition = application.call.edition;
  const path = firmDelegationPath(applicationId);
  await notify(tx, {
    recipients,
    kind,
    params: {
      firmName: application.firm.name,
      fairName: edition.name,
      ...(extra.decision ? { decision: extra.decision } : {}),
      ...(extra.booth ? { booth: extra.booth } : {}),
      // The reason is shown whole on the firm's page; the notice carries its start.
      ...(extra.reason ? { excerpt: excerptOf(extra.reason, 300) } : {}),
      applicationId,
    },
    link: (locale) => `/${locale}${path}`,
  });
}
