import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createCall, moveCall, openCallsForFirm } from "~/modules/delegation/calls.server";
import { applyToCall, decideApplication, editApplication, withdrawApplication } from "~/modules/delegation/applications.server";
import { rankCall } from "~/modules/delegation/ranking.server";
import { CallSchema } from "~/modules/delegation/call.schema";
import { defaultScoreWeights } from "~/modules/delegation/scoring";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";

/**
 * A delegation call from the bureau's draft to its decisions, on the real
 * database: the lifecycle enforced on the server, refusals with reasons,
 * the quota held under concurrent approvals, the waitlist promoted.
 */
let staff: { userId: string };
let editionId: string;
let guzhenId: string;

const callInput = (overrides: Record<string, unknown> = {}) =>
  CallSchema.parse({
    opensAt: "2026-12-01T00:00:00+08:00",
    deadline: "2027-02-28T23:59:00+08:00",
    quota: "1",
    townIds: [],
    boothTypes: [{ code: "STD", name: "Standard 3×3", widthM: "3", depthM: "3", feeCny: "18000" }],
    subsidySharePercent: "50",
    subsidyCapCny: "10000",
    weights: defaultScoreWeights,
    ...overrides,
  });

beforeAll(async () => {
  await seedReference();
  const bureau = await createUser("BUREAU_STAFF");
  staff = { userId: bureau.id };
  editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "mif-2027" } })).id;
  guzhenId = (await prisma.town.findUniqueOrThrow({ where: { slug: "guzhen" } })).id;
});

async function firmIn(townId: string | null, foundedYear = 2010) {
  const supplier = await createSupplier({ townId: townId ?? undefined });
  await prisma.product.updateMany({ where: { firmId: supplier.firm.id }, data: { published: true } });
  await prisma.firm.update({ where: { id: supplier.firm.id }, data: { foundedYear, exportMarkets: ["BR", "PT"] } });
  return { actor: { userId: supplier.member.id, firmId: supplier.firm.id }, productIds: supplier.products.map((product) => product.id) };
}

const now = new Date("2027-01-15T00:00:00Z");

