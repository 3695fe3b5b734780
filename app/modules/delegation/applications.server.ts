import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { applicationWindow, canFirmChange, checkDecision, nextFromWaitlist, type ApplicationStatus, type CallStatus, type DecisionRefusal } from "./lifecycle";
import { ineligibleReasons } from "./eligibility";
import type { ApplicationInput } from "./call.schema";
import type { StaffActor } from "./calls.server";
import { rankCall } from "./ranking.server";
import { firmRefusal } from "./refusals";
import { documentField } from "./application-form";
import { forgetFiles, saveDocuments, type CheckedDocument } from "./documents.server";
import { noticeApplicationReceived } from "./firm-notices.server";

/**
 * A firm's application to a delegation, from submission to the bureau's
 * decision. The firm's refusals are DomainErrors (refusals.ts); the
 * bureau's decision still answers a typed result; decisions are taken under a lock
 * on the call, so the quota holds when two staff approve the last place.
 */

export interface FirmActor {
  userId: string;
  firmId: string;
}

type Tx = Prisma.TransactionClient;

export type ApplyResult = { ok: true; applicationId: string };

async function lockCall(tx: Tx, callId: string) {
  const [row] = await tx.$queryRaw<{ status: CallStatus; deadline: Date; quota: number }[]>`
    SELECT "status"::text AS status, "deadline", "quota" FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
  return row;
}

/** Checks what the firm sends against the call: booth type offered, products its own, every document asked. */
async function checkContent(tx: Tx, callId: string, firmId: string, input: ApplicationInput, documents: { have: Set<number> } | null) {
  const call = await tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { boothTypes: true, documentsAsked: true } });
  const codes = ((call.boothTypes ?? []) as { code?: string }[]).map((booth) => booth.code);
  if (!codes.includes(input.boothTypeCode)) throw firmRefusal("unknownBoothType");
  const owned = await tx.product.count({ where: { id: { in: input.productIds }, firmId } });
  if (owned !== new Set(input.productIds).size) throw firmRefusal("productsNotOwned");
  if (documents) {
    const asked = Array.isArray(call.documentsAsked) ? call.documentsAsked : [];
    const missing = asked.findIndex((_, index) => !documents.have.has(index));
    if (missing >= 0) throw firmRefusal("documentMissing", { document: String(asked[missing]).replace(/[|=]/g, " ") }, documentField(missing));
  }
}

export interface FirmApplicationOptions {
  /** The documents uploaded with the form (already checked: type sniffed, size held). */
  documents?: CheckedDocument[];
  /** Check that every document the call asks for is there (the form does; service callers may not). */
  requireDocuments?: boolean;
}

/** Runs a change that stores files: removes the new files when it fails, the replaced ones when it succeeds. */
async function withFiles<T>(work: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    const result = await work(written);
    await forgetFiles(written, true);
    return result;
  } catch (error) {
    await forgetFiles(written, false);
    throw error;
  }
}

/**
 * The firm applies to a call. Refused with a DomainError (late, closed,
 * ineligible, a second application, a booth type not offered, products of
 * another firm, a document missing); the firm gets its receipt in its inbox
 * and by e-mail in the same transaction.
 */
export async function applyToCall(actor: FirmActor, callId: string, input: ApplicationInput, now = new Date(), options: FirmApplicationOptions = {}): Promise<ApplyResult> {
  return withFiles((written) =>
    prisma.$transaction(async (tx) => {
      const call = await lockCall(tx, callId);
      if (!call) throw firmRefusal("callNotFound");
      const closed = applicationWindow(call, now);
      if (closed) throw firmRefusal(closed);
      const rules = await tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { townIds: true, clusterIds: true, verifiedOnly: true, minProducts: true } });
      const firm = await tx.firm.findUniqueOrThrow({
        where: { id: actor.firmId },
        select: { townId: true, clusterId: true, verification: true, _count: { select: { products: { where: { published: true } } } } },
      });
      if (ineligibleReasons({ townId: firm.townId, clusterId: firm.clusterId, verified: firm.verification === "VERIFIED", publishedProducts: firm._count.products }, rules).length) {
        throw firmRefusal("ineligible");
      }
      if (await tx.delegationApplication.findUnique({ where: { callId_firmId: { callId, firmId: actor.firmId } }, select: { id: true } })) {
        throw firmRefusal("alreadyApplied");
      }
      const documents = options.documents ?? [];
      await checkContent(tx, callId, actor.firmId, input, options.requireDocuments ? { have: new Set(documents.map((document) => document.askedIndex)) } : null);
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
      await saveDocuments(tx, application.id, documents, written);
      await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: application.id, action: "create", changes: { callId, boothTypeCode: input.boothTypeCode, productIds: input.productIds, documents: documents.length } });
      await noticeApplicationReceived(tx, { firmId: actor.firmId, callId, applicationId: application.id });
      return { ok: true, applicationId: application.id } as const;
    }),
  );
}

export type FirmChangeResult = { ok: true; promoted: string | null };

/** Edits the firm's own application, until the deadline (another firm's application: not found). */
export async function editApplication(actor: FirmActor, applicationId: string, input: ApplicationInput, now = new Date(), options: FirmApplicationOptions = {}): Promise<FirmChangeResult> {
  return withFiles((written) =>
    prisma.$transaction(async (tx) => {
      const application = await tx.delegationApplication.findFirst({
        where: { id: applicationId, firmId: actor.firmId },
        select: { callId: true, status: true, documents: { select: { askedIndex: true } } },
      });
      if (!application) throw firmRefusal("notFound");
      const call = await lockCall(tx, application.callId);
      const refused = canFirmChange(call, application, now);
      if (refused) throw firmRefusal(refused);
      const documents = options.documents ?? [];
      const have = new Set([...application.documents.map((document) => document.askedIndex ?? -1), ...documents.map((document) => document.askedIndex)]);
      await checkContent(tx, application.callId, actor.firmId, input, options.requireDocuments ? { have } : null);
      await tx.delegationApplication.update({
        where: { id: applicationId },
        data: { boothTypeCode: input.boothTypeCode, productIds: [...new Set(input.productIds)], attendees: input.attendees as Prisma.InputJsonValue, keepWithCluster: input.keepWithCluster, note: input.note ?? null },
      });
      await saveDocuments(tx, applicationId, documents, written);
      await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "update", changes: { boothTypeCode: input.boothTypeCode, productIds: input.productIds, documents: documents.length } });
      return { ok: true, promoted: null } as const;
    }),
  );
}

/**
 * The firm withdraws. Before the deadline that is always allowed; an
 * approved firm may also withdraw later (the fair is theirs to miss), and
 * its place goes to the best-ranked firm on the waitlist.
 */
export async function withdrawApplication(actor: FirmActor, applicationId: string, now = new Date()): Promise<FirmChangeResult> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.delegationApplication.findFirst({ where: { id: applicationId, firmId: actor.firmId }, select: { callId: true, status: true } });
    if (!application) throw firmRefusal("notFound");
    const call = await lockCall(tx, application.callId);
    if (application.status === "WITHDRAWN") throw firmRefusal("withdrawn");
    const wasApproved = application.status === "APPROVED";
    if (!wasApproved) {
      const refused = canFirmChange(call, application, now);
      if (refused && refused !== "decided") throw firmRefusal(refused);
    }
    await tx.delegationApplication.update({ where: { id: applicationId }, data: { status: "WITHDRAWN", withdrawnAt: now, booth: null, boothZone: null } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "withdraw", changes: { status: { from: application.status, to: "WITHDRAWN" } } });
    const promoted = wasApproved ? await promoteFromWaitlist(tx, application.callId) : null;
    return { ok: true, promoted } as const;
  });
}

async function promoteFromWaitlist(tx: Tx, callId: string): Promise<string | null> {
  const ranked = await rankCall(callId, undefined, tx);
  const next = nextFromWaitlist(ranked.map((entry) => ({ id: entry.applicationId, status: entry.status })));
  if (!next) return null;
  await tx.delegationApplication.update({ where: { id: next.id }, data: { status: "APPROVED", decidedAt: new Date(), decisionReason: null } });
  await recordAudit(tx, { actorId: null, actorLabel: "system", entityType: "delegationApplication", entityId: next.id, action: "promote", changes: { status: { from: "WAITLISTED", to: "APPROVED" } } });
  return next.id;
}

export type Decision = Exclude<ApplicationStatus, "SUBMITTED" | "WITHDRAWN">;
export type DecideResult = { ok: true } | { ok: false; reason: DecisionRefusal | "notFound" | "reasonRequired" };

/**
 * The bureau's decision on one application, with the reason the firm reads
 * (required to reject or waitlist). Taken under a lock on the call: of two
 * staff approving the last place at once, one succeeds and the other is
 * told the quota is full.
 */
export async function decideApplication(actor: StaffActor, applicationId: string, decision: Decision, reason: string | null): Promise<DecideResult> {
  if (decision !== "APPROVED" && !reason?.trim()) return { ok: false, reason: "reasonRequired" };
  return prisma.$transaction(async (tx) => {
    const found = await tx.delegationApplication.findUnique({ where: { id: applicationId }, select: { callId: true } });
    if (!found) return { ok: false, reason: "notFound" } as const;
    const call = await lockCall(tx, found.callId);
    // Read again under the lock: the firm may have withdrawn meanwhile.
    const application = await tx.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
    const approved = await tx.delegationApplication.count({ where: { callId: found.callId, status: "APPROVED" } });
    const refused = checkDecision(call, application, decision, approved);
    if (refused) return { ok: false, reason: refused } as const;
    await tx.delegationApplication.update({
      where: { id: applicationId },
      data: { status: decision, decisionReason: reason?.trim() || null, decidedById: actor.userId, decidedAt: new Date(), ...(decision === "APPROVED" ? {} : { booth: null, boothZone: null }) },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "decide", changes: { status: { from: application.status, to: decision }, reason: reason?.trim() || null } });
    return { ok: true } as const;
  });
}
