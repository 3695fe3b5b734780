import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { checkDecision, nextFromWaitlist, type ApplicationStatus, type CallStatus } from "./lifecycle";
import type { StaffActor } from "./calls.server";
import { rankCall } from "./ranking.server";
import { delegationRefusal } from "./refusals";
import { notifyApplicant } from "./notices.server";

/**
 * The bureau's decisions on applications, and the waitlist moving up. Each
 * is taken under a row lock on the call (SELECT … FOR UPDATE), so the quota
 * holds when two staff approve the last place at once: the second waits,
 * then counts the first's approval and is told the quota is full. The firm
 * is told of every decision in its members' languages, in the same
 * transaction.
 */

type Tx = Prisma.TransactionClient;

export type Decision = Exclude<ApplicationStatus, "SUBMITTED" | "WITHDRAWN">;

/** Locks the call's row for the rest of the transaction and reads what the rules need. */
export async function lockCall(tx: Tx, callId: string) {
  const [row] = await tx.$queryRaw<{ status: CallStatus; deadline: Date; quota: number }[]>`
    SELECT "status"::text AS status, "deadline", "quota" FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
  return row;
}

/**
 * The bureau's decision on one application, with the reason the firm reads
 * (required to reject or waitlist) and the language it is written in.
 */
export async function decideApplication(actor: StaffActor, applicationId: string, decision: Decision, reason: string | null, reasonLocale: string | null = null): Promise<void> {
  const text = reason?.trim() || null;
  if (decision !== "APPROVED" && !text) throw delegationRefusal("reasonRequired");
  await prisma.$transaction(async (tx) => {
    const found = await tx.delegationApplication.findUnique({ where: { id: applicationId }, select: { callId: true } });
    if (!found) throw delegationRefusal("applicationNotFound");
    const call = await lockCall(tx, found.callId);
    // Read again under the lock: the firm may have withdrawn meanwhile.
    const application = await tx.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
    const approved = await tx.delegationApplication.count({ where: { callId: found.callId, status: "APPROVED" } });
    const refused = checkDecision(call, application, decision, approved);
    if (refused) throw delegationRefusal(refused, { quota: call.quota });
    await tx.delegationApplication.update({
      where: { id: applicationId },
      data: {
        status: decision,
        decisionReason: text,
        decisionReasonLocale: text ? reasonLocale : null,
        decidedById: actor.userId,
        decidedAt: new Date(),
        ...(decision === "APPROVED" ? {} : { booth: null, boothZone: null }),
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "delegationApplication",
      entityId: applicationId,
      action: "decide",
      changes: { status: { from: application.status, to: decision }, reason: text, reasonLocale: text ? reasonLocale : null },
    });
    await notifyApplicant(tx, applicationId, "delegation.decision", { decision, reason: text });
  });
}

/**
 * Gives a free place to the best-ranked waitlisted firm, if there is a free
 * place and a firm waiting; returns its application id. Call it under the
 * call's lock (a firm's withdrawal, the bureau's button). The firm is told.
 */
export async function promoteFromWaitlist(tx: Tx, callId: string, actorId: string | null = null): Promise<string | null> {
  const [call, approved] = await Promise.all([
    tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { quota: true } }),
    tx.delegationApplication.count({ where: { callId, status: "APPROVED" } }),
  ]);
  if (approved >= call.quota) return null;
  const ranked = await rankCall(callId, undefined, tx);
  const next = nextFromWaitlist(ranked.map((entry) => ({ id: entry.applicationId, status: entry.status })));
  if (!next) return null;
  await tx.delegationApplication.update({ where: { id: next.id }, data: { status: "APPROVED", decidedAt: new Date(), decidedById: actorId, decisionReason: null, decisionReasonLocale: null } });
  await recordAudit(tx, {
    actorId,
    actorLabel: actorId ? undefined : "system",
    entityType: "delegationApplication",
    entityId: next.id,
    action: "promote",
    changes: { status: { from: "WAITLISTED", to: "APPROVED" } },
  });
  await notifyApplicant(tx, next.id, "delegation.decision", { decision: "APPROVED" });
  return next.id;
}

/** The bureau's button: fills every free place from the waitlist, best-ranked first. */
export async function fillFromWaitlist(actor: StaffActor, callId: string): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw delegationRefusal("callNotFound");
    if (call.status !== "CLOSED" && call.status !== "SELECTED" && call.status !== "ROSTER_PUBLISHED") throw delegationRefusal("callNotInSelection");
    const [approved, waiting] = await Promise.all([
      tx.delegationApplication.count({ where: { callId, status: "APPROVED" } }),
      tx.delegationApplication.count({ where: { callId, status: "WAITLISTED" } }),
    ]);
    if (waiting === 0) throw delegationRefusal("waitlistEmpty");
    if (approved >= call.quota) throw delegationRefusal("noFreePlace", { quota: call.quota });
    const promoted: string[] = [];
    for (let free = call.quota - approved; free > 0; free -= 1) {
      const id = await promoteFromWaitlist(tx, callId, actor.userId);
      if (!id) break;
      promoted.push(id);
    }
    return promoted;
  });
}

/**
 * The bureau records that a firm withdrew (it phoned, it wrote): the
 * application leaves the delegation with the reason, and its place goes to
 * the waitlist. Returns the promoted application, if any.
 */
export async function withdrawForFirm(actor: StaffActor, applicationId: string, reason: string): Promise<string | null> {
  const text = reason.trim();
  if (!text) throw delegationRefusal("reasonRequired");
  return prisma.$transaction(async (tx) => {
    const found = await tx.delegationApplication.findUnique({ where: { id: applicationId }, select: { callId: true } });
    if (!found) throw delegationRefusal("applicationNotFound");
    const call = await lockCall(tx, found.callId);
    if (call.status === "FINISHED") throw delegationRefusal("notEditable");
    const application = await tx.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
    if (application.status === "WITHDRAWN") throw delegationRefusal("applicationWithdrawn");
    await tx.delegationApplication.update({ where: { id: applicationId }, data: { status: "WITHDRAWN", withdrawnAt: new Date(), booth: null, boothZone: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "delegationApplication",
      entityId: applicationId,
      action: "withdraw",
      changes: { status: { from: application.status, to: "WITHDRAWN" }, reason: text, byBureau: true },
    });
    await notifyApplicant(tx, applicationId, "delegation.decision", { decision: "WITHDRAWN", reason: text });
    return application.status === "APPROVED" ? promoteFromWaitlist(tx, found.callId, actor.userId) : null;
  });
}
