import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { joinWaitlist, registerForSession } from "~/modules/training/training.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createSupplier, createTownWithCluster } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Training sessions changed by the bureau and the waitlist (issue 11):
 * twenty firms register at the same moment and exactly the capacity is
 * accepted; the others wait and are seated in order when a seat frees or the
 * bureau adds seats; an edit tells the registered firms in their language
 * and raises the calendar SEQUENCE; the seats cannot go below the registered;
 * a cancellation tells every firm, turns the calendar entries CANCELLED and
 * closes the session. Every change is audited.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let bureau: TestClient;
const firms: Awaited<ReturnType<typeof createSupplier>>[] = [];
let sessionId = "";

const zhongshanTime = (days: number, hour: number) => DateTime.now().setZone("Asia/Shanghai").plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
const local = (at: DateTime) => at.toFormat("yyyy-LL-dd'T'HH:mm");
const sessionFields = (overrides: Record<string, string> = {}) => ({
  titleZh: "跨境电商直播培训",
  titleEn: "Cross-border live-stream selling",
  titlePt: "Vendas em direto além-fronteiras",
  startsAt: local(zhongshanTime(6, 9)),
  endsAt: local(zhongshanTime(6, 11)),
  place: "中山市商务局二楼",
  capacity: "5",
  ...overrides,
});
const registered = () => prisma.trainingRegistration.findMany({ where: { sessionId, status: "REGISTERED" }, select: { firmId: true } }).then((rows) => rows.map((row) => row.firmId));
const memberOf = (firmId: string) => firms.find((supplier) => supplier.firm.id === firmId)!.member;
async function clientOf(firmId: string) {
  const client = new TestClient(server.url);
  await signIn(client, memberOf(firmId).email, TEST_PASSWORD);
  return client;
}
const noticesOf = (firmId: string, kind: string) => prisma.notification.count({ where: { userId: memberOf(firmId).id, kind } });

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  const locales = ["zh-CN", "pt", "en"];
  for (let index = 0; index < 20; index++) firms.push(await createSupplier({ locale: locales[index % 3] }));
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  const created = await bureau.post("/en/bureau/training/new", sessionFields());
  expect(created.status).toBe(302);
  sessionId = created.headers.get("location")!.split("/").pop()!;
}, 240_000);

afterAll(async () => {
  await server.close();
  await smtp.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

describe("the waitlist", () => {
  it("accepts exactly the capacity when twenty firms register at the same moment", async () => {
    const answers = await Promise.allSettled(firms.map((supplier) => registerForSession(sessionId, { firmId: supplier.firm.id, actorId: supplier.member.id })));
    expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(5);
    const refused = answers.filter((answer): answer is PromiseRejectedResult => answer.status === "rejected");
    expect(refused).toHaveLength(15);
    expect(refused.every((answer) => answer.reason instanceof DomainError && answer.reason.code === "full")).toBe(true);
    expect(await registered()).toHaveLength(5);
  });

  it("lets the other firms wait, all at once, without taking a seat", async () => {
    const holders = await registered();
    const others = firms.filter((supplier) => !holders.includes(supplier.firm.id));
    const answers = await Promise.all(others.slice(0, 3).map((supplier) => joinWaitlist(sessionId, { firmId: supplier.firm.id, actorId: supplier.member.id })));
    expect(answers).toEqual(["waitlisted", "waitlisted", "waitlisted"]);
    expect(await registered()).toHaveLength(5);

    const client = await clientOf(others[3].firm.id);
    const page = await (await client.get("/en/training")).text();
    expect(page).toContain("Join the waitlist");
    const joined = await client.post("/en/training", { intent: "waitlist", sessionId });
    expect(joined.status).toBe(200);
    expect(await joined.text()).toContain("Your firm is on the waitlist");
    const twice = await client.post("/en/training", { intent: "waitlist", sessionId });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("already on the waitlist");
    expect(await prisma.trainingRegistration.count({ where: { sessionId, status: "WAITLISTED" } })).toBe(4);
    expect((await client.get(`/en/training/${sessionId}.ics`)).status).toBe(404);
    expect(await (await bureau.get(`/en/bureau/training/${sessionId}`)).text()).toContain("4 firms waiting for a seat");
  });

  it("seats the first waiting firm when a firm gives its seat back, and tells it", async () => {
    const [holder] = await registered();
    const first = await prisma.trainingRegistration.findFirstOrThrow({ where: { sessionId, status: "WAITLISTED" }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }] });
    const client = await clientOf(holder);
    expect((await client.post("/en/training", { intent: "cancel", sessionId })).status).toBe(200);
    const now = await registered();
    expect(now).toHaveLength(5);
    expect(now).toContain(first.firmId);
    expect(await noticesOf(first.firmId, "training.promoted")).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "promoteFromWaitlist" } })).toBe(1);
  });
});

