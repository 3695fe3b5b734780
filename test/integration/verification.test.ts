import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createFirm, createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

let server: TestServer;
let staff: Awaited<ReturnType<typeof createUser>>;

async function clientFor(user: { email: string; password: string } | null) {
  const client = new TestClient(server.url);
  if (user) await signIn(client, user.email, user.password);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser("BUREAU_STAFF");
});
afterAll(async () => {
  await server.close();
});

async function pendingFirmWithProducts() {
  const firm = await createFirm({ verification: "PENDING", published: false, nameZh: "中山市东升待审办公家具有限公司" });
  await prisma.product.createMany({
    data: [1, 2].map((n) => ({ firmId: firm.id, slug: `chair-${n}-${firm.id}`, hsCode: "940130", name: { en: { text: `Chair ${n}`, origin: "author" } }, description: {} })),
  });
  return firm;
}

describe("firm verification by the bureau", () => {
  it("keeps everyone but bureau staff out of the pages and the decisions", async () => {
    const firm = await pendingFirmWithProducts();
    const anonymous = await clientFor(null);
    const listAnon = await anonymous.get("/en/bureau/verification");
    expect(listAnon.status).toBe(302);
    expect(listAnon.headers.get("location")).toContain("/en/login");

    for (const role of ["BUYER", "FIRM_MEMBER"] as const) {
      const client = await clientFor(await createUser(role));
      expect((await client.get("/en/bureau/verification")).status).toBe(403);
      expect((await client.get(`/en/bureau/verification/${firm.id}`)).status).toBe(403);
      expect((await client.post(`/en/bureau/verification/${firm.id}`, { intent: "verify" })).status).toBe(403);
      expect((await client.get("/en/bureau/audit")).status).toBe(403);
    }
    // A member of the very firm cannot verify it either.
    const member = await clientFor(await createUser("FIRM_MEMBER", { firmId: firm.id }));
    expect((await member.post(`/en/bureau/verification/${firm.id}`, { intent: "verify" })).status).toBe(403);
    expect((await anonymous.post(`/en/bureau/verification/${firm.id}`, { intent: "verify" })).status).toBe(302);

    const after = await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } });
    expect(after).toMatchObject({ verification: "PENDING", published: false });
    expect(await prisma.auditEvent.count({ where: { entityId: firm.id } })).toBe(0);
  });

  it("lists firms awaiting verification with their credit code checked", async () => {
    const firm = await pendingFirmWithProducts();
    await prisma.firm.update({ where: { id: firm.id }, data: { uscc: "91442000MA4W00000X" } });
    const client = await clientFor(staff);
    const list = await (await client.get("/zh-CN/bureau/verification")).text();
    expect(list).toContain("中山市东升待审办公家具有限公司");
    expect(list).toContain("91442000MA4W00000X");
    const page = await (await client.get(`/en/bureau/verification/${firm.id}`)).text();
    expect(page).toContain("The last character does not match");
  });

  it("rejects with a reason the firm then reads, verifies, and withdraws a verification, with audit and search rows", async () => {
    const firm = await pendingFirmWithProducts();
    const products = await prisma.product.findMany({ where: { firmId: firm.id }, select: { id: true } });
    const client = await clientFor(staff);

    const noReason = await client.post(`/pt-PT/bureau/verification/${firm.id}`, { intent: "reject", reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Indique um motivo");
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).verification).toBe("PENDING");

    const reject = await client.post(`/en/bureau/verification/${firm.id}`, { intent: "reject", reason: "营业执照与信用代码不符" });
    expect(reject.status).toBe(200);
    expect(await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).toMatchObject({ verification: "REJECTED", published: false, verificationReason: "营业执照与信用代码不符" });

    const member = await createUser("FIRM_MEMBER", { firmId: firm.id });
    const account = await (await (await clientFor(member)).get("/zh-CN/account")).text();
    expect(account).toContain("营业执照与信用代码不符");

    const verify = await client.post(`/en/bureau/verification/${firm.id}`, { intent: "verify" });
    expect(verify.status).toBe(200);
    expect(await verify.text()).toContain("The firm is verified");
    const verified = await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } });
    expect(verified).toMatchObject({ verification: "VERIFIED", published: true, verificationReason: null });
    expect(verified.verifiedAt).toBeInstanceOf(Date);

    // The same decision again comes from a stale page: refused, nothing recorded.
    const stale = await client.post(`/en/bureau/verification/${firm.id}`, { intent: "verify" });
    expect(stale.status).toBe(409);

    const unverify = await client.post(`/en/bureau/verification/${firm.id}`, { intent: "unverify", reason: "Licence expired" });
    expect(unverify.status).toBe(200);
    expect(await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).toMatchObject({ verification: "PENDING", published: false, verificationReason: "Licence expired" });

    const audits = await prisma.auditEvent.findMany({ where: { entityType: "firm", entityId: firm.id }, orderBy: { id: "asc" } });
    expect(audits.map((event) => [event.action, event.actorId])).toEqual([
      ["reject", staff.id],
      ["verify", staff.id],
      ["unverify", staff.id],
    ]);
    expect(audits[1].changes).toMatchObject({ verification: { from: "REJECTED", to: "VERIFIED" }, published: { from: false, to: true } });

    const outbox = await prisma.searchOutbox.findMany({ where: { entityId: { in: [firm.id, ...products.map((p) => p.id)] } } });
    // Three decisions, each for the firm and its two products.
    expect(outbox.filter((row) => row.entityType === "firm")).toHaveLength(3);
    expect(outbox.filter((row) => row.entityType === "product")).toHaveLength(6);

    const history = await (await client.get(`/en/bureau/verification/${firm.id}`)).text();
    expect(history).toContain("Verification withdrawn");
    expect(history).toContain("Licence expired");
  });
});

