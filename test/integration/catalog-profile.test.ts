import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { catalogWorld, lastAudit, pendingOutbox } from "../support/catalog";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let world: Awaited<ReturnType<typeof catalogWorld>>;

beforeAll(async () => {
  server = await startTestServer();
  world = await catalogWorld(server.url);
});
afterAll(async () => {
  await server?.close();
});

const profile = (overrides: Record<string, string | string[]> = {}) => ({
  nameZh: "中山市古镇星辉测试照明有限公司",
  nameEn: "Xinghui Test Lighting Co., Ltd.",
  namePt: "",
  descriptionZh: "专业生产LED吸顶灯。",
  descriptionEn: "",
  descriptionPt: "Fabricante de plafons LED.",
  addressZh: "广东省中山市古镇镇同益路1号",
  townId: world.townId,
  clusterId: world.clusterId,
  foundedYear: "2004",
  employeesBand: "100-299",
  businessTypes: ["manufacturer", "oem-odm"],
  exportMarkets: ["BR", "PT", "AO"],
  languages: ["zh", "en", "pt"],
  salesChannels: ["trade-fairs", "live-streaming"],
  "certifications[0].code": "CE",
  "certifications[0].validFrom": "2024-01-01",
  "certifications[0].validUntil": "2028-12-31",
  "contacts[0].name": "陈伟",
  "contacts[0].title": "外贸经理",
  "contacts[0].email": "chen@example.test",
  "contacts[0].phone": "+86 760 2233 4455",
  website: "https://xinghui.example.cn",
  email: "INFO@xinghui.example.cn",
  phone: "+86 760 1234 5678",
  ...overrides,
});