describe("a delegation call", () => {
  it("runs from draft to decisions, refusing what breaks its rules", async () => {
    const created = await createCall(staff, editionId, callInput({ townIds: [guzhenId], weights: { ...defaultScoreWeights, certifications: 5 } }), { relevantCertifications: ["INMETRO"] });
    expect(created.ok).toBe(true);
    const callId = created.ok ? created.callId : "";
    expect(await createCall(staff, editionId, callInput())).toEqual({ ok: false, reason: "callExists" });
    expect(await moveCall(staff, callId, "SELECTED")).toEqual({ ok: false, reason: "badTransition" });

    const veteran = await firmIn(guzhenId, 2000);
    const newcomer = await firmIn(guzhenId, 2022);
    await prisma.firm.update({ where: { id: newcomer.actor.firmId }, data: { certifications: [{ code: "INMETRO", validUntil: "2030-01-01" }] } });
    const outsider = await firmIn(null);
    const application = { boothTypeCode: "STD", attendees: [{ name: "陈经理", languages: ["zh"] }], keepWithCluster: false };

    // A draft takes no applications.
    await expect(applyToCall(veteran.actor, callId, { ...application, productIds: veteran.productIds }, now)).rejects.toMatchObject({ code: "callNotOpen" });
    expect((await moveCall(staff, callId, "OPEN")).ok).toBe(true);

    const calls = await openCallsForFirm(outsider.actor.firmId, now);
    expect(calls.find((call) => call.callId === callId)?.reasons.map((reason) => reason.code)).toEqual(["otherTown"]);
    await expect(applyToCall(outsider.actor, callId, { ...application, productIds: outsider.productIds }, now)).rejects.toMatchObject({ code: "ineligible" });
    await expect(applyToCall(veteran.actor, callId, { ...application, productIds: newcomer.productIds }, now)).rejects.toMatchObject({ code: "productsNotOwned" });
    await expect(applyToCall(veteran.actor, callId, { ...application, boothTypeCode: "XL", productIds: veteran.productIds }, now)).rejects.toMatchObject({ code: "unknownBoothType" });
    await expect(applyToCall(veteran.actor, callId, { ...application, productIds: veteran.productIds }, new Date("2027-03-01T00:00:00Z"))).rejects.toMatchObject({ code: "deadlinePassed" });

    const first = await applyToCall(veteran.actor, callId, { ...application, productIds: veteran.productIds }, now);
    const second = await applyToCall(newcomer.actor, callId, { ...application, productIds: newcomer.productIds.slice(0, 1) }, now);
    expect(first.ok && second.ok).toBe(true);
    // The firm's receipt is in its inbox, with an e-mail in its language (the member's interface is Chinese).
    expect(await prisma.notification.count({ where: { userId: veteran.actor.userId, kind: "delegation.received" } })).toBe(1);
    expect((await prisma.mailOutbox.findFirstOrThrow({ where: { userId: veteran.actor.userId } })).subject).toMatch(/^已收到申请/);
    await expect(applyToCall(veteran.actor, callId, { ...application, productIds: veteran.productIds }, now)).rejects.toMatchObject({ code: "alreadyApplied" });
    const veteranId = first.applicationId;
    const newcomerId = second.applicationId;
    expect((await editApplication(newcomer.actor, newcomerId, { ...application, productIds: newcomer.productIds }, now)).ok).toBe(true);
    // Another firm's application is not found, not edited.
    await expect(editApplication(veteran.actor, newcomerId, { ...application, productIds: veteran.productIds }, now)).rejects.toMatchObject({ code: "notFound" });

    // Decisions wait for the call to close.
    expect(await decideApplication(staff, veteranId, "APPROVED", null)).toEqual({ ok: false, reason: "callNotInSelection" });
    expect((await moveCall(staff, callId, "CLOSED")).ok).toBe(true);

    const ranked = await rankCall(callId);
    expect(ranked.map((entry) => entry.applicationId)).toEqual([veteranId, newcomerId]);
    expect(ranked[0].parts.find((part) => part.criterion === "exportExperience")?.fraction).toBe(1);
    // The what-if: weighing Brazil's INMETRO heavily puts the newcomer that holds it first, and nothing is saved.
    const whatIf = await rankCall(callId, { ...defaultScoreWeights, certifications: 100 });
    expect(whatIf[0].applicationId).toBe(newcomerId);
    expect((await rankCall(callId))[0].applicationId).toBe(veteranId);

    expect(await decideApplication(staff, newcomerId, "WAITLISTED", " ")).toEqual({ ok: false, reason: "reasonRequired" });
    expect(await decideApplication(staff, newcomerId, "WAITLISTED", "配额已满，列入候补。")).toEqual({ ok: true });

    // Two staff approve the last place at once: exactly one succeeds.
    const otherStaff = { userId: (await createUser("BUREAU_STAFF")).id };
    const results = await Promise.all([decideApplication(staff, veteranId, "APPROVED", null), decideApplication(otherStaff, newcomerId, "APPROVED", null)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "quotaFull" }]);
    expect(await prisma.delegationApplication.count({ where: { callId, status: "APPROVED" } })).toBe(1);

    // The approved firm withdraws: the waitlisted one moves up.
    const approved = await prisma.delegationApplication.findFirstOrThrow({ where: { callId, status: "APPROVED" }, select: { id: true, firmId: true } });
    const waiting = approved.id === veteranId ? newcomerId : veteranId;
    if (approved.id === newcomerId) await decideApplication(staff, veteranId, "WAITLISTED", "候补");
    const member = [veteran, newcomer].find((firm) => firm.actor.firmId === approved.firmId)!;
    const withdrawn = await withdrawApplication(member.actor, approved.id, now);
    expect(withdrawn).toEqual({ ok: true, promoted: waiting });
    expect((await prisma.delegationApplication.findUniqueOrThrow({ where: { id: waiting } })).status).toBe("APPROVED");
    // A decision on the withdrawn application is refused with its reason.
    expect(await decideApplication(staff, approved.id, "APPROVED", null)).toEqual({ ok: false, reason: "applicationWithdrawn" });

    const audit = await prisma.auditEvent.findMany({ where: { entityType: { in: ["delegationCall", "delegationApplication"] } }, select: { action: true } });
    expect(new Set(audit.map((event) => event.action))).toEqual(new Set(["create", "status", "update", "decide", "withdraw", "promote"]));
  });
});
