import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier, createTownWithCluster, fakePng, samplePdf } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Training materials and the recording (issue 11): the bureau attaches PDFs
 * (checked from their bytes) and, after the start, an https recording link;
 * the seated firms the session's rules reach download them and are told in
 * their language (as their preferences say); everyone else gets 404; bad
 * input is a clear 4xx; every change is audited and deleting a session
 * deletes its files.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let bureau: TestClient;
type Supplier = Awaited<ReturnType<typeof createSupplier>>;
const firm: Record<"zh" | "pt" | "outsider" | "unseated" | "moved", { supplier: Supplier; client: TestClient }> = {} as never;
let sessionId = "";
let otherSessionId = "";

const title = (zh: string, en: string) => ({ "zh-CN": { text: zh, origin: "author" }, en: { text: en, origin: "author" } });

function upload(files: { name: string; bytes: Buffer }[], fields: Record<string, string> = { intent: "upload" }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("attachment", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.name);
  return form;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  server = await startTestServer();
  const lighting = await createTownWithCluster();
  const elsewhere = await createTownWithCluster({ zh: "小榄", en: "Xiaolan", pt: "Xiaolan" });
  const make = async (locale: string, place: typeof lighting) => {
    const supplier = await createSupplier({ locale, townId: place.town.id, clusterId: place.cluster.id });
    const client = new TestClient(server.url);
    await signIn(client, supplier.member.email, TEST_PASSWORD);
    return { supplier, client };
  };
  firm.zh = await make("zh-CN", lighting);
  firm.pt = await make("pt", lighting);
  firm.unseated = await make("en", lighting);
  firm.outsider = await make("en", elsewhere);
  firm.moved = await make("en", lighting);
  // The Portuguese firm takes its training notices in the app only.
  await prisma.notificationPreference.create({ data: { userId: firm.pt.supplier.member.id, kind: "training.materials", email: false } });

  const rules = { townIds: [], clusterIds: [lighting.cluster.id], hsCodes: [], markets: [], certificationsHeld: [], certificationsMissing: [], sizeBands: [], verified: "any" };
  const session = await prisma.trainingSession.create({
    data: { title: title("INMETRO认证培训", "INMETRO certification"), description: {}, startsAt: new Date(Date.now() + 2 * 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000), place: "Room 3", capacity: 10, rules },
  });
  sessionId = session.id;
  for (const key of ["zh", "pt", "moved"] as const) await prisma.trainingRegistration.create({ data: { sessionId, firmId: firm[key].supplier.firm.id } });
  await prisma.trainingRegistration.create({ data: { sessionId, firmId: firm.unseated.supplier.firm.id, status: "WAITLISTED" } });
  // The moved firm registered, then left the cluster: the rules no longer reach it.
  await prisma.firm.update({ where: { id: firm.moved.supplier.firm.id }, data: { clusterId: elsewhere.cluster.id } });

  const other = await prisma.trainingSession.create({
    data: { title: title("跨境电商培训", "Cross-border e-commerce"), description: {}, startsAt: new Date(Date.now() + 3 * 86_400_000), endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000), place: "Room 4", capacity: 10 },
  });
  otherSessionId = other.id;
  await prisma.trainingRegistration.create({ data: { sessionId: otherSessionId, firmId: firm.outsider.supplier.firm.id } });

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

const materialsPath = (id: string, lang = "en") => `/${lang}/bureau/training/${id}/materials`;

