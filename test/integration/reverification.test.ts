import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loadDocuments } from "~/modules/search/document-source.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser, randomUscc, TEST_PASSWORD } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14, item 4: a verified firm that changes its legal name, credit code
 * or town goes back to the bureau; its public pages and search documents keep
 * the verified values until the bureau approves; a refusal drops the change
 * and tells the firm why, in its language.
 */
let server: TestServer;
let bureau: TestClient;
let bureauId: string;
let towns: { guzhen: string; xiaolan: string };

beforeAll(async () => {
  server = await startTestServer();
  await seedReference();
  const [guzhen, xiaolan] = await Promise.all(["guzhen", "xiaolan"].map((slug) => prisma.town.findUniqueOrThrow({ where: { slug }, select: { id: true } })));
  towns = { guzhen: guzhen.id, xiaolan: xiaolan.id };
  const staff = await createUser("BUREAU_STAFF");
  bureauId = staff.id;
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
});
afterAll(async () => {
  await server?.close();
});

async function verifiedFirmWithMember(locale = "pt-BR") {
  const firm = await createFirm({ nameZh: "中山市古镇旧名灯饰有限公司" });
  await prisma.firm.update({ where: { id: firm.id }, data: { townId: towns.guzhen, verifiedAt: new Date("2026-01-05T00:00:00Z") } });
  await prisma.product.create({ data: { firmId: firm.id, slug: `lamp-${firm.id}`, hsCode: "940511", name: { en: { text: "Ceiling lamp", origin: "author" } }, description: {} } });
  const member = await createUser("FIRM_MEMBER", { firmId: firm.id, locale });
  const client = new TestClient(server.url);
  await signIn(client, member.email, TEST_PASSWORD, locale);
  return { firm, member, client };
}

/** The profile form as the firm's browser sends it, its verified values unchanged unless overridden. */
const profile = (firm: { uscc: string | null; name: unknown }, overrides: Record<string, string> = {}) => ({
  nameZh: "中山市古镇旧名灯饰有限公司",
  nameEn: (firm.name as Record<string, { text: string }>).en.text,
  descriptionZh: "专业生产吸顶灯。",
  uscc: firm.uscc ?? "",
  townId: towns.guzhen,
  ...overrides,
});

