import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier, createTownWithCluster, fakePng, samplePdf } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Problems end to end over HTTP (issue 11): a firm raises a problem with a
 * PDF; other firms, buyers and visitors never see it; the bureau assigns it,
 * writes an internal note the firm never sees, answers (the firm gets a
 * notice and a mail in Chinese), closes it; the firm rates the answer and
 * reopens it; the bureau's figures count it. Every refusal is checked.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let supplier: Awaited<ReturnType<typeof createSupplier>>;
let staffA: Awaited<ReturnType<typeof createUser>>;
let staffB: Awaited<ReturnType<typeof createUser>>;
const clients: Record<"firm" | "otherFirm" | "buyer" | "staffA" | "staffB" | "anonymous", TestClient> = {} as never;
let problemId = "";

const SUBJECT = "出口巴西的灯具被海关退回";
const BODY = "我司一批LED吸顶灯在桑托斯港被海关扣留，要求补充INMETRO证书。请问商务局能否协助联系？";

function form(fields: Record<string, string>, files: { name: string; bytes: Buffer; type: string }[] = []) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  for (const file of files) data.append("attachment", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return data;
}

async function client(email: string, locale = "en") {
  const signedIn = new TestClient(server.url);
  await signIn(signedIn, email, TEST_PASSWORD, locale);
  return signedIn;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  const guzhen = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
  supplier = await createSupplier({ townId: guzhen.town.id, clusterId: guzhen.cluster.id, locale: "zh-CN" });
  const other = await createSupplier({ locale: "en" });
  const buyer = await createBuyer();
  staffA = await createUser("BUREAU_STAFF", { locale: "pt" });
  staffB = await createUser("BUREAU_STAFF", { locale: "en" });
  clients.firm = await client(supplier.member.email, "zh-CN");
  clients.otherFirm = await client(other.member.email);
  clients.buyer = await client(buyer.user.email);
  clients.staffA = await client(staffA.email, "pt-BR");
  clients.staffB = await client(staffB.email);
  clients.anonymous = new TestClient(server.url);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

describe("a firm's problem", () => {
  it("is refused with the typed text kept when the attachment is not what it claims, or the category is missing", async () => {
    const fake = await clients.firm.post("/zh-CN/problems/new", form({ category: "customs", subject: SUBJECT, body: BODY }, [{ name: "证书.png", bytes: fakePng, type: "image/png" }]));
    expect(fake.status).toBe(400);
    const html = await fake.text();
    expect(html).toContain(SUBJECT);
    expect(html).toContain("证书.png");
    const noCategory = await clients.firm.post("/zh-CN/problems/new", form({ category: "", subject: SUBJECT, body: BODY }));
    expect(noCategory.status).toBe(400);
    expect(await noCategory.text()).toContain("请选择问题类别。");
    expect(await prisma.problem.count({ where: { firmId: supplier.firm.id } })).toBe(0);
  });

  it("is raised with a PDF, audited, and the bureau is told", async () => {
    const raised = await clients.firm.post("/zh-CN/problems/new", form({ category: "customs", subject: SUBJECT, body: BODY }, [{ name: "扣留通知.pdf", bytes: samplePdf, type: "application/pdf" }]));
    expect(raised.status).toBe(302);
    problemId = raised.headers.get("location")!.match(/\/zh-CN\/problems\/([^/?]+)\?sent=1$/)![1];
    const problem = await prisma.problem.findUniqueOrThrow({ where: { id: problemId }, include: { messages: { include: { attachments: true } } } });
    expect(problem).toMatchObject({ firmId: supplier.firm.id, category: "customs", subject: SUBJECT, status: "OPEN", firstAnsweredAt: null });
    expect(problem.firstAnswerDueAt.getTime()).toBeGreaterThan(problem.createdAt.getTime() + 24 * 3_600_000);
    expect(problem.messages).toHaveLength(1);
    expect(problem.messages[0]).toMatchObject({ side: "FIRM", language: "zh", body: BODY });
    expect(problem.messages[0].attachments.map((file) => file.contentType)).toEqual(["application/pdf"]);
    expect(await prisma.auditEvent.count({ where: { entityType: "problem", entityId: problemId, action: "raise" } })).toBe(1);
    for (const staff of [staffA, staffB]) {
      expect(await prisma.notification.count({ where: { userId: staff.id, kind: "problem.raised" } })).toBe(1);
    }

    const page = await clients.firm.get(`/zh-CN/problems/${problemId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(BODY);
    expect(html).toContain("待商务局答复");
    const list = await (await clients.firm.get("/zh-CN/problems")).text();
    expect(list).toContain(SUBJECT);
    const attachmentId = problem.messages[0].attachments[0].id;
    const file = await clients.firm.get(`/zh-CN/problems/${problemId}/attachments/${attachmentId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
  });

  it("does not exist for another firm, a buyer or a visitor, and another firm cannot post to its thread", async () => {
    const attachment = await prisma.problemAttachment.findFirstOrThrow({ where: { message: { problemId } } });
    for (const visitor of [clients.otherFirm, clients.buyer]) {
      expect((await visitor.get(`/en/problems/${problemId}`)).status).toBe(404);
      expect((await visitor.get(`/en/problems/${problemId}/attachments/${attachment.id}`)).status).toBe(404);
      expect((await visitor.post(`/en/problems/${problemId}`, { intent: "message", body: "Let me in" })).status).toBe(404);
    }
    const anonymous = await clients.anonymous.get(`/en/problems/${problemId}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/en\/login\?redirectTo=/);
    expect(await (await clients.otherFirm.get("/en/problems")).text()).not.toContain(SUBJECT);
    expect((await clients.buyer.get("/en/problems")).status).toBe(403);
    expect((await clients.firm.get("/en/bureau/problems")).status).toBe(403);
    expect(await prisma.problemMessage.count({ where: { problemId } })).toBe(1);
  });

  it("is assigned by the bureau; the firm may neither assign nor write internal notes", async () => {
    expect((await clients.firm.post(`/en/problems/${problemId}`, { intent: "assign", assigneeId: staffB.id })).status).toBe(403);
    expect((await clients.firm.post(`/en/problems/${problemId}`, { intent: "message", body: "secret?", internal: "on" })).status).toBe(403);
    const notStaff = await clients.staffA.post(`/pt-PT/problems/${problemId}`, { intent: "assign", assigneeId: supplier.member.id });
    expect(notStaff.status).toBe(400);
    expect(await notStaff.text()).toContain("Escolha um membro da equipa do departamento.");

    const assigned = await clients.staffA.post(`/pt-PT/problems/${problemId}`, { intent: "assign", assigneeId: staffB.id, department: "外贸科" });
    expect(assigned.status).toBe(200);
    expect(await prisma.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ assigneeId: staffB.id, department: "外贸科" });
    expect(await prisma.notification.count({ where: { userId: staffB.id, kind: "problem.assigned" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "problem", entityId: problemId, action: "assign", actorId: staffA.id } })).toBe(1);
    const queue = await (await clients.staffB.get("/en/bureau/problems?assigned=me")).text();
    expect(queue).toContain(SUBJECT);
    expect(await (await clients.staffB.get("/en/bureau/problems?category=tradeDispute")).text()).not.toContain(SUBJECT);
  });

  it("takes an internal note the firm never sees, then the bureau's answer, which the firm hears of by mail in Chinese", async () => {
    const note = "Internal: check with Santos customs broker before answering";
    expect((await clients.staffB.post(`/en/problems/${problemId}`, { intent: "message", body: note, internal: "on" })).status).toBe(200);
    expect((await prisma.problem.findUniqueOrThrow({ where: { id: problemId } })).status).toBe("OPEN");
    expect(await (await clients.staffA.get(`/en/problems/${problemId}`)).text()).toContain(note);
    expect(await (await clients.firm.get(`/zh-CN/problems/${problemId}`)).text()).not.toContain(note);
    expect(await prisma.notification.count({ where: { userId: supplier.member.id } })).toBe(0);

    const answer = "您好，请将INMETRO证书复印件上传，我们已联系桑托斯海关。";
    expect((await clients.staffB.post(`/en/problems/${problemId}`, { intent: "message", body: answer })).status).toBe(200);
    const problem = await prisma.problem.findUniqueOrThrow({ where: { id: problemId } });
    expect(problem.status).toBe("ANSWERED");
    expect(problem.firstAnsweredAt).not.toBeNull();
    expect(await prisma.notification.count({ where: { userId: supplier.member.id, kind: "problem.answered" } })).toBe(1);

    await drainMailOutbox({ limit: 100 });
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email));
    expect(mail.subject).toBe(`商务局已答复：${SUBJECT} · Ponte`);
    expect(mail.text).toContain(`/zh-CN/problems/${problemId}`);
    const pt = await smtp.waitFor((m) => recipientsOf(m).includes(staffA.email));
    expect(pt.subject).toBe(`Novo problema: ${SUBJECT} · Ponte`);
    expect(await (await clients.firm.get(`/zh-CN/problems/${problemId}`)).text()).toContain(answer);
  });

  it("is rated only once closed; a closed problem takes no message; the firm rates and reopens it", async () => {
    const early = await clients.firm.post(`/zh-CN/problems/${problemId}`, { intent: "rate", rating: "4" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("问题关闭后才能进行此操作。");

    expect((await clients.staffB.post(`/en/problems/${problemId}`, { intent: "close" })).status).toBe(200);
    expect((await prisma.problem.findUniqueOrThrow({ where: { id: problemId } })).status).toBe("CLOSED");
    expect(await prisma.notification.count({ where: { userId: supplier.member.id, kind: "problem.closed" } })).toBe(1);
    const late = await clients.firm.post(`/zh-CN/problems/${problemId}`, { intent: "message", body: "还有一个问题" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("此问题已关闭");
    expect((await clients.staffA.post(`/en/problems/${problemId}`, { intent: "rate", rating: "5" })).status).toBe(403);
    expect((await clients.firm.post(`/zh-CN/problems/${problemId}`, { intent: "rate", rating: "9" })).status).toBe(400);

    const rated = await clients.firm.post(`/zh-CN/problems/${problemId}`, { intent: "rate", rating: "4", comment: "回复及时" });
    expect(rated.status).toBe(200);
    expect(await prisma.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ rating: 4, ratingComment: "回复及时" });

    expect((await clients.firm.post(`/zh-CN/problems/${problemId}`, { intent: "reopen" })).status).toBe(200);
    expect((await prisma.problem.findUniqueOrThrow({ where: { id: problemId } })).status).toBe("OPEN");
    expect(await prisma.notification.count({ where: { userId: staffB.id, kind: "problem.reopened" } })).toBe(1);
    // Only the assignee hears of it now.
    expect(await prisma.notification.count({ where: { userId: staffA.id, kind: "problem.reopened" } })).toBe(0);
    const actions = (await prisma.auditEvent.findMany({ where: { entityType: "problem", entityId: problemId }, orderBy: { id: "asc" }, select: { action: true } })).map((row) => row.action);
    expect(actions).toEqual(["raise", "assign", "note", "answer", "close", "rate", "reopen"]);
  });

  it("counts in the bureau's figures, by category and by town, with charts", async () => {
    const byCategory = await clients.staffA.get("/en/bureau/problems/figures?by=category");
    expect(byCategory.status).toBe(200);
    const html = await byCategory.text();
    // The customs row: 1 raised, 1 waiting for the bureau (reopened), none closed, none overdue, answered in time, rated 4.
    const customs = html.match(/<th scope="row">Customs<\/th>(.*?)<\/tr>/)?.[1] ?? "";
    expect([...customs.matchAll(/<td>(?:<span>)?([^<]*)/g)].map((cell) => cell[1])).toEqual(["1", "1", "0", "0", "0", "100%", "0", "4"]);
    expect(html).toMatch(/<th scope="row">Trade dispute with a buyer<\/th><td><span>0<\/span>/);
    expect(html).toContain('role="img"');
    const byTown = await (await clients.staffA.get("/en/bureau/problems/figures?by=town")).text();
    expect(byTown).toContain("Guzhen");
    expect((await clients.firm.get("/en/bureau/problems/figures")).status).toBe(403);
  });
});
