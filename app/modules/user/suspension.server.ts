import { prisma } from "~/utils/db.server";
import { notFound, forbidden } from "~/utils/http.server";
import { endAllSessions } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";

/**
 * The bureau suspends a firm's or a buyer's account: it can no longer sign
 * in, and every session it has ends now (readSession refuses non-active
 * users anyway; ending them frees the rows). Staff accounts are managed by
 * admins elsewhere, never suspended from here.
 */
export async function setAccountSuspended(actorId: string, userId: string, suspended: boolean) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, status: true } });
  if (!user) notFound();
  if (user.role !== "BUYER" && user.role !== "FIRM_MEMBER") forbidden();
  const status = suspended ? "SUSPENDED" : "ACTIVE";
  if (user.status === status) return;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { status } });
    await recordAudit(tx, {
      actorId,
      entityType: "user",
      entityId: userId,
      action: suspended ? "suspend" : "reinstate",
      changes: { status: { from: user.status, to: status } },
    });
  });
  if (suspended) await endAllSessions(userId);
}