describe("the bureau's changes", () => {
  it("refuses fewer seats than firms registered, keeping what was typed", async () => {
    const page = await (await bureau.get(`/en/bureau/training/${sessionId}/edit`)).text();
    expect(page).toContain("跨境电商直播培训");
    expect(page).toContain('value="5"');
    const fewer = await bureau.post(`/en/bureau/training/${sessionId}/edit`, sessionFields({ capacity: "3", place: "Kept place" }));
    expect(fewer.status).toBe(400);
    const text = await fewer.text();
    expect(text).toContain("More firms are already registered than this number of seats.");
    expect(text).toContain("Kept place");
    const odds: Record<string, string>[] = [{ capacity: "-1" }, { startsAt: "2020-01-01T10:00", endsAt: "2020-01-01T11:00" }, { videoLink: "javascript:alert(1)" }, { markets: "Brazil" }, { verified: "sometimes" }];
    for (const odd of odds) {
      expect((await bureau.post(`/en/bureau/training/${sessionId}/edit`, sessionFields(odd))).status).toBe(400);
    }
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(5);
  });

  it("tells the registered firms of a new place in their language, raises the calendar SEQUENCE and seats the waiting firms when seats are added", async () => {
    const before = await registered();
    const saved = await bureau.post(`/en/bureau/training/${sessionId}/edit`, sessionFields({ capacity: "8", place: "中山市商务局五楼报告厅" }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("saved=told");
    const after = await registered();
    expect(after).toHaveLength(8);
    const session = await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.sequence).toBe(1);
    expect(session.place).toBe("中山市商务局五楼报告厅");
    for (const firmId of before) expect(await noticesOf(firmId, "training.changed")).toBe(1);
    for (const firmId of after.filter((id) => !before.includes(id))) expect(await noticesOf(firmId, "training.promoted")).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "update" } })).toBe(1);

    await drainMailOutbox({ limit: 200 });
    const zh = before.map(memberOf).find((member) => member.locale === "zh-CN");
    if (zh) expect((await smtp.waitFor((m) => recipientsOf(m).includes(zh.email) && m.subject?.includes("培训变更") === true)).subject).toBe("培训变更：跨境电商直播培训 · Ponte");
    const pt = before.map(memberOf).find((member) => member.locale === "pt");
    if (pt) expect((await smtp.waitFor((m) => recipientsOf(m).includes(pt.email) && m.subject?.includes("alterada") === true)).subject).toBe("Formação alterada: Vendas em direto além-fronteiras · Ponte");

    const ics = await (await clientOf(before[0])).get(`/en/training/${sessionId}.ics`);
    const calendar = await ics.text();
    expect(calendar).toContain("SEQUENCE:1");
    expect(calendar).toContain("STATUS:CONFIRMED");

    // Texts only: saved without telling anyone.
    const quiet = await bureau.post(`/en/bureau/training/${sessionId}/edit`, sessionFields({ capacity: "8", place: "中山市商务局五楼报告厅", descriptionZh: "新增说明" }));
    expect(quiet.headers.get("location")).toContain("saved=quiet");
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).sequence).toBe(1);
    expect(await noticesOf(before[0], "training.changed")).toBe(1);
  });

  it("is cancelled by the bureau only: firms are told, calendar entries turn CANCELLED and no seat can be taken", async () => {
    const holders = await registered();
    const firmClient = await clientOf(holders[0]);
    expect((await firmClient.post(`/en/bureau/training/${sessionId}`, { intent: "cancelSession" })).status).toBe(403);
    expect((await firmClient.get(`/en/bureau/training/${sessionId}/edit`)).status).toBe(403);

    const cancelled = await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "cancelSession" });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain("This session was cancelled.");
    for (const firmId of holders) expect(await noticesOf(firmId, "training.cancelled")).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "cancel" } })).toBe(1);

    const calendar = await (await firmClient.get(`/en/training/${sessionId}.ics`)).text();
    expect(calendar).toContain("STATUS:CANCELLED");
    expect(calendar).toContain("SEQUENCE:2");
    expect(await (await firmClient.get("/zh-CN/training")).text()).toContain("商务局已取消");

    const outsider = firms.find((supplier) => !holders.includes(supplier.firm.id))!;
    const late = await (await clientOf(outsider.firm.id)).post("/pt-BR/training", { intent: "register", sessionId });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Esta sessão foi cancelada.");
    expect((await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "cancelSession" })).status).toBe(409);
    expect((await bureau.post(`/en/bureau/training/${sessionId}/edit`, sessionFields({ capacity: "9" }))).status).toBe(409);
    expect((await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "explode" })).status).toBe(400);
  });
});

