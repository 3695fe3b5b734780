import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { applicationWindow, canFirmChange, type CallStatus, type WindowRefusal } from "./lifecycle";
import { ineligibleReasons } from "./eligibility";
import type { ApplicationInput } from "./call.schema";
import { promoteFromWaitlist } from "./decisions.server";

/**
 * A firm's application to a delegation, from submission to the bureau's
 * decision. Every refusal the firm or the bureau can cause is a typed
 * result with the reason the page words. The bureau's decisions are in
 * decisions.server.ts; a withdrawal there hands the place to the waitlist.
 */

export interface FirmActor {
  userId: string;
  firmId: string;
}

type Tx = Prisma.TransactionClient;

export type ApplyResult =
  | { ok: true; applicationId: string }
  | { ok: false; reason: WindowRefusal | "callNotFound" | "ineligible" | "alreadyApplied" | "unknownBoothType" | "productsNotOwned" };

async function lockCall(tx: Tx, callId: string) {
  const [row] = await tx.$queryRaw<{ status: CallStatus; deadline: Date; quota: number }[]>`
    SELECT "status"::text AS status, "deadline", "quota" FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
  return row;
}

/** Checks what the firm sends against the call: booth type offered, products its own and published. */
async function checkContent(tx: Tx, callId: string, firmId: string, input: ApplicationInput) {
  const call = await tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { boothTypes: true } });
  const codes = ((call.boothTypes ?? []) as { code?: string }[]).map((booth) => booth.code);
  if (!codes.includes(input.boothTypeCode)) return "unknownBoothType" as const;
  const owned = await tx.product.count({ where: { id: { in: input.productIds }, firmId } });
  if (owned !== new Set(input.productIds).size) return "productsNotOwned" as const;
  return null;
}

export async function applyToCall(actor: FirmActor, callId: string, input: ApplicationInput, now = new Date()): Promise<ApplyResult> {
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) return { ok: false, reason: "callNotFound" } as const;
    const closed = applicationWindow(call, now);
    if (closed) return { ok: false, reason: closed } as const;
    const rules = await tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { townIds: true, clusterIds: true, verifiedOnly: true, minProducts: true } });
    const firm = await tx.firm.findUniqueOrThrow({
      where: { id: actor.firmId },
      select: { townId: true, clusterId: true, verification: true, _count: { select: { products: { where: { published: true } } } } },
    });
    if (ineligibleReasons({ townId: firm.townId, clusterId: firm.clusterId, verified: firm.verification === "VERIFIED", publishedProducts: firm._count.products }, rules).length) {
      return { ok: false, reason: "ineligible" } as const;
    }
    if (await tx.delegationApplication.findUnique({ where: { callId_firmId: { callId, firmId: actor.firmId } }, select: { id: true } })) {
      return { ok: false, reason: "alreadyApplied" } as const;
    }
    const problem = await checkContent(tx, callId, actor.firmId, input);
    if (problem) return { ok: false, reason: problem } as const;
    const application = await tx.delegationApplication.create({
      data: {
        callId,
        firmId: actor.firmId,
        createdById: actor.userId,
        boothTypeCode: input.boothTypeCode,
        productIds: [...new Set(input.productIds)],
        attendees: input.attendees as Prisma.InputJsonValue,
        keepWithCluster: input.keepWithCluster,
        note: input.note ?? null,
        submittedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: application.id, action: "create", changes: { callId, boothTypeCode: input.boothTypeCode, productIds: input.productIds } });
    return { ok: true, applicationId: application.id } as const;
  });
}

export type FirmChangeResult = { ok: true; promoted: string | null } | { ok: false; reason: WindowRefusal | "notFound" | "unknownBoothType" | "productsNotOwned" };

/** Edits the firm's own application, until the deadline. */
export async function editApplication(actor: FirmActor, applicationId: string, input: ApplicationInput, now = new Date()): Promise<FirmChangeResult> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.delegationApplication.findFirst({ where: { id: applicationId, firmId: actor.firmId }, select: { callId: true, status: true } });
    if (!application) return { ok: false, reason: "notFound" } as const;
    const call = await lockCall(tx, application.callId);
    const refused = canFirmChange(call, application, now);
    if (refused) return { ok: false, reason: refused } as const;
    const problem = await checkContent(tx, application.callId, actor.firmId, input);
    if (problem) return { ok: false, reason: problem } as const;
    await tx.delegationApplication.update({
      where: { id: applicationId },
      data: { boothTypeCode: input.boothTypeCode, productIds: [...new Set(input.productIds)], attendees: input.attendees as Prisma.InputJsonValue, keepWithCluster: input.keepWithCluster, note: input.note ?? null },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "update", changes: { boothTypeCode: input.boothTypeCode, productIds: input.productIds } });
    return { ok: true, promoted: null } as const;
  });
}

/**
 * The firm withdraws. Before the deadline that is always allowed; an
 * approved firm may also withdraw later (the fair is theirs to miss), and
 * its place goes to the best-ranked firm on the waitlist.
 */
export async function withdrawApplication(actor: FirmActor, applicationId: string, now = new Date()): Promise<FirmChangeResult> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.delegationApplication.findFirst({ where: { id: applicationId, firmId: actor.firmId }, select: { callId: true, status: true } });
    if (!application) return { ok: false, reason: "notFound" } as const;
    const call = await lockCall(tx, application.callId);
    if (application.status === "WITHDRAWN") return { ok: false, reason: "withdrawn" } as const;
    const wasApproved = application.status === "APPROVED";
    if (!wasApproved) {
      const refused = canFirmChange(call, application, now);
      if (refused && refused !== "decided") return { ok: false, reason: refused } as const;
    }
    await tx.delegationApplication.update({ where: { id: applicationId }, data: { status: "WITHDRAWN", withdrawnAt: now, booth: null, boothZone: null } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "withdraw", changes: { status: { from: application.status, to: "WITHDRAWN" } } });
    const promoted = wasApproved ? await promoteFromWaitlist(tx, application.callId) : null;
    return { ok: true, promoted } as const;
  });
}
