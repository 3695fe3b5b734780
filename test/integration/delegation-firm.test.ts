import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createCall, moveCall } from "~/modules/delegation/calls.server";
import { decideApplication } from "~/modules/delegation/decisions.server";
import { sendDeadlineReminders } from "~/modules/delegation/reminders.server";
import { CallSchema } from "~/modules/delegation/call.schema";
import { defaultScoreWeights } from "~/modules/delegation/scoring";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { getEditionForm, updateEdition } from "~/modules/fair/editions.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser } from "../support/factories";
import { createBuyer, createSupplier, fakePng, samplePdf } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * The firm's side of a delegation over the real HTTP stack: the calls it
 * may apply to and why not, the application with its documents, every
 * refusal with its reason in the firm's language, who may see what, and
 * the deadline reminder (once per firm and call) delivered to a real SMTP
 * server.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let staff: { userId: string };
let guzhenId: string;
let xiaolanId: string;
let callId: string;

const callInput = (overrides: Record<string, unknown> = {}) =>
  CallSchema.parse({
    opensAt: "2026-11-01T00:00:00+08:00",
    deadline: "2099-02-28T23:59:00+08:00",
    quota: "5",
    townIds: [],
    boothTypes: [
      { code: "STD", name: "标准展位", widthM: "3", depthM: "3", feeCny: "18000" },
      { code: "CORNER", name: "转角展位", widthM: "3", depthM: "6", feeCny: "30000" },
    ],
    subsidySharePercent: "50",
    subsidyCapCny: "10000",
    documentsAsked: ["营业执照 Business licence"],
    weights: defaultScoreWeights,
    ...overrides,
  });

async function openCall(slug: string, overrides: Record<string, unknown> = {}, status: "OPEN" | "CLOSED" | "DRAFT" = "OPEN") {
  const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug } });
  const created = await createCall(staff, edition.id, callInput(overrides));
  if (status !== "DRAFT") await moveCall(staff, created.callId, "OPEN");
  if (status === "CLOSED") await moveCall(staff, created.callId, "CLOSED");
  return created.callId;
}

async function memberClient(user: { email: string; password: string }, locale = "zh-CN") {
  const client = new TestClient(server.url);
  await signIn(client, user.email, user.password, locale);
  return client;
}

