import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { kindsForRole } from "~/modules/notification/kinds";
import { searchClient } from "~/modules/search/client.server";
import { liveIndexUid, succeeded } from "~/modules/search/index-admin.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createSupplier, createTownWithCluster } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * The `notices` search index (issue 11): only public, sent notices are in
 * it, fed through the search outbox on sending and on correction; the public
 * archive and the site search read it (Chinese words inside longer ones,
 * Portuguese without accents, Traditional characters), and the database
 * answers the archive when the index cannot. A correction tells the targeted
 * firms once, in their language, as their preferences say.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let bureau: TestClient;
let anonymous: TestClient;
let lighting: Awaited<ReturnType<typeof createTownWithCluster>>;
const members: Record<string, Awaited<ReturnType<typeof createSupplier>>> = {};
let publicId = "";
let privateId = "";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
};

const texts = {
  titleZh: "出口信用保险保费补贴通知",
  titleEn: "Export credit insurance premium subsidy",
  titlePt: "Subsídio ao seguro de crédito à exportação",
  bodyZh: "各有关企业：\n申报截止：12月31日\n联系人：外贸科",
  bodyEn: "To the firms concerned: applications close on 31 December.",
  bodyPt: "Às empresas: candidaturas até 31 de dezembro, com a apólice de seguro.",
};

async function createAndSend(fields: Record<string, string | string[]>) {
  const created = await bureau.post("/en/bureau/notices/new", form({ category: "subsidy", department: "中山市商务局", deadline: DateTime.now().setZone("Asia/Shanghai").plus({ days: 30 }).toISODate()!, ...fields }));
  expect(created.status).toBe(302);
  const id = created.headers.get("location")!.split("/").pop()!;
  expect((await bureau.post(`/en/bureau/notices/${id}`, { intent: "sendNow" })).status).toBe(200);
  return id;
}

const archiveHas = async (lang: string, q: string, id: string) => (await (await anonymous.get(`/${lang}/notices?q=${encodeURIComponent(q)}`)).text()).includes(`/notices/${id}"`);

async function inIndex(id: string) {
  try {
    await searchClient().index(liveIndexUid("notices")).getDocument(id);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  lighting = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
  const other = await createTownWithCluster({ zh: "大涌", en: "Dachong", pt: "Dachong" });
  members.zh = await createSupplier({ townId: lighting.town.id, clusterId: lighting.cluster.id, locale: "zh-CN" });
  members.pt = await createSupplier({ townId: lighting.town.id, clusterId: lighting.cluster.id, locale: "pt" });
  members.outside = await createSupplier({ townId: other.town.id, clusterId: other.cluster.id, locale: "en" });
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  anonymous = new TestClient(server.url);
  // The indexes exist (as at start), then notices are sent: the outbox feeds them.
  await reindexAll(["products", "firms", "notices"]);
  publicId = await createAndSend({ ...texts, isPublic: "on", clusterIds: [lighting.cluster.id] });
  privateId = await createAndSend({ ...texts, titleZh: "出口信用保险保费补贴内部通知", titleEn: "Export credit insurance premium subsidy (targeted)", clusterIds: [lighting.cluster.id] });
  await drainSearchOutboxFully();
}, 120_000);

