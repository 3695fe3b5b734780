import { prisma } from "~/utils/db.server";
import { forbiddenError, notFoundError } from "~/utils/domain-error";
import { endAllSessions } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";

/**
 * The bureau suspends a firm's or a buyer's account: it can no longer sign
 * in, and every session it has ends now (readSession refuses non-active
 * users anyway; ending them frees the rows). Staff accounts are managed by
 * admins elsewhere, never suspended from here (403); an unknown user is 404.
 */
export async function setAccountSuspended(actorId: string, userId: string, suspended: boolean) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, status: true } });
  if (!user) throw notFoundError("userNotFound");
  if (user.role !== "BUYER" && user.role !== "FIRM_MEMBER") throw forbiddenError("notSuspendable");
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
