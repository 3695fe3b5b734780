import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { sendTrainingReminders } from "~/modules/training/training.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Training sessions (issue 11): the bureau publishes a session on
 * Zhongshan's clock; firms register concurrently and exactly the capacity is
 * accepted; registrants get a notice, a mail in their language, a calendar
 * entry and one reminder; the bureau records who attended and sees it as a
 * table and a chart.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let bureau: TestClient;
const firms: Awaited<ReturnType<typeof createSupplier>>[] = [];
const clients: TestClient[] = [];
let sessionId = "";

/** "YYYY-MM-DDTHH:mm" on Zhongshan's clock, some days from now. */
const zhongshanTime = (days: number, hour: number) => DateTime.now().setZone("Asia/Shanghai").plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
const local = (at: DateTime) => at.toFormat("yyyy-LL-dd'T'HH:mm");

const sessionFields = (overrides: Record<string, string> = {}) => ({
  titleZh: "巴西市场直播带货培训",
  titleEn: "Live-stream selling for Brazil",
  titlePt: "Vendas em direto para o Brasil",
  descriptionZh: "讲解巴西直播电商平台与INMETRO认证。",
  startsAt: local(zhongshanTime(5, 14)),
  endsAt: local(zhongshanTime(5, 16)),
  place: "中山市商务局三楼会议室",
  videoLink: "https://meeting.example.cn/room/42",
  capacity: "3",
  ...overrides,
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  const locales = ["zh-CN", "pt", "en", "zh-CN", "en", "pt"];
  for (const locale of locales) {
    const supplier = await createSupplier({ locale });
    firms.push(supplier);
    const client = new TestClient(server.url);
    await signIn(client, supplier.member.email, TEST_PASSWORD);
    clients.push(client);
  }
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  await server.close();
  await smtp.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

describe("the bureau's training session", () => {
  it("is published with its time on Zhongshan's clock, stored in UTC, and audited", async () => {
    const created = await bureau.post("/en/bureau/training/new", sessionFields());
    expect(created.status).toBe(302);
    sessionId = created.headers.get("location")!.split("/").pop()!;
    const session = await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.startsAt.toISOString()).toBe(zhongshanTime(5, 14).toUTC().toISO());
    expect(session.capacity).toBe(3);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "create" } })).toBe(1);

    const page = await (await bureau.get(`/en/bureau/training/${sessionId}`)).text();
    expect(page).toContain("Live-stream selling for Brazil");
    expect(page).toContain("(Asia/Shanghai)");
    expect(page).toContain("0 of 3 seats taken");
    const list = await (await bureau.get("/zh-CN/bureau/training")).text();
    expect(list).toContain("巴西市场直播带货培训");
  });

  it("accepts exactly its capacity when six firms register at the same moment", async () => {
    const answers = await Promise.all(clients.map((client) => client.post("/en/training", { intent: "register", sessionId })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    const refused = answers[statuses.indexOf(409)];
    expect(await refused.text()).toContain("This session is full: every seat is taken.");
    expect(await prisma.trainingRegistration.count({ where: { sessionId, status: "REGISTERED" } })).toBe(3);

    const registered = await prisma.trainingRegistration.findMany({ where: { sessionId }, select: { firmId: true } });
    const registeredFirms = firms.filter((supplier) => registered.some((row) => row.firmId === supplier.firm.id));
    for (const supplier of firms) {
      const expected = registeredFirms.includes(supplier) ? 1 : 0;
      expect(await prisma.notification.count({ where: { userId: supplier.member.id, kind: "training.registered" } })).toBe(expected);
    }
    await drainMailOutbox({ limit: 100 });
    for (const supplier of registeredFirms) {
      const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email));
      const title = { "zh-CN": "培训报名成功：巴西市场直播带货培训", pt: "Inscrição na formação: Vendas em direto para o Brasil", en: "Registered for training: Live-stream selling for Brazil" }[supplier.member.locale as "zh-CN" | "pt" | "en"];
      expect(mail.subject).toBe(`${title} · Ponte`);
      expect(mail.text).toContain("Asia/Shanghai");
    }
  });

  it("lets a firm give its seat back, after which a waiting firm takes it; a firm registers once", async () => {
    const holders = await prisma.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { firmId: true } });
    const holder = firms.findIndex((supplier) => supplier.firm.id === holders[0].firmId);
    const waiting = firms.findIndex((supplier) => !holders.some((row) => row.firmId === supplier.firm.id));

    const twice = await clients[holder].post("/pt-BR/training", { intent: "register", sessionId });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("já está inscrita");

    const ics = await clients[holder].get(`/en/training/${sessionId}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const calendar = await ics.text();
    expect(calendar).toContain(`DTSTART;TZID=Asia/Shanghai:${zhongshanTime(5, 14).toFormat("yyyyLLdd'T'HHmmss")}`);
    expect(calendar).toContain("STATUS:CONFIRMED");
    expect((await clients[waiting].get(`/en/training/${sessionId}.ics`)).status).toBe(404);

    expect((await clients[holder].post("/en/training", { intent: "cancel", sessionId })).status).toBe(200);
    expect(await (await clients[holder].get(`/en/training/${sessionId}.ics`)).text()).toContain("STATUS:CANCELLED");
    const page = await (await clients[waiting].get("/en/training")).text();
    expect(page).toContain("1 seat left");
    expect((await clients[waiting].post("/en/training", { intent: "register", sessionId })).status).toBe(200);
    expect(await prisma.trainingRegistration.count({ where: { sessionId, status: "REGISTERED" } })).toBe(3);
    expect((await clients[holder].post("/en/training", { intent: "register", sessionId })).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "cancelRegistration" } })).toBe(1);
  });

  it("reminds the registered firms once, the day before", async () => {
    const session = await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await sendTrainingReminders(new Date(session.startsAt.getTime() - 3 * 86_400_000))).toEqual({ sessions: 0, firms: 0 });
    const dayBefore = new Date(session.startsAt.getTime() - 20 * 3_600_000);
    const [first, second] = await Promise.all([sendTrainingReminders(dayBefore), sendTrainingReminders(dayBefore)]);
    expect(first.firms + second.firms).toBe(3);
    expect(await prisma.notification.count({ where: { kind: "training.reminder" } })).toBe(3);
    const holders = await prisma.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { firmId: true } });
    for (const row of holders) {
      const member = firms.find((supplier) => supplier.firm.id === row.firmId)!.member;
      expect(await prisma.notification.count({ where: { userId: member.id, kind: "training.reminder" } })).toBe(1);
    }
    expect((await sendTrainingReminders(dayBefore)).firms).toBe(0);
  });

  it("records attendance once the session has started, shown as figures and a chart", async () => {
    const registrations = await prisma.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { id: true, firmId: true }, orderBy: { createdAt: "asc" } });
    const early = await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "attendance", attended: registrations[0].id });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("once the session has started");

    await prisma.trainingSession.update({ where: { id: sessionId }, data: { startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) } });
    const body = new URLSearchParams([
      ["intent", "attendance"],
      ["attended", registrations[0].id],
      ["attended", registrations[1].id],
    ]);
    const saved = await bureau.post(`/en/bureau/training/${sessionId}`, body);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Attended: 2; absent: 1; not recorded: 0.");
    expect(await prisma.trainingRegistration.count({ where: { sessionId, attended: true } })).toBe(2);
    expect(await prisma.trainingRegistration.count({ where: { sessionId, attended: false } })).toBe(1);

    const list = await (await bureau.get("/en/bureau/training")).text();
    expect(list).toContain("2 of 3");
    expect(list).toContain("Firms that attended, per session");
    expect(list).toMatch(/<svg[^>]*role="img"/);

    // A seat cannot be given back once the session started; an id that is no registration of it is refused.
    const holder = firms.findIndex((supplier) => supplier.firm.id === registrations[0].firmId);
    const late = await clients[holder].post("/en/training", { intent: "cancel", sessionId });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("registrations are closed");
    expect((await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "attendance", attended: "not-a-registration" })).status).toBe(400);
  });
});

describe("bad input and refusals", () => {
  it("answers clear errors in the reader's language, keeps what was typed, and never a 500", async () => {
    const noChinese = await bureau.post("/pt-BR/bureau/training/new", sessionFields({ titleZh: "", titleEn: "Kept English title" }));
    expect(noChinese.status).toBe(400);
    const text = await noChinese.text();
    expect(text).toContain("É necessário um título em chinês.");
    expect(text).toContain("Kept English title");

    const past = await bureau.post("/en/bureau/training/new", sessionFields({ startsAt: "2020-01-01T10:00", endsAt: "2020-01-01T12:00" }));
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("The session must start in the future.");
    const backwards = await bureau.post("/en/bureau/training/new", sessionFields({ endsAt: local(zhongshanTime(5, 9)) }));
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("The session must end after it starts.");
    const nowhere = await bureau.post("/zh-CN/bureau/training/new", sessionFields({ place: "", videoLink: "" }));
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("请填写地点或视频链接。");
    const odds: Record<string, string>[] = [{ capacity: "0" }, { capacity: "abc" }, { capacity: "1e309" }, { videoLink: "javascript:alert(1)" }, { startsAt: "2026-02-30T10:00" }, { titleZh: "长".repeat(300) }];
    for (const odd of odds) {
      expect((await bureau.post("/en/bureau/training/new", sessionFields(odd))).status, JSON.stringify(odd).slice(0, 40)).toBe(400);
    }
    expect(await prisma.trainingSession.count()).toBe(1);

    expect((await clients[0].post("/en/training", { intent: "register", sessionId: "no-such-session" })).status).toBe(404);
    expect((await clients[0].post("/en/training", { intent: "explode", sessionId })).status).toBe(400);
  });

  it("keeps the bureau's pages to the bureau and the firms' page to firms", async () => {
    expect((await clients[0].get("/en/bureau/training")).status).toBe(403);
    expect((await clients[0].post("/en/bureau/training/new", sessionFields())).status).toBe(403);
    expect((await clients[0].post(`/en/bureau/training/${sessionId}`, { intent: "attendance" })).status).toBe(403);
    const buyer = await createBuyer();
    const buyerClient = new TestClient(server.url);
    await signIn(buyerClient, buyer.user.email, TEST_PASSWORD);
    expect((await buyerClient.get("/en/training")).status).toBe(403);
    expect((await buyerClient.post("/en/training", { intent: "register", sessionId })).status).toBe(403);
    expect((await new TestClient(server.url).get(`/en/training/${sessionId}.ics`)).status).toBe(302);
  });
});