describe("re-verification of a verified firm's name, credit code and town", () => {
  it("keeps the verified values public while the change waits, and shows both to the bureau", async () => {
    const { firm, client } = await verifiedFirmWithMember();
    const newCode = randomUscc();
    const saved = await client.post(`/pt-BR/catalog/firms/${firm.id}`, profile(firm, { nameZh: "中山市古镇新名灯饰有限公司", uscc: newCode, townId: towns.xiaolan }));
    expect(saved.status).toBe(200);

    // The firm row (what the public pages and the index read) keeps the verified values.
    const stored = await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } });
    expect(stored).toMatchObject({ uscc: firm.uscc, townId: towns.guzhen, verification: "VERIFIED", published: true });
    expect(stored.name).toMatchObject({ "zh-CN": { text: "中山市古镇旧名灯饰有限公司" } });
    expect(stored.description).toMatchObject({ "zh-CN": { text: "专业生产吸顶灯。" } }); // the rest of the profile is saved
    const pending = await prisma.firmPendingChange.findUniqueOrThrow({ where: { firmId: firm.id } });
    expect(pending.fields).toEqual(["name", "uscc", "townId"]);
    expect(pending).toMatchObject({ uscc: newCode, townId: towns.xiaolan });
    expect(await prisma.auditEvent.count({ where: { entityId: firm.id, action: "request-reverification" } })).toBe(1);

    const publicPage = await (await new TestClient(server.url).get(`/zh-CN/firms/${firm.slug}`)).text();
    expect(publicPage).toContain("中山市古镇旧名灯饰有限公司");
    expect(publicPage).not.toContain("中山市古镇新名灯饰有限公司");
    const { documents } = await loadDocuments("firms", [firm.id]);
    expect(JSON.stringify(documents)).toContain("旧名");
    expect(JSON.stringify(documents)).not.toContain("新名");

    // The firm sees its new values and that they wait.
    const editor = await (await client.get(`/pt-BR/catalog/firms/${firm.id}`)).text();
    expect(editor).toContain("À espera da reverificação da agência");
    expect(editor).toContain("中山市古镇新名灯饰有限公司");
    expect(editor).toContain(newCode);

    // The bureau's queue and the values side by side.
    const queue = await (await bureau.get("/en/bureau/verification?status=REVERIFICATION")).text();
    expect(queue).toContain(`/en/bureau/verification/${firm.id}/change`);
    const review = await (await bureau.get(`/en/bureau/verification/${firm.id}/change`)).text();
    for (const value of ["中山市古镇旧名灯饰有限公司", "中山市古镇新名灯饰有限公司", firm.uscc!, newCode, "Guzhen", "Xiaolan"]) expect(review).toContain(value);
    expect(await (await bureau.get(`/en/bureau/verification/${firm.id}`)).text()).toContain("Open the change waiting for re-verification");
  });

  it("refuses a blank legal name with a clear message and keeps what was typed", async () => {
    const { firm, client } = await verifiedFirmWithMember();
    const response = await client.post(`/pt-BR/catalog/firms/${firm.id}`, profile(firm, { nameZh: "  ", nameEn: "Typed English Name", descriptionZh: "我刚输入的描述" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("O nome legal não pode ficar em branco");
    expect(html).toContain("我刚输入的描述");
    expect(html).toContain("Typed English Name");
    expect(await prisma.firmPendingChange.count({ where: { firmId: firm.id } })).toBe(0);
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).name).toMatchObject({ "zh-CN": { text: "中山市古镇旧名灯饰有限公司" } });
  });

  it("drops a refused change and tells the firm why in its language; an approved one becomes public", async () => {
    const { firm, member, client } = await verifiedFirmWithMember("pt-BR");
    await client.post(`/pt-BR/catalog/firms/${firm.id}`, profile(firm, { townId: towns.xiaolan }));
    expect(await prisma.firmPendingChange.count({ where: { firmId: firm.id } })).toBe(1);

    const noReason = await bureau.post(`/pt-BR/bureau/verification/${firm.id}/change`, { intent: "reject", reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Indique um motivo");
    const rejected = await bureau.post(`/en/bureau/verification/${firm.id}/change`, { intent: "reject", reason: "营业执照上的住所仍在古镇" });
    expect(rejected.status).toBe(200);
    expect(await rejected.text()).toContain("Refused: the change was dropped");
    expect(await prisma.firmPendingChange.count({ where: { firmId: firm.id } })).toBe(0);
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).townId).toBe(towns.guzhen);
    const notice = await prisma.notification.findFirstOrThrow({ where: { userId: member.id, kind: "verification.rejected" } });
    expect(notice.params).toMatchObject({ reason: "营业执照上的住所仍在古镇" });
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: member.id, notificationId: notice.id } });
    expect(mail.locale).toBe("pt-BR");
    expect(mail.subject).toContain("não foi verificada");
    expect(mail.textBody).toContain("营业执照上的住所仍在古镇");
    const stale = await bureau.post(`/en/bureau/verification/${firm.id}/change`, { intent: "approve" });
    expect(stale.status).toBe(409);

    // Asked again, and approved.
    await client.post(`/pt-BR/catalog/firms/${firm.id}`, profile(firm, { nameEn: "Guzhen New Name Lighting Co.", townId: towns.xiaolan }));
    const outboxBefore = await prisma.searchOutbox.count({ where: { entityId: firm.id } });
    const approved = await bureau.post(`/en/bureau/verification/${firm.id}/change`, { intent: "approve" });
    expect(approved.status).toBe(200);
    const after = await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } });
    expect(after).toMatchObject({ townId: towns.xiaolan, verification: "VERIFIED", published: true });
    expect(after.name).toMatchObject({ en: { text: "Guzhen New Name Lighting Co." } });
    expect(after.verifiedAt!.getTime()).toBeGreaterThan(new Date("2026-01-05T00:00:00Z").getTime());
    expect(await prisma.searchOutbox.count({ where: { entityId: firm.id } })).toBeGreaterThan(outboxBefore);
    expect(JSON.stringify((await loadDocuments("firms", [firm.id])).documents)).toContain("Guzhen New Name Lighting Co.");
    expect(await prisma.notification.count({ where: { userId: member.id, kind: "verification.approved" } })).toBe(1);
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: firm.id, action: { contains: "reverification" } }, orderBy: { id: "asc" } })).map((event) => [event.action, event.actorId]);
    expect(actions).toEqual([
      ["request-reverification", member.id],
      ["reject-reverification", bureauId],
      ["request-reverification", member.id],
      ["approve-reverification", bureauId],
    ]);
  });

  it("lets a firm not yet verified change its values at once, and keeps firms and buyers out of the bureau's pages", async () => {
    const { firm, client } = await verifiedFirmWithMember("en");
    await prisma.firm.update({ where: { id: firm.id }, data: { verification: "PENDING", published: false } });
    const newCode = randomUscc();
    expect((await client.post(`/en/catalog/firms/${firm.id}`, profile(firm, { uscc: newCode }))).status).toBe(200);
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).uscc).toBe(newCode);
    expect(await prisma.firmPendingChange.count({ where: { firmId: firm.id } })).toBe(0);

    // Another firm's code is refused.
    const other = await createFirm();
    const taken = await client.post(`/en/catalog/firms/${firm.id}`, profile(firm, { uscc: other.uscc! }));
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Another firm on Ponte already has this credit code.");

    for (const path of [`/en/bureau/verification/${firm.id}/change`, `/en/bureau/verification/${firm.id}/held`]) {
      expect((await client.get(path)).status).toBe(403);
      expect((await client.post(path, { intent: "approve" })).status).toBe(403);
      const anonymous = await new TestClient(server.url).get(path);
      expect(anonymous.status).toBe(302);
    }
  });
});