describe("the audit trail page", () => {
  it("filters by record type, actor and date, and pages through the events", async () => {
    const firm = await createFirm();
    const other = await createUser("BUREAU_STAFF");
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ actorId: other.id, entityType: "firm", entityId: firm.id, action: "update", changes: { phone: { from: `old-${i}`, to: `new-${i}` } } })),
    });
    await prisma.auditEvent.create({ data: { actorId: null, actorLabel: "cli", entityType: "product", entityId: "p-cli", action: "import-create", changes: {} } });
    await prisma.auditEvent.create({
      data: { actorId: other.id, entityType: "request", entityId: "r-old", action: "close", createdAt: new Date("2025-01-10T12:00:00Z") },
    });
    const client = await clientFor(staff);

    const byActor = await (await client.get(`/en/bureau/audit?actor=${encodeURIComponent(other.email)}&entityType=firm`)).text();
    expect(byActor).toContain("new-59");
    expect(byActor).not.toContain("new-9<");
    // Paged by cursor: the "Older" link carries the filters and the last event's id.
    const older = /href="[^"]*(\?[^"]*before=\d+[^"]*)"/.exec(byActor)?.[1].replaceAll("&amp;", "&");
    expect(older).toContain("entityType=firm");
    const second = await (await client.get(`/en/bureau/audit${older}`)).text();
    expect(second).toContain("new-0");
    expect(second).not.toContain("new-59");

    const cli = await (await client.get("/en/bureau/audit?actor=cli")).text();
    expect(cli).toContain("Imported (new)");
    expect(cli).not.toContain("new-59");

    const january = await (await client.get("/en/bureau/audit?from=2025-01-10&to=2025-01-10")).text();
    expect(january).toContain("Closed");
    expect(january).not.toContain("new-59");

    // Nonsense filters are ignored, not an error.
    expect((await client.get("/en/bureau/audit?entityType=<script>&from=yesterday&page=-3&before=x&after=-1&firm=%3Cx%3E")).status).toBe(200);
  });
});