describe("the bureau's training materials", () => {
  it("attaches PDFs, audited, and tells the seated firms the rules reach, once, in their language and as they chose", async () => {
    const response = await bureau.post(materialsPath(sessionId), upload([{ name: "INMETRO 课件.pdf", bytes: samplePdf }, { name: "checklist.pdf", bytes: samplePdf }]));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("The files were attached; registered firms were told.");
    const rows = await prisma.trainingMaterial.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.fileName).sort()).toEqual(["INMETRO 课件.pdf", "checklist.pdf"]);
    expect(await prisma.auditEvent.count({ where: { entityType: "trainingSession", entityId: sessionId, action: "add-material" } })).toBe(1);

    const told = async (supplier: Supplier) => prisma.notification.count({ where: { userId: supplier.member.id, kind: "training.materials" } });
    expect(await told(firm.zh.supplier)).toBe(1);
    expect(await told(firm.pt.supplier)).toBe(1);
    for (const key of ["unseated", "outsider", "moved"] as const) expect(await told(firm[key].supplier), key).toBe(0);

    await drainMailOutbox({ limit: 100 });
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(firm.zh.supplier.member.email));
    expect(mail.subject).toBe("新的培训资料：INMETRO认证培训 · Ponte");
    expect(smtp.received.some((m) => recipientsOf(m).includes(firm.pt.supplier.member.email))).toBe(false);
  });

  it("refuses a PDF that is not one, a sixth file and a huge file, in the user's language, attaching nothing", async () => {
    const fake = await bureau.post(materialsPath(sessionId, "zh-CN"), upload([{ name: "slides.pdf", bytes: fakePng }]));
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("“slides.pdf”不是 PDF 文件");

    const four = Array.from({ length: 4 }, (_, i) => ({ name: `part-${i}.pdf`, bytes: samplePdf }));
    const sixth = await bureau.post(materialsPath(sessionId), upload(four));
    expect(sixth.status).toBe(400);
    expect(await sixth.text()).toContain("At most 5 files per session.");

    const huge = Buffer.concat([samplePdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const tooLarge = await bureau.post(materialsPath(sessionId, "pt-BR"), upload([{ name: "gravação.pdf", bytes: huge }]));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("“gravação.pdf” tem mais de 10 MB.");

    expect(await prisma.trainingMaterial.count({ where: { sessionId } })).toBe(2);
  }, 60_000);

  it("refuses a recording before the start, and a javascript: or http: link", async () => {
    const early = await bureau.post(materialsPath(sessionId), { intent: "recording", recordingUrl: "https://video.example.cn/r/1" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("The recording can be set once the session has started.");
    await prisma.trainingSession.update({ where: { id: sessionId }, data: { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) } });
    for (const bad of ["javascript:alert(1)", "http://video.example.cn/r/1", "https://user:pw@video.example.cn/r/1", "data:text/html,<script>alert(1)</script>"]) {
      const response = await bureau.post(materialsPath(sessionId, "zh-CN"), { intent: "recording", recordingUrl: bad });
      expect(response.status, bad).toBe(400);
      const html = await response.text();
      expect(html).toContain("请填写完整的 https:// 链接");
      expect(html).not.toContain("<script>alert(1)</script>");
    }
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).recordingUrl).toBeNull();
  });

  it("sets the recording after the start, audited, and tells the seated firms", async () => {
    const response = await bureau.post(materialsPath(sessionId), { intent: "recording", recordingUrl: "https://video.example.cn/r/1" });
    expect(response.status).toBe(200);
    expect((await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).recordingUrl).toBe("https://video.example.cn/r/1");
    expect(await prisma.auditEvent.count({ where: { entityId: sessionId, action: "set-recording" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: firm.pt.supplier.member.id, kind: "training.recording" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: firm.outsider.supplier.member.id, kind: "training.recording" } })).toBe(0);
  });
});

