import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser, TEST_PASSWORD } from "./factories";
import { TestClient } from "./server";
import { signIn } from "./session";

/**
 * A small world for catalogue tests: reference data (towns, clusters,
 * certifications), two firms with a member each, a buyer, bureau staff, and
 * a signed-in client for each of them.
 */
export async function catalogWorld(baseUrl: string) {
  await seedReference();
  const guzhen = await prisma.town.findUniqueOrThrow({ where: { slug: "guzhen" }, select: { id: true } });
  const lighting = await prisma.cluster.findUniqueOrThrow({ where: { slug: "lighting" }, select: { id: true } });
  const firmA = await createFirm({ nameZh: "中山市古镇星辉测试照明有限公司" });
  await prisma.firm.update({ where: { id: firmA.id }, data: { townId: guzhen.id, clusterId: lighting.id } });
  const firmB = await createFirm();
  const [memberA, memberB, buyer, bureau] = await Promise.all([
    createUser("FIRM_MEMBER", { firmId: firmA.id }),
    createUser("FIRM_MEMBER", { firmId: firmB.id }),
    createUser("BUYER"),
    createUser("BUREAU_STAFF"),
  ]);
  const clients = {
    memberA: new TestClient(baseUrl),
    memberB: new TestClient(baseUrl),
    buyer: new TestClient(baseUrl),
    bureau: new TestClient(baseUrl),
    anonymous: new TestClient(baseUrl),
  };
  await signIn(clients.memberA, memberA.email, TEST_PASSWORD);
  await signIn(clients.memberB, memberB.email, TEST_PASSWORD);
  await signIn(clients.buyer, buyer.email, TEST_PASSWORD);
  await signIn(clients.bureau, bureau.email, TEST_PASSWORD);
  return { firmA, firmB, memberA, memberB, buyer, bureau, clients, townId: guzhen.id, clusterId: lighting.id };
}

/** A product form as a browser submits it. */
export function productForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    hsCode: "9405.11",
    type: "ceiling-light",
    "attributes.powerW": "24",
    "attributes.material": "aluminium",
    nameZh: "24W铝合金LED吸顶灯",
    descriptionZh: "适用于客厅和卧室。",
    moq: "500",
    moqUnit: "pieces",
    priceMinUsd: "12.50",
    priceMaxUsd: "18",
    leadTimeDays: "30",
    certifications: ["CE", "RoHS"],
    published: "on",
    ...overrides,
  };
}

export async function lastAudit(entityId: string) {
  return prisma.auditEvent.findFirst({ where: { entityId }, orderBy: { id: "desc" } });
}

export async function pendingOutbox(entityType: string, entityId: string) {
  return prisma.searchOutbox.count({ where: { entityType, entityId, status: "PENDING" } });
}
