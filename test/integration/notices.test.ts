import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { sendDueNotices } from "~/modules/notice/delivery.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier, createTownWithCluster, samplePdf, fakePng } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Policy notices end to end (issue 11): the bureau writes a notice for
 * lighting firms that export to Brazil, previews its audience, sends it;
 * the targeted firms get an in-app notice and a mail in their language, see
 * it under "policies for me" with the reasons, and the others never see it.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let bureau: TestClient;
let anonymous: TestClient;
const firms: Record<string, Awaited<ReturnType<typeof createSupplier>>> = {};
const clients: Record<string, TestClient> = {};
let lighting: Awaited<ReturnType<typeof createTownWithCluster>>;
let furniture: Awaited<ReturnType<typeof createTownWithCluster>>;
let noticeId = "";

async function firmIn(name: string, cluster: { town: { id: string }; cluster: { id: string } }, markets: string[], locale: string) {
  const supplier = await createSupplier({ townId: cluster.town.id, clusterId: cluster.cluster.id, locale });
  await prisma.firm.update({ where: { id: supplier.firm.id }, data: { exportMarkets: markets } });
  firms[name] = supplier;
  clients[name] = new TestClient(server.url);
  await signIn(clients[name], supplier.member.email, TEST_PASSWORD);
}

function noticeForm(fields: Record<string, string | string[]>, files: { name: string; bytes: Buffer; type?: string }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  for (const file of files) form.append("attachment", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }), file.name);
  return form;
}