describe("targeting", () => {
  it("shows a session with rules only to the firms they reach, and refuses the others' registration", async () => {
    const lighting = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
    const inside = await createSupplier({ townId: lighting.town.id, clusterId: lighting.cluster.id, locale: "en" });
    await prisma.firm.update({ where: { id: inside.firm.id }, data: { exportMarkets: ["BR", "PT"] } });
    const elsewhere = await createSupplier({ townId: lighting.town.id, clusterId: lighting.cluster.id, locale: "en" });
    await prisma.firm.update({ where: { id: elsewhere.firm.id }, data: { exportMarkets: ["CL"] } });
    firms.push(inside, elsewhere);

    const unknownCluster = await bureau.post("/en/bureau/training/new", { ...sessionFields({ titleEn: "INMETRO for Brazil" }), clusterIds: "no-such-cluster" });
    expect(unknownCluster.status).toBe(400);
    const body = new URLSearchParams(Object.entries(sessionFields({ titleEn: "INMETRO for Brazil", capacity: "10", markets: "BR" })));
    body.append("clusterIds", lighting.cluster.id);
    const created = await bureau.post("/en/bureau/training/new", body);
    expect(created.status).toBe(302);
    const targetedId = created.headers.get("location")!.split("/").pop()!;
    expect(await (await bureau.get(`/en/bureau/training/${targetedId}`)).text()).toContain("Open to the firms its rules reach: 1 firm.");

    const insideClient = await clientOf(inside.firm.id);
    const elsewhereClient = await clientOf(elsewhere.firm.id);
    expect(await (await insideClient.get("/en/training")).text()).toContain("INMETRO for Brazil");
    expect(await (await elsewhereClient.get("/en/training")).text()).not.toContain("INMETRO for Brazil");
    for (const intent of ["register", "waitlist"]) {
      expect((await elsewhereClient.post("/en/training", { intent, sessionId: targetedId })).status).toBe(404);
    }
    expect(await prisma.trainingRegistration.count({ where: { sessionId: targetedId } })).toBe(0);
    expect((await insideClient.post("/en/training", { intent: "register", sessionId: targetedId })).status).toBe(200);

    // The rules are shown again in the edit form; clearing them opens the session to every firm.
    const edit = await (await bureau.get(`/en/bureau/training/${targetedId}/edit`)).text();
    expect(edit).toContain('value="BR"');
    expect(await (await bureau.post(`/en/bureau/training/${targetedId}/edit`, sessionFields({ titleEn: "INMETRO for Brazil", capacity: "10" }))).status).toBe(302);
    expect(await (await elsewhereClient.get("/en/training")).text()).toContain("INMETRO for Brazil");
  });
});