describe("downloading a session's materials", () => {
  it("gives a seated firm and the bureau the file as a download, nosniff, with its name encoded", async () => {
    const material = await prisma.trainingMaterial.findFirstOrThrow({ where: { sessionId, fileName: "INMETRO 课件.pdf" } });
    for (const client of [firm.zh.client, bureau]) {
      const response = await client.get(`/en/training/${sessionId}/materials/${material.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("x-content-type-options")).toContain("nosniff");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${encodeURIComponent("INMETRO 课件.pdf")}"; filename*=UTF-8''${encodeURIComponent("INMETRO 课件.pdf")}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(samplePdf)).toBe(true);
    }
  });

  it("is 404 for anyone else: unregistered, waiting, outside the rules, anonymous, a buyer, and ids across sessions", async () => {
    const material = await prisma.trainingMaterial.findFirstOrThrow({ where: { sessionId } });
    const path = `/en/training/${sessionId}/materials/${material.id}`;
    const buyer = await createBuyer();
    const buyerClient = new TestClient(server.url);
    await signIn(buyerClient, buyer.user.email, TEST_PASSWORD);
    for (const [who, client] of [
      ["waiting firm", firm.unseated.client],
      ["firm of another session", firm.outsider.client],
      ["registered firm the rules no longer reach", firm.moved.client],
      ["anonymous", new TestClient(server.url)],
      ["buyer", buyerClient],
    ] as const) {
      const response = await client.get(path);
      expect(response.status, who).toBe(404);
      await response.arrayBuffer();
    }
    // The material's id under another session, and another session's id with this material.
    expect((await firm.outsider.client.get(`/en/training/${otherSessionId}/materials/${material.id}`)).status).toBe(404);
    expect((await bureau.get(`/en/training/${otherSessionId}/materials/${material.id}`)).status).toBe(404);
    expect((await firm.zh.client.get(`/en/training/${sessionId}/materials/no-such-material`)).status).toBe(404);
  });

  it("shows the materials and the recording on the seated firm's page, in its language, and not to the others", async () => {
    const page = await (await firm.zh.client.get("/zh-CN/training")).text();
    expect(page).toContain("培训资料与回放");
    expect(page).toContain("INMETRO 课件.pdf");
    expect(page).toContain(`/zh-CN/training/${sessionId}/materials/`);
    expect(page).toContain('href="https://video.example.cn/r/1"');
    const ptPage = await (await firm.pt.client.get("/pt-PT/training")).text();
    expect(ptPage).toContain("Materiais e gravação");
    const waiting = await (await firm.unseated.client.get("/en/training")).text();
    expect(waiting).not.toContain("INMETRO 课件.pdf");
    expect(waiting).not.toContain("video.example.cn");
  });
});

describe("removing materials and deleting the session", () => {
  it("removes a file (audited, gone from the store); another session's file id is 404", async () => {
    const material = await prisma.trainingMaterial.findFirstOrThrow({ where: { sessionId, fileName: "checklist.pdf" } });
    const across = await bureau.post(materialsPath(otherSessionId), { intent: "removeMaterial", materialId: material.id });
    expect(across.status).toBe(404);
    const removed = await bureau.post(materialsPath(sessionId), { intent: "removeMaterial", materialId: material.id });
    expect(removed.status).toBe(200);
    expect(await prisma.trainingMaterial.count({ where: { id: material.id } })).toBe(0);
    expect(await attachmentStore().get(material.storageKey)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: sessionId, action: "remove-material" } })).toBe(1);
  });

  it("deletes a session with its files only once no firm would lose a seat untold", async () => {
    const keys = (await prisma.trainingMaterial.findMany({ where: { sessionId }, select: { storageKey: true } })).map((row) => row.storageKey);
    expect(keys.length).toBe(1);
    const refused = await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "deleteSession" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("cancel the session first");
    await prisma.trainingSession.update({ where: { id: sessionId }, data: { cancelledAt: new Date() } });
    const late = await bureau.post(materialsPath(sessionId), upload([{ name: "late.pdf", bytes: samplePdf }]));
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("This session was cancelled.");
    const deleted = await bureau.post(`/en/bureau/training/${sessionId}`, { intent: "deleteSession" });
    expect(deleted.status).toBe(302);
    expect(await prisma.trainingSession.count({ where: { id: sessionId } })).toBe(0);
    expect(await prisma.trainingMaterial.count({ where: { sessionId } })).toBe(0);
    for (const key of keys) expect(await attachmentStore().get(key)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: sessionId, action: "delete" } })).toBe(1);
  });
});