const baseFields = () => ({
  titleZh: "巴西市场灯饰出口补贴申报通知",
  titleEn: "Subsidy for lighting exports to Brazil",
  titlePt: "Subsídio à exportação de iluminação para o Brasil",
  bodyZh: "各有关企业：为支持灯饰企业开拓巴西市场……<script>alert(1)</script>",
  bodyPt: "Às empresas de iluminação que exportam para o Brasil: candidaturas abertas.",
  category: "subsidy",
  department: "中山市商务局外贸科",
  deadline: DateTime.now().setZone("Asia/Shanghai").plus({ days: 30 }).toISODate()!,
  clusterIds: [lighting.cluster.id],
  markets: "BR",
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  await reindexAll(["notices"]);
  lighting = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
  furniture = await createTownWithCluster({ zh: "大涌", en: "Dachong", pt: "Dachong" });
  await firmIn("lightingBrazilZh", lighting, ["BR"], "zh-CN");
  await firmIn("lightingBrazilPt", lighting, ["BR", "PT"], "pt");
  await firmIn("lightingChile", lighting, ["CL"], "en");
  await firmIn("furnitureBrazil", furniture, ["BR"], "en");
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  anonymous = new TestClient(server.url);
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

describe("the bureau's notice", () => {
  it("is written with a PDF, previews exactly the firms its rules match, and is sent to them in their language", async () => {
    const created = await bureau.post("/en/bureau/notices/new", noticeForm(baseFields(), [{ name: "细则.pdf", bytes: samplePdf }]));
    expect(created.status).toBe(302);
    noticeId = created.headers.get("location")!.split("/").pop()!;
    expect(await prisma.policyNoticeAttachment.count({ where: { noticeId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "policyNotice", entityId: noticeId, action: "create" } })).toBe(1);

    const preview = await (await bureau.get(`/en/bureau/notices/${noticeId}`)).text();
    // Lighting firms exporting to Brazil: two of the four (Chile and furniture are out).
    expect(preview).toContain("The rules reach 2 firms.");
    expect(preview).toContain("You export to Brazil");

    const sent = await bureau.post(`/en/bureau/notices/${noticeId}`, { intent: "sendNow" });
    expect(sent.status).toBe(200);
    const receipts = await prisma.policyNoticeReceipt.findMany({ where: { noticeId }, select: { firmId: true } });
    expect(receipts.map((row) => row.firmId).sort()).toEqual([firms.lightingBrazilZh.firm.id, firms.lightingBrazilPt.firm.id].sort());
    for (const name of ["lightingBrazilZh", "lightingBrazilPt"]) {
      expect(await prisma.notification.count({ where: { userId: firms[name].member.id, kind: "policy.notice" } })).toBe(1);
    }
    for (const name of ["lightingChile", "furnitureBrazil"]) {
      expect(await prisma.notification.count({ where: { userId: firms[name].member.id } })).toBe(0);
    }

    await drainMailOutbox({ limit: 100 });
    const zh = await smtp.waitFor((mail) => recipientsOf(mail).includes(firms.lightingBrazilZh.member.email));
    expect(zh.subject).toBe("政策通知：巴西市场灯饰出口补贴申报通知 · Ponte");
    expect(zh.text).toContain(`/zh-CN/notices/${noticeId}`);
    const pt = await smtp.waitFor((mail) => recipientsOf(mail).includes(firms.lightingBrazilPt.member.email));
    expect(pt.subject).toBe("Aviso de política: Subsídio à exportação de iluminação para o Brasil · Ponte");
    expect(smtp.received.some((mail) => recipientsOf(mail).includes(firms.lightingChile.member.email))).toBe(false);

    // Sent once: a second send is refused, in the bureau's language.
    const again = await bureau.post(`/pt-PT/bureau/notices/${noticeId}`, { intent: "sendNow" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("já foi enviado");
    expect(await prisma.policyNoticeReceipt.count({ where: { noticeId } })).toBe(2);
  });

  it("shows the targeted firm its notice under 'policies for me' with the reasons, and counts its reading", async () => {
    const client = clients.lightingBrazilZh;
    const policies = await (await client.get("/zh-CN/account/policies")).text();
    expect(policies).toContain("巴西市场灯饰出口补贴申报通知");
    expect(policies).toContain("您的产业集群：古镇灯饰");
    expect(policies).toContain("您出口到巴西");

    const page = await client.get(`/zh-CN/notices/${noticeId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Script in the body is text, never markup.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    const receipt = await prisma.policyNoticeReceipt.findFirstOrThrow({ where: { noticeId, firmId: firms.lightingBrazilZh.firm.id } });
    expect(receipt.readAt).not.toBeNull();
    expect(await prisma.notification.count({ where: { userId: firms.lightingBrazilZh.member.id, readAt: null } })).toBe(0);

    expect((await client.post(`/zh-CN/notices/${noticeId}`, { intent: "applied" })).status).toBe(200);
    expect((await prisma.policyNoticeReceipt.findFirstOrThrow({ where: { noticeId, firmId: firms.lightingBrazilZh.firm.id } })).appliedAt).not.toBeNull();

    const attachment = await prisma.policyNoticeAttachment.findFirstOrThrow({ where: { noticeId } });
    const file = await client.get(`/zh-CN/notices/${noticeId}/attachments/${attachment.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");

    const stats = await (await bureau.get(`/en/bureau/notices/${noticeId}`)).text();
    expect(stats).toContain("1 of 2 firms read it; 1 interested, 1 applied.");
  });

  it("stays invisible to firms outside its rules and to anonymous visitors, and firms cannot write notices", async () => {
    for (const client of [clients.lightingChile, clients.furnitureBrazil, anonymous]) {
      expect((await client.get(`/en/notices/${noticeId}`)).status).toBe(404);
    }
    const attachment = await prisma.policyNoticeAttachment.findFirstOrThrow({ where: { noticeId } });
    expect((await anonymous.get(`/en/notices/${noticeId}/attachments/${attachment.id}`)).status).toBe(404);
    expect((await clients.lightingChile.post(`/en/notices/${noticeId}`, { intent: "applied" })).status).toBe(404);
    expect(await (await clients.lightingChile.get("/en/account/policies")).text()).not.toContain("Subsidy for lighting exports to Brazil");
    expect(await (await anonymous.get("/en/notices?q=Brazil")).text()).not.toContain("Subsidy for lighting exports to Brazil");

    const firm = clients.lightingChile;
    expect((await firm.get("/en/bureau/notices/new")).status).toBe(403);
    expect((await firm.post("/en/bureau/notices/new", noticeForm(baseFields()))).status).toBe(403);
    expect((await firm.post(`/en/bureau/notices/${noticeId}`, { intent: "remind" })).status).toBe(403);
    const buyer = await createBuyer();
    const buyerClient = new TestClient(server.url);
    await signIn(buyerClient, buyer.user.email, TEST_PASSWORD);
    expect((await buyerClient.get(`/en/notices/${noticeId}`)).status).toBe(404);
  });

  it("reminds the unread once, before the deadline", async () => {
    const reminded = await bureau.post(`/en/bureau/notices/${noticeId}`, { intent: "remind" });
    expect(reminded.status).toBe(200);
    expect(await reminded.text()).toContain("1 firm that had not read the notice was reminded.");
    expect(await prisma.notification.count({ where: { kind: "policy.reminder", userId: firms.lightingBrazilPt.member.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { kind: "policy.reminder", userId: firms.lightingBrazilZh.member.id } })).toBe(0);
    await drainMailOutbox({ limit: 100 });
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(firms.lightingBrazilPt.member.email) && m.subject!.startsWith("Lembrete"));
    expect(mail.subject).toBe("Lembrete: Subsídio à exportação de iluminação para o Brasil · Ponte");

    const twice = await bureau.post(`/en/bureau/notices/${noticeId}`, { intent: "remind" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("already been reminded once");
    expect(await prisma.notification.count({ where: { kind: "policy.reminder" } })).toBe(1);
  });
});

describe("a scheduled, public notice", () => {
  it("is sent once by the background worker when due, and then found in the public archive in three languages", async () => {
    const fields = { ...baseFields(), titleZh: "广交会线上展征集通知", titleEn: "Call for the online Canton Fair", titlePt: "Convocatória para a Feira de Cantão online", category: "fair-call", isPublic: "on", clusterIds: [] as string[], markets: "" };
    const created = await bureau.post("/en/bureau/notices/new", noticeForm(fields));
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.split("/").pop()!;
    const at = DateTime.now().setZone("Asia/Shanghai").plus({ hours: 2 });
    const scheduled = await bureau.post(`/en/bureau/notices/${id}`, { intent: "schedule", sendAt: at.toFormat("yyyy-MM-dd'T'HH:mm") });
    expect(scheduled.status).toBe(200);
    expect(await prisma.policyNotice.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SCHEDULED" });
    // Not public before it is sent.
    expect((await anonymous.get(`/en/notices/${id}`)).status).toBe(404);

    expect(await sendDueNotices(new Date())).toBe(0);
    const later = at.plus({ minutes: 1 }).toJSDate();
    const [first, second] = await Promise.all([sendDueNotices(later), sendDueNotices(later)]);
    expect(first + second).toBe(1);
    expect(await sendDueNotices(later)).toBe(0);
    // No rules: every firm of this file, each once.
    const firmCount = await prisma.firm.count();
    expect(await prisma.policyNoticeReceipt.count({ where: { noticeId: id } })).toBe(firmCount);
    expect(await prisma.notification.count({ where: { kind: "policy.notice", params: { path: ["policyNoticeId"], equals: id } } })).toBe(await prisma.user.count({ where: { role: "FIRM_MEMBER", firmId: { not: null } } }));

    // The archive reads the notices index, fed through the search outbox.
    await drainSearchOutboxFully();
    for (const [lang, q] of [["en", "online Canton"], ["pt-PT", "Feira de Cantão"], ["zh-CN", "广交会"], ["zh-Hant", "廣交會"]]) {
      const archive = await (await anonymous.get(`/${lang}/notices?q=${encodeURIComponent(q)}`)).text();
      expect(archive, `${lang}: ${q}`).toContain(`/notices/${id}`);
      expect(archive).not.toContain(`/notices/${noticeId}`);
    }
    expect(await (await anonymous.get(`/en/notices?q=${encodeURIComponent("no such words here")}`)).text()).not.toContain(`/notices/${id}`);
    expect((await anonymous.get(`/pt-PT/notices/${id}`)).status).toBe(200);
  });
});

describe("bad input", () => {
  it("answers with clear errors in the reader's language and keeps what was typed, never a 500", async () => {
    const noChinese = await bureau.post("/pt-PT/bureau/notices/new", noticeForm({ ...baseFields(), titleZh: "", titleEn: "Kept English title" }));
    expect(noChinese.status).toBe(400);
    const text = await noChinese.text();
    expect(text).toContain("Um aviso precisa de um título em chinês.");
    expect(text).toContain("Kept English title");

    const fake = await bureau.post("/en/bureau/notices/new", noticeForm(baseFields(), [{ name: "rules.pdf", bytes: fakePng }]));
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("“rules.pdf” is not a PDF file");

    const past = await bureau.post("/en/bureau/notices/new", noticeForm({ ...baseFields(), deadline: "2020-01-01" }));
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("The deadline is already past.");

    const badHs = await bureau.post("/zh-CN/bureau/notices/new", noticeForm({ ...baseFields(), hsCodes: "940" }));
    expect(badHs.status).toBe(400);
    expect(await badHs.text()).toContain("“940”不是 HS 章（2 位）或品目（4 位）。");

    const huge = await bureau.post("/en/bureau/notices/new", noticeForm({ ...baseFields(), bodyZh: "字".repeat(400_000) }));
    expect(huge.status).toBe(400);

    // Rules that reach nobody: the preview says so, and sending needs a confirmation.
    const nobody = await bureau.post("/en/bureau/notices/new", noticeForm({ ...baseFields(), markets: "AO" }));
    expect(nobody.status).toBe(302);
    const id = nobody.headers.get("location")!.split("/").pop()!;
    expect(await (await bureau.get(`/en/bureau/notices/${id}`)).text()).toContain("No firm matches these rules");
    const refused = await bureau.post(`/en/bureau/notices/${id}`, { intent: "sendNow" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("No firm matches the rules, so nobody would receive this notice.");
    expect(await prisma.policyNotice.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT" });

    const pastSchedule = await bureau.post(`/en/bureau/notices/${id}`, { intent: "schedule", sendAt: "2020-01-01T10:00", confirmEmpty: "on" });
    expect(pastSchedule.status).toBe(400);
    const lateSchedule = await bureau.post(`/en/bureau/notices/${id}`, {
      intent: "schedule",
      sendAt: DateTime.now().setZone("Asia/Shanghai").plus({ days: 60 }).toFormat("yyyy-MM-dd'T'HH:mm"),
      confirmEmpty: "on",
    });
    expect(lateSchedule.status).toBe(400);
    expect(await lateSchedule.text()).toContain("The deadline comes before the notice would be published.");
    const odd: Record<string, string>[] = [{ intent: "explode" }, { intent: "schedule", sendAt: "soon" }, { intent: "remind" }];
    for (const body of odd) {
      expect((await bureau.post(`/en/bureau/notices/${id}`, body)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await bureau.get("/en/bureau/notices/no-such-notice")).status).toBe(404);
  });
});
