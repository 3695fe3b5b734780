import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { signIn } from "../support/session";

/**
 * Issue 14 item 8 and issue 15: bodies that once stopped the server (a list
 * index of a hundred million, names nested 5,000 deep), NUL bytes, bodies
 * that are not forms, and names a form does not declare, posted to every
 * action of the build as every kind of visitor. Each gets a 4xx (or the
 * form's own answer), never a 500, and the server answers the next request
 * within a second.
 */
let server: TestServer;
let clients: Record<string, TestClient>;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const supplier = await createSupplier();
  const buyer = await createBuyer();
  const [admin, bureau] = await Promise.all([createUser("ADMIN"), createUser("BUREAU_STAFF")]);
  const request = await prisma.sourcingRequest.create({
    data: { buyerCompanyId: buyer.company.id, createdById: buyer.user.id, title: { pt: { text: "Luminárias LED", origin: "author" } }, hsCodes: ["940511"] },
  });
  const inquiry = await prisma.inquiry.create({
    data: { firmId: supplier.firm.id, buyerCompanyId: buyer.company.id, createdById: buyer.user.id, messages: { create: { side: "BUYER", authorId: buyer.user.id, body: "Olá", language: "pt", languageSource: "author" } } },
  });
  // A delegation call open to the supplier, and its application (issue 9, the firm's side).
  const edition = await prisma.fairEdition.create({
    data: { slug: "hostile-fair-2099", shortName: "HF 2099", name: { en: { text: "Hostile Fair", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2099-10-01"), endsOn: new Date("2099-10-04") },
  });
  const call = await prisma.delegationCall.create({
    data: { editionId: edition.id, status: "OPEN", opensAt: new Date("2026-01-01"), deadline: new Date("2099-01-01"), quota: 5, boothTypes: [{ code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 }], documentsAsked: ["Licence"] },
  });
  const application = await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, boothTypeCode: "STD", productIds: [supplier.products[0].id], attendees: [{ name: "Wang" }] } });
  clients = { anonymous: new TestClient(server.url), admin: new TestClient(server.url), bureau: new TestClient(server.url), firm: new TestClient(server.url), buyer: new TestClient(server.url) };
  await signIn(clients.admin, admin.email, TEST_PASSWORD);
  await signIn(clients.bureau, bureau.email, TEST_PASSWORD);
  await signIn(clients.firm, supplier.member.email, TEST_PASSWORD);
  await signIn(clients.buyer, buyer.user.email, TEST_PASSWORD);
  // A fair edition with a closed delegation call, so the bureau's delegation forms parse what they get.
  const closedEdition = await prisma.fairEdition.create({
    data: { slug: "hostile-fair", shortName: "Hostile 2027", name: { en: { text: "Hostile fair", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2027-10-21"), endsOn: new Date("2027-10-24") },
  });
  await prisma.delegationCall.create({
    data: { editionId: closedEdition.id, status: "CLOSED", opensAt: new Date("2026-11-01"), deadline: new Date("2027-08-31"), quota: 1, boothTypes: [{ code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 }] },
  });
  // A sent public notice, so the notice pages' actions are reached past their 404.
  const notice = await prisma.policyNotice.create({
    data: { title: { "zh-CN": { text: "通知", origin: "author" } }, body: { "zh-CN": { text: "正文", origin: "author" } }, category: "subsidy", department: "商务局", isPublic: true, status: "SENT", sentAt: new Date() },
  });
  // A problem the supplier raised (issue 11), so the problem thread's action is reached past its 404.
  const problem = await prisma.problem.create({
    data: { firmId: supplier.firm.id, raisedById: supplier.member.id, category: "customs", subject: "海关", firstAnswerDueAt: new Date(Date.now() + 2 * 86_400_000), messages: { create: { side: "FIRM", authorId: supplier.member.id, body: "请协助", language: "zh" } } },
  });
  ids = { lang: "en", problemId: problem.id, firmId: supplier.firm.id, productId: supplier.products[0].id, requestId: request.id, inquiryId: inquiry.id, noticeId: notice.id, callId: call.id, applicationId: application.id, slug: closedEdition.slug, editionSlug: closedEdition.slug };
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

/** Every route of the build that has an action, as a URL with real ids. */
async function actionPaths(): Promise<string[]> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    const own = route.path ?? "";
    return route.parentId ? [fullPath(route.parentId), own].filter(Boolean).join("/") : own;
  };
  return Object.values(build.routes)
    .filter((route) => route.module.action)
    .map((route) => "/" + fullPath(route.id).replace(/:(\w+)/g, (_, name: string) => ids[name] ?? "x").replace(/^\/+/, ""));
}

const deepBrackets = "a" + "[0]".repeat(5000);
const deepDots = "b" + ".c".repeat(5000);
const bodies: { name: string; body: () => BodyInit; type?: string }[] = [
  { name: "a list index of a hundred million", body: () => "email=a%40b.c&password=x&contacts[100000000].name=x" },
  { name: "brackets nested 5,000 deep", body: () => `${encodeURIComponent(deepBrackets)}=x&${deepBrackets}=y` },
  { name: "dots nested 5,000 deep", body: () => `${deepDots}=x` },
  { name: "10,000 fields", body: () => Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join("&") },
  { name: "NUL bytes in every usual field", body: () => ["title", "name", "nameZh", "email", "password", "message", "body", "displayName", "reason", "productId", "reportId", "intent"].map((f) => `${f}=Lamp%00x`).join("&") },
  { name: "a nested name where a list is declared", body: () => "productIds.x=1&productIds=2&message=Ol%C3%A1&certifications.code.x=CE" },
  { name: "JSON instead of a form", body: () => '{"name":"x","contacts":[{"name":"x"}]}', type: "application/json" },
  {
    name: "a hostile multipart form",
    body: () => {
      const form = new FormData();
      form.append("contacts[100000000].name", "x");
      form.append(deepBrackets, "x");
      return form;
    },
  },
];

async function answersQuickly() {
  const started = performance.now();
  const response = await fetch(`${server.url}/favicon.ico`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
  return { status: response.status, ms: performance.now() - started };
}

describe("hostile bodies posted to every action", () => {
  it("finds the actions of the build", async () => {
    const paths = await actionPaths();
    expect(paths.length).toBeGreaterThanOrEqual(20);
    expect(paths).toContain("/en/login");
  });

  for (const { name, body, type } of bodies) {
    it(`never answers 500 nor stalls the server: ${name}`, async () => {
      for (const pathname of await actionPaths()) {
        for (const [who, client] of Object.entries(clients)) {
          // Signing out would leave the other tests without their visitors.
          if (pathname.endsWith("/logout") && who !== "anonymous") continue;
          const init = body();
          const headers: Record<string, string> = type ? { "Content-Type": type } : init instanceof FormData ? {} : { "Content-Type": "application/x-www-form-urlencoded" };
          const response = await client.request(pathname, { method: "POST", body: init, headers: { Origin: server.url, ...headers } });
          expect(response.status, `${pathname} as ${who}`).toBeLessThan(500);
          await response.arrayBuffer();
          const next = await answersQuickly();
          expect(next.status).toBe(301);
          expect(next.ms, `the next request after ${pathname} as ${who}`).toBeLessThan(1_000);
        }
      }
    }, 180_000);
  }

  it("refuses the outage body in the reader's language, before any sign-in is tried", async () => {
    const response = await clients.anonymous.post("/pt-PT/login", new URLSearchParams("email=a%40b.c&password=x&contacts[100000000].name=x"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("lista mais longa do que esta página aceita");
    const english = await clients.anonymous.post("/en/login", new URLSearchParams(`${deepBrackets}=x`));
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("a field name that no page of Ponte uses");
    const deep = await clients.anonymous.post("/en/login", new URLSearchParams(`b${".c".repeat(10)}=x`));
    expect(deep.status).toBe(400);
    expect(await deep.text()).toContain("nested deeper");
  });

  it("answers a body that is not a form with 415 on the catalogue's forms", async () => {
    for (const pathname of [`/en/catalog/firms/${ids.firmId}`, `/en/catalog/firms/${ids.firmId}/products/new`, `/en/catalog/products/${ids.productId}`, `/en/catalog/firms/${ids.firmId}/products`]) {
      const response = await clients.firm.request(pathname, { method: "POST", body: '{"name":"x"}', headers: { Origin: server.url, "Content-Type": "application/json" } });
      expect(response.status, pathname).toBe(415);
    }
  });

  it("keeps text with NUL bytes as typed, without the NUL", async () => {
    const form = new URLSearchParams({ title: "Lamp\u0000x", titleLocale: "en", hsCodes: "940511", keywords: "led\u0000", visibility: "PUBLIC" });
    const response = await clients.buyer.post("/en/account/requests/new", form);
    expect(response.status).toBeLessThan(500);
    const saved = await prisma.sourcingRequest.findFirst({ where: { keywords: "led" }, select: { title: true } });
    if (response.status === 302) expect(JSON.stringify(saved?.title)).toContain("Lampx");
    else expect(await response.text()).toContain("Lampx");
  });
});

describe("hostile query strings", () => {
  it("refuses control characters in any query parameter, in the reader's language, for pages and the API", async () => {
    for (const pathname of ["/en/catalog?q=a%00b", "/en/search?q=a%00b", "/en/inquiries/new?firm=a%00b", "/en/bureau/audit?actor=a%00b", `/en/catalog/firms/${ids.firmId}/requests/${ids.requestId}?product=a%00b`]) {
      const response = await clients.bureau.get(pathname);
      expect(response.status, pathname).toBe(400);
    }
    const pt = await clients.anonymous.get("/pt-PT/search?q=l%00mpada");
    expect(await pt.text()).toContain("caracteres de controlo");
    const api = await fetch(`${server.url}/api/v1/search/products?q=a%00b`);
    expect(api.status).toBe(400);
    expect((await api.json()).error.code).toBe("controlCharacters");
  });

  it("answers out-of-range dates and odd values in page queries without a 500", async () => {
    for (const query of ["from=9999-12-31", "to=9999-12-31", "from=0000-01-01", "from=2026-02-31", "from=x&to=y", "page=-1", "page=1e309", "status=x"]) {
      for (const pathname of ["/en/bureau/inquiries", "/en/bureau/audit", "/en/bureau/verification"]) {
        const response = await clients.bureau.get(`${pathname}?${query}`);
        expect(response.status, `${pathname}?${query}`).toBeLessThan(500);
      }
    }
  });
});

describe("a sign-in whose redirectTo a Location header can't carry", () => {
  it("is encoded, never a 500, and leaves exactly the session it answers with", async () => {
    const user = await createUser("BUYER");
    for (const redirectTo of ["/en/\u2215evil.example", "/zh-CN/firms/古镇", "/en/👍🏽"]) {
      const before = await prisma.session.count({ where: { userId: user.id } });
      const response = await new TestClient(server.url).post("/en/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
      expect(response.status, redirectTo).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/[\x21-\x7e]*$/);
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before + 1);
    }
  });
});