describe("the firm profile editor", () => {
  it("sends a firm member to their own firm and bureau staff to the list of firms", async () => {
    const member = await world.clients.memberA.get("/en/catalog");
    expect(member.status).toBe(302);
    expect(member.headers.get("location")).toBe(`/en/catalog/firms/${world.firmA.id}`);
    const bureau = await world.clients.bureau.get("/en/catalog");
    expect(bureau.status).toBe(200);
    expect(await bureau.text()).toContain("Firm catalogues");
    expect((await world.clients.buyer.get("/en/catalog")).status).toBe(403);
    expect((await world.clients.anonymous.get("/en/catalog")).headers.get("location")).toMatch(/^\/en\/login/);
  });

  it("lets bureau staff find a firm by a word of its name in any language or by its credit code", async () => {
    const byName = await (await world.clients.bureau.get(`/zh-CN/catalog?${new URLSearchParams({ q: "星辉测试" })}`)).text();
    expect(byName).toContain(`/zh-CN/catalog/firms/${world.firmA.id}`);
    expect(byName).not.toContain(`/zh-CN/catalog/firms/${world.firmB.id}`);
    const byCode = await (await world.clients.bureau.get(`/en/catalog?q=${world.firmB.uscc!.toLowerCase()}`)).text();
    expect(byCode).toContain(`/en/catalog/firms/${world.firmB.id}`);
    expect(byCode).not.toContain(`/en/catalog/firms/${world.firmA.id}`);
    const odd = await world.clients.bureau.get(`/en/catalog?${new URLSearchParams({ q: "%_\\'; --", page: "-3" })}`);
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain("0 firms");
  });

  it("lets a member save every field, with audit trail and search outbox in the same transaction", async () => {
    const page = await world.clients.memberA.get(`/zh-CN/catalog/firms/${world.firmA.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(world.firmA.uscc!);
    expect(html).toContain("尚缺：");

    const before = await pendingOutbox("firm", world.firmA.id);
    const rowsBefore = await prisma.searchOutbox.findMany({ where: { entityId: world.firmA.id } });
    // A firm awaiting verification changes its name, code and town at once; a verified
    // firm's change waits for re-verification (reverification.test.ts).
    await prisma.firm.update({ where: { id: world.firmA.id }, data: { verification: "PENDING" } });
    const badCode = await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}`, profile({ uscc: "91440000000000000X" }));
    expect(badCode.status).toBe(400);
    const response = await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}`, profile());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("企业资料已保存");

    const firm = await prisma.firm.findUniqueOrThrow({ where: { id: world.firmA.id } });
    expect(firm.uscc).toBe(world.firmA.uscc); // left blank: kept
    expect(firm.name).toEqual({
      "zh-CN": { text: "中山市古镇星辉测试照明有限公司", origin: "author" },
      en: { text: "Xinghui Test Lighting Co., Ltd.", origin: "author" },
    });
    expect(firm.description).toMatchObject({ pt: { text: "Fabricante de plafons LED.", origin: "author" } });
    expect(firm).toMatchObject({
      foundedYear: 2004,
      employeesBand: "100-299",
      businessTypes: ["manufacturer", "oem-odm"],
      exportMarkets: ["AO", "BR", "PT"],
      languages: ["zh", "en", "pt"],
      salesChannels: ["trade-fairs", "live-streaming"],
      certifications: [{ code: "CE", validFrom: "2024-01-01", validUntil: "2028-12-31" }],
      contacts: [{ name: "陈伟", title: "外贸经理", email: "chen@example.test", phone: "+86 760 2233 4455" }],
      website: "https://xinghui.example.cn",
      email: "info@xinghui.example.cn",
    });
    const audit = await lastAudit(world.firmA.id);
    expect(audit).toMatchObject({ actorId: world.memberA.id, entityType: "firm", action: "update-profile" });
    expect(Object.keys(audit!.changes as object)).toEqual(expect.arrayContaining(["name", "description", "exportMarkets", "certifications", "contacts"]));
    expect((audit!.changes as Record<string, { from: unknown; to: unknown }>).foundedYear).toEqual({ from: null, to: 2004 });
    expect(await pendingOutbox("firm", world.firmA.id), JSON.stringify(rowsBefore)).toBe(before + 1);

    // Saving the same values again changes nothing and records nothing.
    const audits = await prisma.auditEvent.count({ where: { entityId: world.firmA.id } });
    await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}`, profile());
    expect(await prisma.auditEvent.count({ where: { entityId: world.firmA.id } })).toBe(audits);
    await prisma.firm.update({ where: { id: world.firmA.id }, data: { verification: "VERIFIED" } });
  });

  it("keeps a machine translation marked until somebody changes it", async () => {
    await prisma.firm.update({
      where: { id: world.firmA.id },
      data: { name: { "zh-CN": { text: "中山市古镇星辉测试照明有限公司", origin: "author" }, pt: { text: "Iluminação Xinghui", origin: "machine" } } },
    });
    const page = await (await world.clients.memberA.get(`/pt-PT/catalog/firms/${world.firmA.id}`)).text();
    expect(page).toContain("tradução automática");
    await world.clients.memberA.post(`/pt-PT/catalog/firms/${world.firmA.id}`, profile({ namePt: "Iluminação Xinghui", nameEn: "" }));
    let firm = await prisma.firm.findUniqueOrThrow({ where: { id: world.firmA.id }, select: { name: true } });
    expect(firm.name).toMatchObject({ pt: { origin: "machine" } });
    expect(firm.name).not.toHaveProperty("en");
    await world.clients.memberA.post(`/pt-PT/catalog/firms/${world.firmA.id}`, profile({ namePt: "Iluminação Xinghui Lda.", nameEn: "" }));
    firm = await prisma.firm.findUniqueOrThrow({ where: { id: world.firmA.id }, select: { name: true } });
    expect(firm.name).toMatchObject({ pt: { text: "Iluminação Xinghui Lda.", origin: "author" } });
  });

  it("shows errors next to the fields in the user's language and keeps what was typed", async () => {
    const response = await world.clients.memberA.post(
      `/pt-PT/catalog/firms/${world.firmA.id}`,
      profile({
        foundedYear: "1850",
        website: "javascript:alert(1)",
        email: "não é um e-mail",
        "certifications[0].validUntil": "2020-01-01",
        "contacts[0].name": "",
        descriptionPt: "Texto que fica " + "x".repeat(5001),
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Indique um ano entre 1900 e o ano atual.");
    expect(html).toContain("Indique um endereço web que comece por http:// ou https://.");
    expect(html).toContain("A data de fim é anterior à data de início.");
    expect(html).toContain("Este campo pode ter no máximo 5000 caracteres.");
    expect(html).toContain('value="não é um e-mail"');
    expect(html).toContain('value="1850"');
    expect(html).not.toContain("Something went wrong");

    const nameless = await world.clients.memberA.post(`/pt-PT/catalog/firms/${world.firmA.id}`, profile({ nameZh: "", nameEn: "", namePt: " " }));
    expect(nameless.status).toBe(400);
    expect(await nameless.text()).toContain("Indique o nome da empresa em pelo menos uma língua.");
  });

  it("refuses codes that are not on the lists", async () => {
    const response = await world.clients.memberA.post(
      `/en/catalog/firms/${world.firmA.id}`,
      profile({ exportMarkets: ["BR", "XX"], languages: ["qq"], "certifications[0].code": "FAKE", townId: "no-such-town" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Please choose a country.");
    expect(html).toContain("Please choose languages from the list.");
    expect(html).toContain("This value is not valid.");
  });

  it("adds and removes list rows without JavaScript", async () => {
    const response = await world.clients.memberA.post(`/en/catalog/firms/${world.firmA.id}`, {
      ...profile(),
      __intent__: JSON.stringify({ type: "insert", payload: { name: "contacts", defaultValue: { name: "" } } }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Contact person 2");
  });

  it("refuses another firm's member, buyers and anonymous visitors", async () => {
    const path = `/en/catalog/firms/${world.firmA.id}`;
    expect((await world.clients.memberB.get(path)).status).toBe(403);
    expect((await world.clients.memberB.post(path, profile({ nameEn: "Hijacked" }))).status).toBe(403);
    expect((await world.clients.buyer.get(path)).status).toBe(403);
    expect((await world.clients.buyer.post(path, profile({ nameEn: "Hijacked" }))).status).toBe(403);
    const anonymous = await world.clients.anonymous.get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/en\/login\?redirectTo=/);
    expect((await world.clients.anonymous.post(path, profile({ nameEn: "Hijacked" }))).status).toBe(302);
    const firm = await prisma.firm.findUniqueOrThrow({ where: { id: world.firmA.id }, select: { name: true } });
    expect(JSON.stringify(firm.name)).not.toContain("Hijacked");
  });

  it("lets bureau staff edit any firm, recorded under their name", async () => {
    const response = await world.clients.bureau.post(`/en/catalog/firms/${world.firmB.id}`, profile({ nameEn: "Edited by the bureau", townId: "", clusterId: "" }));
    expect(response.status).toBe(200);
    const audit = await lastAudit(world.firmB.id);
    expect(audit).toMatchObject({ actorId: world.bureau.id, action: "update-profile-by-bureau" });
    expect((await world.clients.bureau.get("/en/catalog/firms/no-such-firm")).status).toBe(404);
    expect((await world.clients.bureau.post("/en/catalog/firms/no-such-firm", profile())).status).toBe(404);
    expect((await world.clients.bureau.get("/en/catalog/firms/no-such-firm/products")).status).toBe(404);
    expect((await world.clients.bureau.post("/en/catalog/firms/no-such-firm/products/new", { nameZh: "x", hsCode: "9405" })).status).toBe(404);
  });

  it("uploads a logo, re-encoded, and refuses files that are not images", async () => {
    const { filePart, pngImage, svgWithScript } = await import("../support/images");
    const form = new FormData();
    form.append("logo", filePart(await pngImage(600, 300), "image/png"), "logo.png");
    const saved = await world.clients.memberA.post(`/en/catalog/firms/${world.firmA.id}`, form);
    expect(saved.status).toBe(200);
    const firm = await prisma.firm.findUniqueOrThrow({ where: { id: world.firmA.id }, select: { logoKey: true } });
    expect(firm.logoKey).toMatch(new RegExp(`^firms/${world.firmA.id}/[0-9a-f]{24}\\.webp$`));
    const logo = await world.clients.anonymous.get(`/media/${firm.logoKey}`);
    expect(logo.headers.get("content-type")).toBe("image/webp");

    const svg = new FormData();
    svg.append("logo", filePart(svgWithScript, "image/png"), "logo.png");
    const refused = await world.clients.memberA.post(`/en/catalog/firms/${world.firmA.id}`, svg);
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("Only JPEG, PNG and WebP images are accepted");
  });
});
