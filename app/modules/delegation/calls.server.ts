import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { canMoveCall, type CallStatus } from "./lifecycle";
import { ineligibleReasons, type IneligibleReason } from "./eligibility";
import type { CallInput } from "./call.schema";
import { defaultScoreWeights, type ScoreWeights, type ScoringContext } from "./scoring";

/**
 * The bureau's delegation calls: written and moved along its lifecycle by
 * staff (every change audited), and listed for firms with whether each is
 * open to them and why not. Callers pass the checked actor; nothing here
 * answers HTTP.
 */

export interface StaffActor {
  userId: string;
}

export type CallChange = { ok: true; callId: string } | { ok: false; reason: "editionNotFound" | "callExists" | "callNotFound" | "notEditable" | "badTransition" };

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
export async function createCall(actor: StaffActor, editionId: string, input: CallInput, context: Partial<ScoringContext> = {}): Promise<CallChange> {
  return prisma.$transaction(async (tx) => {
    const edition = await tx.fairEdition.findUnique({ where: { id: editionId }, select: { id: true, startsOn: true, call: { select: { id: true } }, series: { select: { markets: true } } } });
    if (!edition) return { ok: false, reason: "editionNotFound" } as const;
    if (edition.call) return { ok: false, reason: "callExists" } as const;
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
    return { ok: true, callId: call.id } as const;
  });
}

/** The call's terms change only before selection starts. */
export async function updateCall(actor: StaffActor, callId: string, input: CallInput): Promise<CallChange> {
  return prisma.$transaction(async (tx) => {
    const call = await tx.delegationCall.findUnique({ where: { id: callId }, select: { status: true, quota: true, deadline: true } });
    if (!call) return { ok: false, reason: "callNotFound" } as const;
    if (call.status !== "DRAFT" && call.status !== "OPEN" && call.status !== "CLOSED") return { ok: false, reason: "notEditable" } as const;
    await tx.delegationCall.update({ where: { id: callId }, data: callData(input) });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "delegationCall",
      entityId: callId,
      action: "update",
      changes: { quota: { from: call.quota, to: input.quota }, deadline: { from: call.deadline.toISOString(), to: input.deadline.toISOString() } },
    });
    return { ok: true, callId } as const;
  });
}

/** Moves a call along its lifecycle; the rule is checked under a lock on the call, so two staff can't both move it. */
export async function moveCall(actor: StaffActor, callId: string, to: CallStatus): Promise<CallChange> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: CallStatus }[]>`SELECT "status"::text AS status FROM "DelegationCall" WHERE "id" = ${callId} FOR UPDATE`;
    if (!row) return { ok: false, reason: "callNotFound" } as const;
    if (!canMoveCall(row.status, to)) return { ok: false, reason: "badTransition" } as const;
    await tx.delegationCall.update({
      where: { id: callId },
      data: { status: to, ...(to === "ROSTER_PUBLISHED" ? { rosterPublishedAt: new Date() } : {}) },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationCall", entityId: callId, action: "status", changes: { status: { from: row.status, to } } });
    return { ok: true, callId } as const;
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