afterAll(async () => {
  await server.close();
  await smtp.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

describe("the notices index", () => {
  it("holds public sent notices only", async () => {
    expect(await inIndex(publicId)).toBe(true);
    expect(await inIndex(privateId)).toBe(false);
    const stats = await searchClient().index(liveIndexUid("notices")).getStats();
    expect(stats.numberOfDocuments).toBe(1);
  });

  it("finds a Chinese word inside a longer one, Traditional characters, and Portuguese without accents", async () => {
    // 保费 sits inside 保险保费补贴 (no space, no dictionary word of its own).
    for (const [lang, q] of [["zh-CN", "保费"], ["zh-CN", "费补贴"], ["zh-Hant", "保費補貼"], ["pt-BR", "subsidio credito exportacao"], ["pt-BR", "apolice"], ["en", "premium subsidy"]]) {
      expect(await archiveHas(lang, q, publicId), `${lang}: ${q}`).toBe(true);
    }
    expect(await archiveHas("en", "meteorite", publicId)).toBe(false);
  });

  it("never finds a private notice, in the archive or the site search", async () => {
    for (const q of ["内部通知", "保费", "targeted", "credito"]) expect(await archiveHas("en", q, privateId), q).toBe(false);
    const site = await (await anonymous.get(`/zh-CN/search?q=${encodeURIComponent("保费补贴")}`)).text();
    expect(site).toContain("政策通知");
    expect(site).toContain(`/zh-CN/notices/${publicId}"`);
    expect(site).not.toContain(`/notices/${privateId}`);
    const firmSite = await (await anonymous.get(`/pt-BR/search?q=${encodeURIComponent("seguro de credito")}`)).text();
    expect(firmSite).toContain("Avisos de política");
  });

  it("follows a correction through the outbox: new words are found, replaced ones no longer", async () => {
    const revised = await bureau.post(`/en/bureau/notices/${publicId}/edit`, { ...texts, titlePt: "Subsídio ao seguro de crédito à exportação (prorrogação)" });
    expect(revised.status).toBe(302);
    expect(await prisma.searchOutbox.count({ where: { entityType: "notice", entityId: publicId, status: "PENDING" } })).toBe(1);
    await drainSearchOutboxFully();
    expect(await archiveHas("pt-BR", "prorrogacao", publicId)).toBe(true);
  });

  it("leaves the archive to the database when the index cannot answer", { timeout: 120_000 }, async () => {
    await succeeded(searchClient().deleteIndex(liveIndexUid("notices")));
    expect(await archiveHas("zh-CN", "保费补贴", publicId)).toBe(true);
    expect(await archiveHas("zh-CN", "保费补贴", privateId)).toBe(false);
    await reindexAll(["notices"]);
    expect(await inIndex(publicId)).toBe(true);
  });
});

describe("a correction of a sent notice", () => {
  it("tells each targeted firm once, in its language, by mail only where its preferences allow", { timeout: 90_000 }, async () => {
    // The Portuguese member turns mails of corrections off (the page lists the new kind).
    const pt = new TestClient(server.url);
    await signIn(pt, members.pt.member.email, TEST_PASSWORD, "pt-BR");
    const preferences = await pt.get("/pt-BR/account");
    expect(await preferences.text()).toContain("A secretaria corrige um aviso enviado à minha empresa");
    const saved = await pt.post("/pt-BR/notifications/preferences", { email: kindsForRole.FIRM_MEMBER.filter((kind) => kind !== "policy.updated") as string[] });
    expect(saved.status).toBeLessThan(400);
    await drainMailOutbox({ limit: 100 });
    smtp.received.length = 0;

    const before = await prisma.notification.count({ where: { kind: "policy.updated" } });
    const revised = await bureau.post(`/en/bureau/notices/${privateId}/edit`, { ...texts, titleZh: "出口信用保险保费补贴内部通知（更正）", titleEn: "Export credit insurance premium subsidy (targeted, corrected)" });
    expect(revised.status).toBe(302);
    const updates = await prisma.notification.findMany({ where: { kind: "policy.updated", params: { path: ["policyNoticeId"], equals: privateId } }, select: { userId: true } });
    expect(updates.map((row) => row.userId).sort()).toEqual([members.zh.member.id, members.pt.member.id].sort());
    expect(await prisma.notification.count({ where: { kind: "policy.updated" } })).toBe(before + 2);

    await drainMailOutbox({ limit: 100 });
    const zh = await smtp.waitFor((mail) => recipientsOf(mail).includes(members.zh.member.email));
    expect(zh.subject).toBe("通知已更新：出口信用保险保费补贴内部通知（更正） · Ponte");
    expect(zh.text).toContain(`/zh-CN/notices/${privateId}`);
    expect(smtp.received.some((mail) => recipientsOf(mail).includes(members.pt.member.email))).toBe(false);
    expect(smtp.received.some((mail) => recipientsOf(mail).includes(members.outside.member.email))).toBe(false);
    expect(await prisma.notification.count({ where: { userId: members.outside.member.id, kind: "policy.updated" } })).toBe(0);
    // In the app, in Portuguese, for the member who turned mails off.
    const inbox = await (await pt.get("/pt-BR/notifications")).text();
    expect(inbox).toContain("Aviso atualizado");

    // A refused correction (nothing changed) tells nobody.
    const current = await prisma.policyNotice.findUniqueOrThrow({ where: { id: privateId } });
    const text = (value: unknown, lang: string) => (value as Record<string, { text: string }>)[lang]?.text ?? "";
    const same = await bureau.post(`/en/bureau/notices/${privateId}/edit`, { titleZh: text(current.title, "zh-CN"), titleEn: text(current.title, "en"), titlePt: text(current.title, "pt"), bodyZh: text(current.body, "zh-CN"), bodyEn: text(current.body, "en"), bodyPt: text(current.body, "pt") });
    expect(same.status).toBe(400);
    expect(await prisma.notification.count({ where: { kind: "policy.updated" } })).toBe(before + 2);
    expect(await prisma.auditEvent.findFirst({ where: { entityId: privateId, action: "revise" }, select: { changes: true } })).toMatchObject({ changes: { firmsNotified: 2 } });
  });
});
