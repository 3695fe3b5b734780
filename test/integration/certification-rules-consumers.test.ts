import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { zhongshanDay } from "~/utils/time-zone";
import { ensureIndexes } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { matchesForRequest } from "~/modules/matching/buyer-matches.server";
import { requestsForFirm } from "~/modules/matching/firm-matches.server";
import { pairMatchScore } from "~/modules/meeting/match-input.server";
import { loadTargetProfiles } from "~/modules/notice/profiles.server";
import { TargetingRulesSchema } from "~/modules/notice/rules";
import { evaluateTargeting, heldCertifications } from "~/modules/notice/targeting";
import { createCall, moveCall } from "~/modules/delegation/calls.server";
import { applyToCall } from "~/modules/delegation/applications.server";
import { rankCall } from "~/modules/delegation/ranking.server";
import { CallSchema } from "~/modules/delegation/call.schema";
import { defaultScoreWeights } from "~/modules/delegation/scoring";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14 items 1 and 4: every decision that reads a firm's certificates
 * applies the bureau's rules. ISO 9001 holds 36 months from its first day
 * (seeded rule); CE is made to require a last valid day. Three firms alike
 * but for one certificate: "good" holds everything, "lapsed" holds an
 * ISO 9001 that ran out only through the rule's months, "undated" a CE
 * without the last valid day its rule requires. Notices' targeting, the
 * fair ranking, matching (buyer and firm side, meetings) must agree.
 */
const today = zhongshanDay();
const monthsAgo = (months: number) => {
  const [year, month, day] = today.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 - months, Math.min(day, 28))).toISOString().slice(0, 10);
};
let server: TestServer;
const world = {} as {
  firms: Record<"good" | "lapsed" | "undated", { id: string; memberId: string; productIds: string[] }>;
  buyer: { companyId: string; email: string };
  requestId: string;
};

beforeAll(async () => {
  server = await startTestServer();
  await seedReference();
  await prisma.certification.update({ where: { code: "CE" }, data: { expiryRequired: true } });
  expect((await prisma.certification.findUniqueOrThrow({ where: { code: "ISO9001" } })).validityMonths).toBe(36);
  const certificates = {
    good: [{ code: "INMETRO", validUntil: "2031-01-01" }, { code: "CE", validUntil: "2031-01-01" }, { code: "ISO9001", validFrom: monthsAgo(12) }],
    lapsed: [{ code: "INMETRO", validUntil: "2031-01-01" }, { code: "CE", validUntil: "2031-01-01" }, { code: "ISO9001", validFrom: monthsAgo(40) }],
    undated: [{ code: "INMETRO", validUntil: "2031-01-01" }, { code: "CE" }, { code: "ISO9001", validFrom: monthsAgo(12) }],
  };
  world.firms = {} as typeof world.firms;
  for (const [name, certifications] of Object.entries(certificates) as [keyof typeof certificates, object[]][]) {
    const supplier = await createSupplier();
    await prisma.firm.update({ where: { id: supplier.firm.id }, data: { certifications, exportMarkets: ["BR"], languages: ["zh", "pt"], foundedYear: 2010 } });
    await prisma.product.updateMany({
      where: { firmId: supplier.firm.id },
      data: { published: true, hsCode: "940511", certifications: ["CE", "INMETRO", "ISO9001"], moq: 100, moqUnit: "pieces", priceMinUsd: "10.00" },
    });
    world.firms[name] = { id: supplier.firm.id, memberId: supplier.member.id, productIds: supplier.products.map((product) => product.id) };
  }
  const company = await prisma.buyerCompany.create({ data: { name: "Importadora Regras Ltda.", country: "BR", languages: ["pt", "en"] } });
  const buyer = await createUser("BUYER", { buyerCompanyId: company.id, locale: "pt" });
  world.buyer = { companyId: company.id, email: buyer.email };
  const request = await prisma.sourcingRequest.create({
    data: {
      buyerCompanyId: company.id,
      title: { pt: { text: "Luminárias de teto LED", origin: "author" } },
      keywords: "LED ceiling light",
      hsCodes: ["940511"],
      quantity: 500,
      unit: "pieces",
      targetPriceUsd: "25.00",
      requiredCertifications: ["CE", "ISO9001"],
      destinationCountry: "BR",
      deadline: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 30)),
      status: "OPEN",
      visibility: "PUBLIC",
    },
  });
  world.requestId = request.id;
  await ensureIndexes();
  const firmIds = Object.values(world.firms).map((firm) => firm.id);
  const productIds = Object.values(world.firms).flatMap((firm) => firm.productIds);
  await prisma.searchOutbox.createMany({
    data: [
      ...firmIds.map((entityId) => ({ entityType: "firm", entityId })),
      ...productIds.map((entityId) => ({ entityType: "product", entityId })),
      { entityType: "request", entityId: request.id },
    ],
  });
  await drainSearchOutboxFully();
}, 240_000);

afterAll(async () => {
  await server?.close();
});

