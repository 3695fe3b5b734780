import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

let server: TestServer;

async function clientFor(user: { email: string; password: string } | null) {
  const client = new TestClient(server.url);
  if (user) await signIn(client, user.email, user.password);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedReference();
});
afterAll(async () => {
  await server.close();
});

const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

const validRequest = {
  title: "Procuramos luminárias de teto LED",
  titleLocale: "pt",
  hsCodes: "9405.11, 940542",
  keywords: "luminária de teto, 吸顶灯",
  quantity: "500",
  unit: "pieces",
  targetPriceUsd: "25.5",
  requiredCertifications: ["CE", "INMETRO"],
  destinationCountry: "BR",
  deadline: nextYear,
  visibility: "PUBLIC",
};

describe("the buyer's company profile", () => {
  it("is edited by its buyers, audited, and refused to everyone else", async () => {
    const buyer = await createUser("BUYER", { locale: "pt-PT" });
    const client = await clientFor(buyer);
    const page = await client.get("/pt-PT/account/company");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Perfil da empresa");

    const saved = await client.post("/pt-PT/account/company", {
      name: "Importadora Luz do Sul Ltda.",
      country: "BR",
      buyerType: "importer",
      languages: ["pt", "en"],
      interests: "94, 9405, 8516",
      volumeBand: "250k-1m",
      requiredCertifications: ["CE", "INMETRO"],
      incoterms: ["FOB", "CIF"],
      website: "https://luzdosul.example.br",
    });
    expect(saved.status).toBe(200);
    const company = await prisma.buyerCompany.findUniqueOrThrow({ where: { id: buyer.buyerCompanyId! } });
    expect(company).toMatchObject({
      name: "Importadora Luz do Sul Ltda.",
      buyerType: "importer",
      languages: ["pt", "en"],
      interests: ["94", "9405", "8516"],
      requiredCertifications: ["CE", "INMETRO"],
      incoterms: ["FOB", "CIF"],
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "buyerCompany", entityId: company.id } });
    expect(audit.actorId).toBe(buyer.id);
    expect(audit.changes).toMatchObject({ buyerType: { from: null, to: "importer" } });

    const refused = await client.post("/pt-PT/account/company", { name: "Importadora Luz do Sul Ltda.", country: "XX", buyerType: "importer", interests: "9999, 94.05.11" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Estes não são capítulos ou posições do SH (2 ou 4 algarismos): 94.05.11");
    // What was typed stays in the form.
    expect(html).toContain('value="9999, 94.05.11"');

    const unknown = await client.post("/en/account/company", { name: "Importadora Luz do Sul Ltda.", country: "BR", buyerType: "importer", interests: "9999" });
    expect(await unknown.text()).toContain("These codes are not in the HS 2022 nomenclature: 9999");

    for (const role of ["FIRM_MEMBER", "BUREAU_STAFF"] as const) {
      const other = await clientFor(await createUser(role));
      expect((await other.get("/en/account/company")).status).toBe(403);
      expect((await other.post("/en/account/company", { name: "Hijacked", country: "BR", buyerType: "importer" })).status).toBe(403);
    }
    const anonymous = await clientFor(null);
    expect((await anonymous.post("/en/account/company", { name: "Hijacked", country: "BR", buyerType: "importer" })).status).toBe(302);
    expect((await prisma.buyerCompany.findUniqueOrThrow({ where: { id: company.id } })).name).toBe("Importadora Luz do Sul Ltda.");
  });
});

describe("sourcing requests", () => {
  it("are created, edited, closed and reopened by their buyer, each change audited and sent to search", async () => {
    const buyer = await createUser("BUYER", { locale: "pt-PT" });
    const client = await clientFor(buyer);
    const created = await client.post("/pt-PT/account/requests/new", validRequest);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toMatch(/^\/pt-PT\/account\/requests\?created=/);
    const request = await prisma.sourcingRequest.findFirstOrThrow({ where: { buyerCompanyId: buyer.buyerCompanyId! } });
    expect(request).toMatchObject({
      title: { pt: { text: "Procuramos luminárias de teto LED", origin: "author" } },
      hsCodes: ["940511", "940542"],
      quantity: 500,
      unit: "pieces",
      requiredCertifications: ["CE", "INMETRO"],
      destinationCountry: "BR",
      status: "OPEN",
      visibility: "PUBLIC",
      createdById: buyer.id,
    });
    expect(request.targetPriceUsd?.toFixed(2)).toBe("25.50");

    const list = await (await client.get("/pt-PT/account/requests")).text();
    expect(list).toContain("Procuramos luminárias de teto LED");
    expect(list).toContain("9405.11, 9405.42");

    const edited = await client.post(`/pt-PT/account/requests/${request.id}`, { ...validRequest, quantity: "800", visibility: "VERIFIED_FIRMS" });
    expect(edited.status).toBe(200);
    const closed = await client.post(`/pt-PT/account/requests/${request.id}`, { intent: "close" });
    expect(closed.status).toBe(200);
    expect(await prisma.sourcingRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ quantity: 800, visibility: "VERIFIED_FIRMS", status: "CLOSED" });
    await client.post(`/pt-PT/account/requests/${request.id}`, { intent: "reopen" });
    expect((await prisma.sourcingRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");

    const audits = await prisma.auditEvent.findMany({ where: { entityType: "request", entityId: request.id }, orderBy: { id: "asc" } });
    expect(audits.map((event) => event.action)).toEqual(["create", "update", "close", "reopen"]);
    expect(audits[1].changes).toEqual({ quantity: { from: 500, to: 800 }, visibility: { from: "PUBLIC", to: "VERIFIED_FIRMS" } });
    expect(await prisma.searchOutbox.count({ where: { entityType: "request", entityId: request.id } })).toBe(4);
  });

  it("are written in words: HS codes optional, certifications start unticked, nothing required the buyer did not choose", async () => {
    const buyer = await createUser("BUYER", { locale: "pt" });
    await prisma.buyerCompany.update({ where: { id: buyer.buyerCompanyId! }, data: { requiredCertifications: ["CE", "INMETRO"] } });
    const client = await clientFor(buyer);
    const form = await (await client.get("/pt-BR/account/requests/new")).text();
    expect(form).toContain("Códigos SH (opcional)");
    expect(form).toContain("Descreva com as suas palavras o que quer comprar");
    // The profile's certifications are not ticked for the buyer.
    expect(form).toMatch(/name="requiredCertifications"[^>]*value="CE"/);
    expect(form).not.toMatch(/<input[^>]*checked=""[^>]*name="requiredCertifications"/);
    expect(form).not.toMatch(/<input[^>]*name="requiredCertifications"[^>]*checked=""/);

    const created = await client.post("/pt-BR/account/requests/new", { title: "Procuro luminária de teto LED para lojas", titleLocale: "pt", visibility: "PUBLIC" });
    expect(created.status).toBe(302);
    const request = await prisma.sourcingRequest.findFirstOrThrow({ where: { buyerCompanyId: buyer.buyerCompanyId! } });
    expect(request).toMatchObject({ hsCodes: [], requiredCertifications: [], quantity: null, keywords: "" });
    expect(await (await client.get("/pt-BR/account/requests")).text()).toContain("Procuro luminária de teto LED para lojas");
    // Codes written by the buyer are still checked.
    const bad = await client.post("/pt-BR/account/requests/new", { title: "Procuro luminárias", titleLocale: "pt", visibility: "PUBLIC", hsCodes: "94" });
    expect(bad.status).toBe(400);
  });

  it("refuses bad HS codes and past deadlines in the buyer's language and keeps what was typed", async () => {
    const buyer = await createUser("BUYER");
    const client = await clientFor(buyer);
    const response = await client.post("/zh-CN/account/requests/new", { ...validRequest, hsCodes: "9999.99, 94", deadline: "2020-01-01" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("以下不是 4 位或 6 位 HS 编码：94");
    expect(html).toContain('value="9999.99, 94"');
    const unknown = await client.post("/zh-CN/account/requests/new", { ...validRequest, hsCodes: "9999.99", deadline: "2020-01-01" });
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain("以下编码不在 HS 2022 目录中：9999.99");
    expect(unknownHtml).toContain("截止日期不能早于今天");
    expect(await prisma.sourcingRequest.count({ where: { buyerCompanyId: buyer.buyerCompanyId! } })).toBe(0);
  });

  it("cannot be seen or changed by another buyer, a firm, or anyone signed out", async () => {
    const owner = await createUser("BUYER");
    const ownerClient = await clientFor(owner);
    await ownerClient.post("/en/account/requests/new", validRequest);
    const request = await prisma.sourcingRequest.findFirstOrThrow({ where: { buyerCompanyId: owner.buyerCompanyId! } });

    const otherBuyer = await clientFor(await createUser("BUYER"));
    expect((await otherBuyer.get(`/en/account/requests/${request.id}`)).status).toBe(404);
    expect((await otherBuyer.post(`/en/account/requests/${request.id}`, { intent: "close" })).status).toBe(404);
    expect((await otherBuyer.post(`/en/account/requests/${request.id}`, { ...validRequest, title: "Hijacked title" })).status).toBe(404);
    expect(await (await otherBuyer.get("/en/account/requests")).text()).not.toContain(validRequest.title);

    const firm = await clientFor(await createUser("FIRM_MEMBER"));
    expect((await firm.get("/en/account/requests")).status).toBe(403);
    expect((await firm.post("/en/account/requests/new", validRequest)).status).toBe(403);
    expect((await firm.post(`/en/account/requests/${request.id}`, { intent: "close" })).status).toBe(403);

    const anonymous = await clientFor(null);
    expect((await anonymous.post(`/en/account/requests/${request.id}`, { intent: "close" })).status).toBe(302);
    expect((await anonymous.get("/en/account/requests/new")).status).toBe(302);

    const after = await prisma.sourcingRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ status: "OPEN", title: request.title });
    expect(await prisma.auditEvent.count({ where: { entityId: request.id } })).toBe(1);
  });
});
