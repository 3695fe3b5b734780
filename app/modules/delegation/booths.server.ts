import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { StaffActor } from "./calls.server";
import { assignBooths, type Booth } from "./booths";
import { storedFloorPlan, subsidyCeiling } from "./floor-plan";
import { lockCall } from "./decisions.server";
import { notifyApplicant } from "./notices.server";
import { rankCall } from "./ranking.server";
import { delegationRefusal } from "./refusals";

/**
 * Booths and subsidies of a delegation: the floor plan the organiser gave,
 * booths given by hand or by the plan (booths.ts: best-ranked first, a
 * cluster that asked kept together), each booth held by one firm of the
 * edition (a unique index, and the call's lock), and the subsidy paid to
 * each firm after the fair. Every change audited; firms told of their booth.
 */

type Tx = Prisma.TransactionClient;

const boothsOpen = (status: string) => status === "SELECTED" || status === "ROSTER_PUBLISHED" || status === "CLOSED";

export async function saveFloorPlan(actor: StaffActor, callId: string, booths: Booth[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw delegationRefusal("callNotFound");
    if (call.status === "FINISHED") throw delegationRefusal("notEditable");
    // Booths already given must stay on the plan.
    const given = await tx.delegationApplication.findMany({ where: { callId, booth: { not: null } }, select: { booth: true } });
    const numbers = new Set(booths.map((booth) => booth.number));
    const lost = given.map((row) => row.booth!).filter((booth) => !numbers.has(booth));
    if (lost.length) throw delegationRefusal("boothTaken", { booth: lost.join(", ") });
    await tx.delegationCall.update({ where: { id: callId }, data: { booths: booths as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "delegationCall", entityId: callId, action: "floorPlan", changes: { booths: booths.length } });
  });
}

async function giveBooth(tx: Tx, actor: StaffActor, applicationId: string, booth: string | null, zone: string | null, from: string | null) {
  await tx.delegationApplication.update({ where: { id: applicationId }, data: { booth, boothZone: zone } });
  await recordAudit(tx, { actorId: actor.userId, entityType: "delegationApplication", entityId: applicationId, action: "booth", changes: { booth: { from, to: booth } } });
  if (booth) await notifyApplicant(tx, applicationId, "delegation.booth", { booth });
}

/** Gives every approved firm without a booth one from the plan; returns how many got one and who is left without. */
export async function assignBoothsFromPlan(actor: StaffActor, callId: string) {
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw delegationRefusal("callNotFound");
    if (!boothsOpen(call.status)) throw delegationRefusal("callNotInSelection");
    const { booths } = await tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { booths: true } });
    const plan = storedFloorPlan(booths);
    if (!plan.length) throw delegationRefusal("noFloorPlan");
    const ranked = (await rankCall(callId, undefined, tx)).filter((entry) => entry.status === "APPROVED");
    const current = new Map((await tx.delegationApplication.findMany({ where: { callId, status: "APPROVED" }, select: { id: true, booth: true } })).map((row) => [row.id, row.booth]));
    const result = assignBooths(
      plan,
      ranked.map((entry) => ({ applicationId: entry.applicationId, boothTypeCode: entry.boothTypeCode, clusterSlug: entry.clusterSlug, keepWithCluster: entry.keepWithCluster, booth: current.get(entry.applicationId) ?? null })),
    );
    let given = 0;
    for (const assignment of result.assignments) {
      if (current.get(assignment.applicationId) === assignment.booth) continue;
      await giveBooth(tx, actor, assignment.applicationId, assignment.booth, assignment.zone, current.get(assignment.applicationId) ?? null);
      given += 1;
    }
    return { given, unassigned: result.unassigned };
  });
}

/** Gives one approved firm a booth of the plan by hand (or takes it back with null). */
export async function setBooth(actor: StaffActor, applicationId: string, boothNumber: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.delegationApplication.findUnique({ where: { id: applicationId }, select: { callId: true } });
    if (!application) throw delegationRefusal("applicationNotFound");
    const call = await lockCall(tx, application.callId);
    if (!boothsOpen(call.status)) throw delegationRefusal("callNotInSelection");
    const current = await tx.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true, booth: true } });
    if (current.status !== "APPROVED") throw delegationRefusal("notApproved");
    if (!boothNumber) {
      await giveBooth(tx, actor, applicationId, null, null, current.booth);
      return;
    }
    const { booths } = await tx.delegationCall.findUniqueOrThrow({ where: { id: application.callId }, select: { booths: true } });
    const plan = storedFloorPlan(booths);
    if (!plan.length) throw delegationRefusal("noFloorPlan");
    const booth = plan.find((entry) => entry.number === boothNumber.trim().toUpperCase());
    if (!booth) throw delegationRefusal("unknownBooth", { booth: boothNumber });
    if (booth.number === current.booth) return;
    const holder = await tx.delegationApplication.findFirst({ where: { callId: application.callId, booth: booth.number, id: { not: applicationId } }, select: { id: true } });
    if (holder) throw delegationRefusal("boothTaken", { booth: booth.number });
    await giveBooth(tx, actor, applicationId, booth.number, booth.zone, current.booth);
  });
}

/** After the fair: the subsidy paid to one firm, at most its booth fee's share and the cap. */
export async function recordSubsidy(actor: StaffActor, applicationId: string, amountCny: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.delegationApplication.findUnique({
      where: { id: applicationId },
      select: { callId: true, status: true, boothTypeCode: true, subsidyPaidCny: true },
    });
    if (!application) throw delegationRefusal("applicationNotFound");
    const call = await lockCall(tx, application.callId);
    if (call.status !== "FINISHED") throw delegationRefusal("subsidyTooEarly");
    if (application.status !== "APPROVED") throw delegationRefusal("notApproved");
    const terms = await tx.delegationCall.findUniqueOrThrow({ where: { id: application.callId }, select: { boothTypes: true, subsidySharePercent: true, subsidyCapCny: true } });
    const fee = Number((Array.isArray(terms.boothTypes) ? (terms.boothTypes as { code?: string; feeCny?: number }[]) : []).find((type) => type?.code === application.boothTypeCode)?.feeCny ?? 0);
    const ceiling = subsidyCeiling(fee, Number(terms.subsidySharePercent), Number(terms.subsidyCapCny));
    if (amountCny > ceiling) throw delegationRefusal("subsidyTooLarge", { max: ceiling });
    await tx.delegationApplication.update({ where: { id: applicationId }, data: { subsidyPaidCny: amountCny, subsidyPaidAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "delegationApplication",
      entityId: applicationId,
      action: "subsidy",
      changes: { subsidyPaidCny: { from: application.subsidyPaidCny === null ? null : String(application.subsidyPaidCny), to: String(amountCny) } },
    });
  });
}