describe("notices' targeting", () => {
  it("counts a certificate held only while its rule says it holds", async () => {
    const profiles = await loadTargetProfiles({ rules: null, firmIds: Object.values(world.firms).map((firm) => firm.id) });
    const held = (name: keyof typeof world.firms) => [...heldCertifications(profiles.find((profile) => profile.firmId === world.firms[name].id)!, today)].sort();
    expect(held("good")).toEqual(["CE", "INMETRO", "ISO9001"]);
    expect(held("lapsed")).toEqual(["CE", "INMETRO"]);
    expect(held("undated")).toEqual(["INMETRO", "ISO9001"]);
    const rules = TargetingRulesSchema.parse({ certificationsHeld: ["ISO9001"] });
    const lapsed = profiles.find((profile) => profile.firmId === world.firms.lapsed.id)!;
    expect(evaluateTargeting(rules, lapsed, today)).toEqual({ match: false, failed: ["certificationHeld"] });
    const missingCe = TargetingRulesSchema.parse({ certificationsMissing: ["CE"] });
    expect(evaluateTargeting(missingCe, profiles.find((profile) => profile.firmId === world.firms.undated.id)!, today)).toMatchObject({ match: true });
    expect(evaluateTargeting(missingCe, profiles.find((profile) => profile.firmId === world.firms.good.id)!, today)).toMatchObject({ match: false });
  });
});

describe("the fair ranking", () => {
  it("scores only the certificates that hold on the fair's first day under their rules", async () => {
    const staff = { userId: (await createUser("BUREAU_STAFF")).id };
    const editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "mif-2027" } })).id;
    const input = CallSchema.parse({
      opensAt: "2026-12-01T00:00:00+08:00",
      deadline: "2027-02-28T23:59:00+08:00",
      quota: "3",
      townIds: [],
      boothTypes: [{ code: "STD", name: "Standard 3×3", widthM: "3", depthM: "3", feeCny: "18000" }],
      subsidySharePercent: "50",
      subsidyCapCny: "10000",
      weights: { ...defaultScoreWeights, certifications: 50 },
    });
    const { callId } = await createCall(staff, editionId, input, { relevantCertifications: ["CE", "ISO9001"] });
    await moveCall(staff, callId, "OPEN");
    const now = new Date("2027-01-15T00:00:00Z");
    const applicationOf = new Map<string, string>();
    for (const [name, firm] of Object.entries(world.firms)) {
      const result = await applyToCall(
        { userId: firm.memberId, firmId: firm.id },
        callId,
        { boothTypeCode: "STD", attendees: [{ name: "陈经理", languages: ["zh"] }], keepWithCluster: false, productIds: firm.productIds },
        now,
      );
      expect(result.ok).toBe(true);
      if (result.ok) applicationOf.set(result.applicationId, name);
    }
    await moveCall(staff, callId, "CLOSED");
    const ranked = await rankCall(callId);
    const fraction = (name: string) => ranked.find((entry) => applicationOf.get(entry.applicationId) === name)!.parts.find((part) => part.criterion === "certifications")!.fraction;
    expect(fraction("good")).toBe(1);
    expect(fraction("lapsed")).toBe(0.5);
    expect(fraction("undated")).toBe(0.5);
    expect(applicationOf.get(ranked[0].applicationId)).toBe("good");
  });
});

describe("matching", () => {
  it("names a certificate that ran out through its rule, or lacks a required expiry, as missing (buyer side)", async () => {
    const result = await matchesForRequest(world.requestId, { locale: "en" });
    const reasons = (name: keyof typeof world.firms) =>
      result!.products.find((match) => match.productId === world.firms[name].productIds[0])!.reasons.map((reason) => reason.text);
    expect(reasons("good")).toEqual(expect.arrayContaining(["CE and ISO9001 certified", "INMETRO — required for Brazil"]));
    expect(reasons("lapsed")).toEqual(expect.arrayContaining(["missing ISO9001", "CE certified", "INMETRO — required for Brazil"]));
    expect(reasons("undated")).toEqual(expect.arrayContaining(["missing CE", "ISO9001 certified"]));
    expect(result!.firms[0].firmId).toBe(world.firms.good.id);
  });

  it("does the same from the firm's side", async () => {
    const reasonsFor = async (name: keyof typeof world.firms) =>
      (await requestsForFirm(world.firms[name].id, { locale: "en" }))!.requests.find((request) => request.requestId === world.requestId)!.reasons.map((reason) => reason.text);
    expect(await reasonsFor("good")).toEqual(expect.arrayContaining(["CE and ISO9001 certified", "INMETRO — required for Brazil"]));
    expect(await reasonsFor("lapsed")).toEqual(expect.arrayContaining(["missing ISO9001"]));
    expect(await reasonsFor("undated")).toEqual(expect.arrayContaining(["missing CE"]));
  });

  it("ranks a delegation's firms for a buyer with the same rules", async () => {
    const good = await pairMatchScore(world.buyer.companyId, world.firms.good.id);
    expect(good).toBeGreaterThan(await pairMatchScore(world.buyer.companyId, world.firms.lapsed.id));
    expect(good).toBeGreaterThan(await pairMatchScore(world.buyer.companyId, world.firms.undated.id));
  });

  it("tells the buyer, in the page's language, which held certification Brazil requires", async () => {
    const client = new TestClient(server.url);
    await signIn(client, world.buyer.email, TEST_PASSWORD, "pt-BR");
    const response = await client.get(`/api/v1/requests/${world.requestId}/matches?lang=pt`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { matches: { productId: string; reasons: { code: string; text: string }[] }[] };
    const good = body.matches.find((match) => match.productId === world.firms.good.productIds[0])!;
    expect(good.reasons).toEqual(expect.arrayContaining([{ code: "cert.market", text: "INMETRO — exigido neste mercado (Brasil)" }]));
    const chinese = await client.get(`/api/v1/requests/${world.requestId}/matches?lang=zh-CN`);
    const zhBody = (await chinese.json()) as typeof body;
    expect(zhBody.matches.find((match) => match.productId === world.firms.good.productIds[0])!.reasons).toEqual(
      expect.arrayContaining([{ code: "cert.market", text: "INMETRO，巴西市场需要" }]),
    );
  });
});