function applicationForm(fields: Record<string, string | string[]>, files: { field: string; name: string; bytes: Buffer; type: string }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  for (const file of files) form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

const licence = { field: "document-0", name: "营业执照.pdf", bytes: samplePdf, type: "application/pdf" };

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  await seedReference();
  staff = { userId: (await createUser("BUREAU_STAFF")).id };
  guzhenId = (await prisma.town.findUniqueOrThrow({ where: { slug: "guzhen" } })).id;
  xiaolanId = (await prisma.town.findUniqueOrThrow({ where: { slug: "xiaolan" } })).id;
  callId = await openCall("mif-2027", { townIds: [guzhenId] });
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe("a firm and the delegation calls", () => {
  it("sees the calls it may apply to, and the others with the reason, in its language", async () => {
    const guzhen = await createSupplier({ townId: guzhenId });
    const xiaolan = await createSupplier({ townId: xiaolanId });
    const inGuzhen = await (await memberClient(guzhen.member)).get("/zh-CN/delegations");
    expect(inGuzhen.status).toBe(200);
    const html = await inGuzhen.text();
    expect(html).toContain("可以申请的征集");
    expect(html).toContain(`/zh-CN/delegations/calls/${callId}`);
    expect(html).not.toContain("贵企业不能申请");

    const other = await (await memberClient(xiaolan.member, "pt-BR")).get("/pt-PT/delegations");
    const otherHtml = await other.text();
    expect(otherHtml).toContain("A sua empresa não pode candidatar-se porque:");
    expect(otherHtml).toContain("a chamada é para empresas de Guzhen");
    // Applying anyway is refused with the reason.
    const refused = await (await memberClient(xiaolan.member, "pt-BR")).post(
      `/pt-PT/delegations/calls/${callId}`,
      applicationForm({ boothTypeCode: "STD", productIds: xiaolan.products.map((product) => product.id), attendees: "Ana" }, [licence]),
    );
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("A sua empresa não pode candidatar-se a esta chamada.");
  });

  it("applies with two of its products, a document, attendees; gets a receipt; follows, edits, prints and withdraws", async () => {
    const supplier = await createSupplier({ townId: guzhenId });
    const member = await memberClient(supplier.member);
    const form = await member.get(`/zh-CN/delegations/calls/${callId}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("营业执照 Business licence");

    const applied = await member.post(
      `/zh-CN/delegations/calls/${callId}`,
      applicationForm({ boothTypeCode: "STD", productIds: supplier.products.map((product) => product.id), attendees: "王芳, 销售经理\n李明", keepWithCluster: "on" }, [licence]),
    );
    expect(applied.status).toBe(302);
    const location = applied.headers.get("Location") ?? "";
    const applicationId = /\/delegations\/applications\/([^/?]+)\?applied=1$/.exec(location)?.[1];
    expect(applicationId, location).toBeTruthy();
    const stored = await prisma.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { documents: true } });
    expect(stored.productIds.sort()).toEqual(supplier.products.map((product) => product.id).sort());
    expect(stored.attendees).toEqual([{ name: "王芳", role: "销售经理", languages: [] }, { name: "李明", languages: [] }]);
    expect(stored.documents).toMatchObject([{ askedIndex: 0, contentType: "application/pdf", fileName: "营业执照.pdf" }]);

    // The receipt: in the inbox and by e-mail, in Chinese.
    const notices = await member.get("/zh-CN/notifications");
    expect(await notices.text()).toContain("已收到申请：第32届澳门国际贸易投资展览会");
    await drainMailOutbox();
    const mail = await smtp.waitFor((message) => recipientsOf(message).includes(supplier.member.email));
    expect(mail.subject).toContain("已收到申请");
    expect(mail.text).toContain(`/zh-CN/delegations/applications/${applicationId}`);

    const page = await member.get(`/zh-CN/delegations/applications/${applicationId}`);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("已提交");
    expect(pageHtml).toContain("王芳, 销售经理");
    const document = await member.get(`/zh-CN/delegations/applications/${applicationId}/documents/${stored.documents[0].id}`);
    expect(document.status).toBe(200);
    expect(document.headers.get("Content-Type")).toBe("application/pdf");

    // A second application to the same call is refused.
    const again = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: [supplier.products[0].id], attendees: "王芳" }, [licence]));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("贵企业已申请本次征集。");

    // Edited before the deadline: one product, the corner booth; the document held is kept.
    const edited = await member.post(`/zh-CN/delegations/applications/${applicationId}/edit`, applicationForm({ boothTypeCode: "CORNER", productIds: [supplier.products[1].id], attendees: "王芳" }));
    expect(edited.status).toBe(302);
    const after = await prisma.delegationApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { documents: true } });
    expect(after).toMatchObject({ boothTypeCode: "CORNER", productIds: [supplier.products[1].id] });
    expect(after.documents).toHaveLength(1);

    const print = await member.get(`/zh-CN/delegations/applications/${applicationId}/print`);
    expect(print.status).toBe(200);
    const printHtml = await print.text();
    expect(printHtml).toContain("中山代表团参展申请");
    expect(printHtml).toContain("转角展位");

    const withdrawn = await member.post(`/zh-CN/delegations/applications/${applicationId}`, { intent: "withdraw" });
    expect(withdrawn.status).toBe(302);
    expect((await prisma.delegationApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("WITHDRAWN");
    const editAfter = await member.post(`/zh-CN/delegations/applications/${applicationId}/edit`, applicationForm({ boothTypeCode: "STD", productIds: [supplier.products[0].id], attendees: "王芳" }));
    expect(editAfter.status).toBe(409);
    expect(await editAfter.text()).toContain("本申请已撤回。");
    const withdrawAgain = await member.post(`/zh-CN/delegations/applications/${applicationId}`, { intent: "withdraw" });
    expect(withdrawAgain.status).toBe(409);
  });

  it("refuses products of another firm, 500 attendees, a file lying about its type, a missing document, keeping what was typed", async () => {
    const supplier = await createSupplier({ townId: guzhenId });
    const rival = await createSupplier({ townId: guzhenId });
    const member = await memberClient(supplier.member);
    const own = supplier.products.map((product) => product.id);

    const foreign = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: [own[0], rival.products[0].id], attendees: "王芳" }, [licence]));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("只能选择贵企业自己目录中的产品。");

    const crowd = Array.from({ length: 500 }, (_, index) => `参展人员${index + 1}`).join("\n");
    const many = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: own, attendees: crowd }, [licence]));
    expect(many.status).toBe(400);
    const manyHtml = await many.text();
    expect(manyHtml).toContain("参展人员最多 10 人，名单中有 500 人。");
    expect(manyHtml).toContain("参展人员500");

    const lying = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: own, attendees: "王芳" }, [{ field: "document-0", name: "licence.pdf", bytes: fakePng, type: "application/pdf" }]));
    expect(lying.status).toBe(400);
    expect(await lying.text()).toContain("licence.pdf 不是 PDF 或图片");

    const missing = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: own, attendees: "王芳" }));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("本次征集需要此材料：营业执照 Business licence。");

    const badBooth = await member.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "XXL", productIds: own, attendees: "王芳" }, [licence]));
    expect(badBooth.status).toBe(400);
    expect(await badBooth.text()).toContain("请选择本次征集提供的展位类型。");

    expect(await prisma.delegationApplication.count({ where: { firmId: supplier.firm.id } })).toBe(0);
    expect(await prisma.delegationDocument.count({ where: { application: { firmId: supplier.firm.id } } })).toBe(0);
  });

  it("refuses late, closed-call and draft-call applications with the reason", async () => {
    const supplier = await createSupplier({ townId: guzhenId });
    const member = await memberClient(supplier.member);
    const fields = { boothTypeCode: "STD", productIds: supplier.products.map((product) => product.id), attendees: "王芳" };
    const closed = await openCall("plpex-2027", {}, "CLOSED");
    const closedAnswer = await member.post(`/zh-CN/delegations/calls/${closed}`, applicationForm(fields, [licence]));
    expect(closedAnswer.status).toBe(409);
    expect(await closedAnswer.text()).toContain("该征集未开放申请。");

    const late = await openCall("mfe-2027");
    await prisma.delegationCall.update({ where: { id: late }, data: { deadline: new Date(Date.now() - 60_000) } });
    const lateAnswer = await member.post(`/zh-CN/delegations/calls/${late}`, applicationForm(fields, [licence]));
    expect(lateAnswer.status).toBe(409);
    expect(await lateAnswer.text()).toContain("该征集的申请已截止。");

    const draft = await openCall("canton-fair-141", {}, "DRAFT");
    expect((await member.get(`/zh-CN/delegations/calls/${draft}`)).status).toBe(404);
    expect((await member.get("/zh-CN/delegations/calls/no-such-call")).status).toBe(404);
  });

  it("shows a firm only its own applications: another firm's is 404, buyers are refused, the bureau reads documents", async () => {
    const owner = await createSupplier({ townId: guzhenId });
    const other = await createSupplier({ townId: guzhenId });
    const ownerClient = await memberClient(owner.member);
    const applied = await ownerClient.post(`/zh-CN/delegations/calls/${callId}`, applicationForm({ boothTypeCode: "STD", productIds: [owner.products[0].id], attendees: "王芳" }, [licence]));
    const applicationId = /applications\/([^/?]+)/.exec(applied.headers.get("Location") ?? "")![1];
    const documentId = (await prisma.delegationDocument.findFirstOrThrow({ where: { applicationId } })).id;

    const intruder = await memberClient(other.member);
    for (const path of ["", "/edit", "/print", `/documents/${documentId}`]) {
      expect((await intruder.get(`/zh-CN/delegations/applications/${applicationId}${path}`)).status, path).toBe(404);
    }
    expect((await intruder.post(`/zh-CN/delegations/applications/${applicationId}`, { intent: "withdraw" })).status).toBe(404);
    expect((await intruder.post(`/zh-CN/delegations/applications/${applicationId}/edit`, applicationForm({ boothTypeCode: "STD", productIds: [other.products[0].id], attendees: "x" }))).status).toBe(404);
    expect((await prisma.delegationApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("SUBMITTED");

    const { user: buyerUser } = await createBuyer();
    const buyer = await memberClient(buyerUser, "pt-BR");
    expect((await buyer.get("/pt-PT/delegations")).status).toBe(403);
    expect((await buyer.get(`/pt-PT/delegations/applications/${applicationId}`)).status).toBe(403);
    expect((await buyer.post(`/pt-PT/delegations/calls/${callId}`, { boothTypeCode: "STD" })).status).toBe(403);
    expect((await buyer.get(`/pt-PT/delegations/applications/${applicationId}/documents/${documentId}`)).status).toBe(404);

    const bureauUser = await createUser("BUREAU_STAFF");
    const bureau = await memberClient(bureauUser, "en");
    expect((await bureau.get(`/en/delegations/applications/${applicationId}`)).status).toBe(403);
    expect((await bureau.get(`/en/delegations/applications/${applicationId}/documents/${documentId}`)).status).toBe(200);
  });

  it("shows the status, the booth, the subsidy and the bureau's reason once decided", async () => {
    const supplier = await createSupplier({ townId: guzhenId });
    const member = await memberClient(supplier.member);
    const plpexCall = await openCall("plpex-2026", { documentsAsked: [] });
    const applied = await member.post(`/zh-CN/delegations/calls/${plpexCall}`, applicationForm({ boothTypeCode: "STD", productIds: [supplier.products[0].id], attendees: "王芳" }));
    expect(applied.status).toBe(302);
    const applicationId = /applications\/([^/?]+)/.exec(applied.headers.get("Location") ?? "")![1];
    await moveCall(staff, plpexCall, "CLOSED");
    await decideApplication(staff, applicationId, "WAITLISTED", "名额已满，列入候补。");
    let html = await (await member.get(`/zh-CN/delegations/applications/${applicationId}`)).text();
    expect(html).toContain("候补");
    expect(html).toContain("名额已满，列入候补。");
    await decideApplication(staff, applicationId, "APPROVED", null);
    await prisma.delegationApplication.update({ where: { id: applicationId }, data: { booth: "A-12", boothZone: "A" } });
    html = await (await member.get(`/zh-CN/delegations/applications/${applicationId}`)).text();
    expect(html).toContain("已入选");
    expect(html).toContain("A-12");
    // 50 % of ¥18,000, under the ¥10,000 cap.
    expect(html).toMatch(/预计：.*9,000/);

    // The delegation history: the bureau's view of the firm shows it at once; the public page once the roster is published.
    const bureau = await memberClient(await createUser("BUREAU_STAFF"), "en");
    const profile = await (await bureau.get(`/en/catalog/firms/${supplier.firm.id}`)).text();
    expect(profile).toContain("Fair delegations");
    expect(profile).toContain("Portuguese-speaking Countries Products and Services Exhibition (Macao) 2026");
    const publicPage = async () => (await new TestClient(server.url).get(`/pt-PT/firms/${supplier.firm.slug}`)).text();
    expect(await publicPage()).not.toContain("Delegações a feiras");
    await moveCall(staff, plpexCall, "SELECTED");
    await moveCall(staff, plpexCall, "ROSTER_PUBLISHED");
    const published = await publicPage();
    expect(published).toContain("Delegações a feiras");
    expect(published).toContain("Exposição de Produtos e Serviços dos Países de Língua Portuguesa (Macau) 2026");
    expect(published).toContain("stand A-12");
  });
});

describe("the deadline reminder", () => {
  it("reminds each eligible firm that has not applied once, however often and however many run it, by e-mail in its language", async () => {
    const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "canton-fair-140" } });
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const created = await createCall(staff, edition.id, callInput({ townIds: [xiaolanId], documentsAsked: [], deadline: soon.toISOString() }));
    await moveCall(staff, created.callId, "OPEN");
    const waiting = await createSupplier({ townId: xiaolanId, locale: "zh-CN" });
    const portuguese = await createUser("FIRM_MEMBER", { firmId: waiting.firm.id, locale: "pt-PT" });
    const applied = await createSupplier({ townId: xiaolanId });
    const elsewhere = await createSupplier({ townId: guzhenId });
    const unverified = await createSupplier({ townId: xiaolanId, verification: "PENDING" });
    await (await memberClient(applied.member)).post(`/zh-CN/delegations/calls/${created.callId}`, applicationForm({ boothTypeCode: "STD", productIds: [applied.products[0].id], attendees: "王芳" }));
    expect(await prisma.delegationApplication.count({ where: { callId: created.callId } })).toBe(1);

    // Other calls of this file are due too: only this one's reminders are counted.
    const remindedFirms = () => prisma.delegationReminder.findMany({ where: { callId: created.callId }, select: { firmId: true } });
    // Too early: the call reminds 7 days before its deadline.
    await sendDeadlineReminders(new Date(soon.getTime() - 8 * 86_400_000));
    expect(await remindedFirms()).toEqual([]);
    // Two instances at once, then a later run: one reminder per firm.
    await Promise.all([sendDeadlineReminders(), sendDeadlineReminders()]);
    await sendDeadlineReminders();
    const firms = (await remindedFirms()).map((row) => row.firmId);
    // The Xiaolan firm of the first test has not applied either: it is reminded too.
    expect(firms).toContain(waiting.firm.id);
    for (const firm of [applied, elsewhere, unverified]) expect(firms).not.toContain(firm.firm.id);
    // One notice per member of each reminded firm, never two.
    const reminders = await prisma.notification.findMany({ where: { kind: "delegation.reminder", params: { path: ["callId"], equals: created.callId } }, select: { userId: true } });
    const members = await prisma.user.findMany({ where: { firmId: { in: firms }, role: "FIRM_MEMBER" }, select: { id: true } });
    expect(reminders.map((row) => row.userId).sort()).toEqual(members.map((row) => row.id).sort());
    expect(reminders.map((row) => row.userId)).toEqual(expect.arrayContaining([waiting.member.id, portuguese.id]));

    // Every mail queued so far, the demo calls' reminders included.
    while ((await drainMailOutbox({ limit: 500 })).sent > 0);
    // The demo data has open calls of its own: read this call's mails (Canton Fair 140).
    const aboutThisCall = (mail: { subject?: string }) => /140/.test(mail.subject ?? "");
    const chinese = await smtp.waitFor((mail) => recipientsOf(mail).includes(waiting.member.email) && /即将截止/.test(mail.subject ?? "") && aboutThisCall(mail));
    expect(chinese.text).toContain("第140届中国进出口商品交易会");
    expect(chinese.text).toContain(`/zh-CN/delegations/calls/${created.callId}`);
    const inPortuguese = await smtp.waitFor((mail) => recipientsOf(mail).includes(portuguese.email) && aboutThisCall(mail));
    expect(inPortuguese.subject).toContain("Prazo a terminar: 140.ª Feira de Importação e Exportação da China");
    expect(inPortuguese.text).toContain("Asia/Shanghai");
  });
});

describe("the site search", () => {
  it("finds fair editions in every language and says which delegation call is open, from the database", async () => {
    await reindexAll(["products", "firms", "fairs"]);
    const supplier = await createSupplier({ townId: guzhenId });
    const firm = await memberClient(supplier.member);
    const chinese = await (await firm.get(`/zh-CN/search?q=${encodeURIComponent("澳门国际贸易投资展览会")}`)).text();
    expect(chinese).toContain("展会与代表团征集");
    expect(chinese).toContain("第32届澳门国际贸易投资展览会");
    expect(chinese).toContain("中山代表团征集中");
    expect(chinese).toContain(`/zh-CN/delegations/calls/${callId}`);

    const visitor = await (await new TestClient(server.url).get(`/pt-PT/search?q=${encodeURIComponent("Feira Internacional de Macau 2027")}`)).text();
    expect(visitor).toContain("32.ª Feira Internacional de Macau");
    expect(visitor).toContain("Delegação de Zhongshan: candidaturas abertas até");
    expect(visitor).not.toContain("/delegations/calls/");

    // A call closed a moment ago is no longer offered, though the index has not changed.
    await moveCall(staff, callId, "CLOSED");
    const closed = await (await firm.get(`/en/search?q=${encodeURIComponent("Macao International Trade 2027")}`)).text();
    expect(closed).toContain("32nd Macao International Trade and Investment Fair");
    expect(closed).not.toContain(`/delegations/calls/${callId}`);

    // The bureau renames an edition: the outbox carries it to the index, no restart needed.
    const plpex = await getEditionForm("plpex-2027");
    await updateEdition(staff, "plpex-2027", { ...plpex.value, nameEn: "Lusophone Products Expo Macao 2027" });
    expect(await prisma.searchOutbox.count({ where: { entityType: "fair", status: "PENDING" } })).toBeGreaterThan(0);
    await drainSearchOutboxFully();
    const renamed = await (await firm.get(`/en/search?q=${encodeURIComponent("Lusophone Products Expo")}`)).text();
    expect(renamed).toContain("Lusophone Products Expo Macao 2027");
    // Three indexes are built above: slow on a busy 2-core machine.
  }, 240_000);
});
