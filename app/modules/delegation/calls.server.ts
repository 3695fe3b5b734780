import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { callTermsEditable, canMoveCall, type CallStatus } from "./lifecycle";
import { ineligibleReasons, type IneligibleReason } from "./eligibility";
import type { CallInput } from "./call.schema";
import { delegationRefusal } from "./refusals";
import { defaultScoreWeights, type ScoreWeights, type ScoringContext } from "./scoring";

/**
 * The bureau's delegation calls: written and moved along its lifecycle by
 * staff (every change audited), and listed for firms with whether each is
 * open to them and why not. Callers pass the checked actor; refusals are
 * DomainErrors (refusals.ts); nothing here answers HTTP.
 */

export interface StaffActor {
  userId: string;
}

function callData(input: CallInput) {
  return {
    opensAt: input.opensAt,
    deadline: input.deadline,
    quota: input.quota,
    townIds: input.townIds,
    clusterIds: input.clusterIds,
    verifiedOnly: input.verifiedOnly,
    minProducts: input.minProducts,
    boothTypes: input.boothTypes as Prisma.InputJsonValue,
    subsidySharePercent: input.subsidySharePercent,
    subsidyCapCny: input.subsidyCapCny,
    documentsAsked: input.documentsAsked as Prisma.InputJsonValue,
    weights: input.weights as Prisma.InputJsonValue,
  };
}

/** A draft call for an edition's delegation; its scoring context starts from the fair's markets. */
export async function createCall(actor: StaffActor, editionId: string, input: CallInput, context: Partial<ScoringContext> = {}): Promise<{ callId: string }> {
  return prisma.$transaction(async (tx) => {
    const edition = await tx.fairEdition.findUnique({ where: { id: editionId }, select: { id: true, startsOn: true, call: { select: { id: true } }, series: { select: { markets: true } } } });
    if (!edition) throw delegationRefusal("editionNotFound");
    if (edition.call) throw delegationRefusal("callExists");
    const scoringContext: ScoringContext = {
      year: edition.startsOn.getUTCFullYear(),
      markets: context.markets ?? edition.series?.markets ?? [],
      relevantCertifications: context.relevantCertifications ?? [],
      priorityClusters: context.priorityClusters ?? [],
      profileLocales: context.profileLocales ?? ["zh-CN", "en", "pt"],
    };
    const call = await tx.delegationCall.create({
      data: { editionId, createdById: actor.userId, ...callData(input), scoringContext: scoringContext as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationCall", entityId: call.id, action: "create", changes: { editionId, quota: input.quota, deadline: input.deadline.toISOString() } });
    return { callId: call.id };
  });
}

/** Whether the call's terms may still change: only before selection starts. */

/** The call's terms change only before selection starts; a quota below the places already given is refused. */
export async function updateCall(actor: StaffActor, callId: string, input: CallInput): Promise<{ callId: string }> {
  return prisma.$transaction(async (tx) => {
    const [call] = await tx.$queryRaw<{ status: CallStatus; quota: number; deadline: Date }[]>`
      SELECT "status"::text AS status, "quota", "deadline" FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
    if (!call) throw delegationRefusal("callNotFound");
    if (!callTermsEditable(call.status)) throw delegationRefusal("notEditable");
    const approved = await tx.delegationApplication.count({ where: { callId, status: "APPROVED" } });
    if (input.quota < approved) throw delegationRefusal("quotaFull", { approved });
    await tx.delegationCall.update({ where: { id: callId }, data: callData(input) });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "delegationCall",
      entityId: callId,
      action: "update",
      changes: { quota: { from: call.quota, to: input.quota }, deadline: { from: call.deadline.toISOString(), to: input.deadline.toISOString() } },
    });
    return { callId };
  });
}

/** Moves a call along its lifecycle; the rule is checked under a lock on the call, so two staff can't both move it. */
export async function moveCall(actor: StaffActor, callId: string, to: CallStatus): Promise<{ callId: string }> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: CallStatus }[]>`SELECT "status"::text AS status FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
    if (!row) throw delegationRefusal("callNotFound");
    if (!canMoveCall(row.status, to)) throw delegationRefusal("badTransition", { from: row.status, to });
    await tx.delegationCall.update({
      where: { id: callId },
      data: { status: to, ...(to === "ROSTER_PUBLISHED" ? { rosterPublishedAt: new Date() } : {}) },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationCall", entityId: callId, action: "status", changes: { status: { from: row.status, to } } });
    return { callId };
  });
}

/** Saves the weights the bureau tried on the ranking page; refused once the roster is out (the ranking is history then). */
export async function saveCallWeights(actor: StaffActor, callId: string, weights: ScoreWeights): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: CallStatus; weights: unknown }[]>`SELECT "status"::text AS status, "weights" FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
    if (!row) throw delegationRefusal("callNotFound");
    if (row.status === "ROSTER_PUBLISHED" || row.status === "FINISHED") throw delegationRefusal("weightsLocked");
    await tx.delegationCall.update({ where: { id: callId }, data: { weights: weights as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationCall", entityId: callId, action: "weights", changes: { weights: { from: callWeights(row.weights), to: weights } } });
  });
}

export function callWeights(stored: unknown): ScoreWeights {
  const weights = { ...defaultScoreWeights };
  if (stored && typeof stored === "object") {
    for (const key of Object.keys(weights) as (keyof ScoreWeights)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === "number" && Number.isFinite(value) && value >= 0) weights[key] = value;
    }
  }
  return weights;
}

export interface CallForFirm {
  callId: string;
  editionId: string;
  editionSlug: string;
  deadline: Date;
  reasons: IneligibleReason[];
  applicationStatus: string | null;
}

/** Every open call, each with why the firm may not apply to it (none: it may) and its own application, if any. */
export async function openCallsForFirm(firmId: string, now = new Date()): Promise<CallForFirm[]> {
  const [firm, calls] = await Promise.all([
    prisma.firm.findUniqueOrThrow({
      where: { id: firmId },
      select: { townId: true, clusterId: true, verification: true, _count: { select: { products: { where: { published: true } } } } },
    }),
    prisma.delegationCall.findMany({
      where: { status: "OPEN", deadline: { gt: now } },
      orderBy: { deadline: "asc" },
      select: {
        id: true,
        deadline: true,
        townIds: true,
        clusterIds: true,
        verifiedOnly: true,
        minProducts: true,
        edition: { select: { id: true, slug: true } },
        applications: { where: { firmId }, select: { status: true } },
      },
    }),
  ]);
  const facts = { townId: firm.townId, clusterId: firm.clusterId, verified: firm.verification === "VERIFIED", publishedProducts: firm._count.products };
  return calls.map((call) => ({
    callId: call.id,
    editionId: call.edition.id,
    editionSlug: call.edition.slug,
    deadline: call.deadline,
    reasons: ineligibleReasons(facts, call),
    applicationStatus: call.applications[0]?.status ?? null,
  }));
}

/** The columns of a call's terms, as the bureau's workspace and the firm's pages read them. */
export const callTermsColumns = {
  id: true,
  status: true,
  opensAt: true,
  deadline: true,
  quota: true,
  townIds: true,
  clusterIds: true,
  verifiedOnly: true,
  minProducts: true,
  boothTypes: true,
  subsidySharePercent: true,
  subsidyCapCny: true,
  documentsAsked: true,
} as const;
