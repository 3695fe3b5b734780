import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { matchesForRequest } from "~/modules/matching/buyer-matches.server";
import { requestsForFirm } from "~/modules/matching/firm-matches.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { setSearchConnection } from "~/modules/search/client.server";
import { offerLimits } from "~/modules/inquiry/limits.server";
import { canViewRequestMatches } from "~/modules/access/matching.server";
import { answerSourcingRequest } from "~/modules/inquiry/request-answer.server";
import { getEnv } from "~/utils/env.server";
import { recordHit } from "~/utils/rate-limit.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser, TEST_PASSWORD } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Matching over real PGlite and a real Meilisearch: a Brazilian buyer's
 * request for LED ceiling lights (HS 9405.11, 500 pieces, 25 USD, CE and
 * INMETRO) against firms that fit it more or less well, and the open
 * requests a lighting firm is shown. Every refusal of the API and the pages
 * is checked, and so is the firm's answer to a request.
 */
let server: TestServer;
const unique = () => crypto.randomBytes(3).toString("hex");
const nextYear = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 30));

/** Every file under `folder` (none when it does not exist yet). */
async function storedFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function firm(options: { verified?: boolean; markets?: string[]; languages?: string[] } = {}) {
  const verified = options.verified ?? true;
  const created = await createFirm({ verification: verified ? "VERIFIED" : "PENDING", published: verified });
  return prisma.firm.update({
    where: { id: created.id },
    data: { exportMarkets: options.markets ?? ["BR", "PT"], languages: options.languages ?? ["zh", "en", "pt"] },
  });
}

async function product(
  firmId: string,
  options: { hsCode?: string; en?: string; type?: string; certifications?: string[]; moq?: number; price?: string; published?: boolean } = {},
) {
  const id = unique();
  return prisma.product.create({
    data: {
      slug: `product-${id}`,
      firmId,
      hsCode: options.hsCode ?? "940511",
      attributes: options.type ? { type: options.type } : {},
      name: { en: { text: options.en ?? "24 W LED ceiling light", origin: "author" }, "zh-CN": { text: "24W LED吸顶灯", origin: "author" } },
      description: {},
      moq: options.moq ?? 200,
      moqUnit: "pieces",
      priceMinUsd: options.price ?? "12.50",
      priceMaxUsd: "18.00",
      certifications: options.certifications ?? ["CE", "INMETRO"],
      published: options.published ?? true,
    },
  });
}

async function sourcingRequest(
  buyerCompanyId: string,
  options: { hsCodes?: string[]; keywords?: string; visibility?: "PUBLIC" | "VERIFIED_FIRMS" | "PRIVATE"; status?: "OPEN" | "CLOSED"; deadline?: Date | null } = {},
) {
  return prisma.sourcingRequest.create({
    data: {
      buyerCompanyId,
      title: { pt: { text: "Procuramos luminárias de teto LED", origin: "author" } },
      keywords: options.keywords ?? "LED ceiling light",
      hsCodes: options.hsCodes ?? ["940511"],
      quantity: 500,
      unit: "pieces",
      targetPriceUsd: "25.00",
      requiredCertifications: ["CE", "INMETRO"],
      destinationCountry: "BR",
      deadline: options.deadline === undefined ? nextYear : options.deadline,
      status: options.status ?? "OPEN",
      visibility: options.visibility ?? "PUBLIC",
    },
  });
}

async function clientFor(user: { email: string } | null, locale = "en") {
  const client = new TestClient(server.url);
  if (user) await signIn(client, user.email, TEST_PASSWORD, locale);
  return client;
}

const world = {} as {
  buyerCompany: { id: string };
  otherCompany: { id: string };
  best: { id: string; slug: string };
  heading: { id: string };
  missingCert: { id: string };
  unverified: { id: string };
  draftFirm: { id: string };
  riceFirm: { id: string };
  p: Record<"best" | "bestSecond" | "heading" | "missingCert" | "unverified" | "draft" | "rice", { id: string }>;
  r: Record<"main" | "verifiedOnly" | "private" | "closed" | "expired" | "rice", { id: string }>;
  users: Record<"owner" | "ownerZh" | "otherBuyer" | "member" | "unverifiedMember" | "riceMember" | "bureau", { id: string; email: string }>;
};

beforeAll(async () => {
  server = await startTestServer();
  await seedReference();
  world.buyerCompany = await prisma.buyerCompany.create({ data: { name: `Importadora Luz ${unique()} Ltda.`, country: "BR", languages: ["pt", "en"] } });
  world.otherCompany = await prisma.buyerCompany.create({ data: { name: `Outra ${unique()} Ltda.`, country: "PT", languages: ["pt"] } });
  // Identical firms but for what each test is about.
  world.best = await firm();
  const headingFirm = await firm();
  const missingCertFirm = await firm();
  world.heading = headingFirm;
  world.missingCert = missingCertFirm;
  world.unverified = await firm({ verified: false });
  world.draftFirm = await firm();
  world.riceFirm = await firm();
  world.p = {
    best: await product(world.best.id, { type: "ceiling-light" }),
    // The same firm's second, dearer product: its range counts, its best product leads.
    bestSecond: await product(world.best.id, { en: "36 W LED ceiling light", moq: 300, price: "30.00" }),
    heading: await product(headingFirm.id, { hsCode: "940542", en: "24 W LED ceiling light strip" }),
    missingCert: await product(missingCertFirm.id, { certifications: ["CE"] }),
    unverified: await product(world.unverified.id),
    draft: await product(world.draftFirm.id, { published: false }),
    rice: await product(world.riceFirm.id, { hsCode: "851660", en: "Electric rice cooker", certifications: ["CE"] }),
  };
  world.r = {
    main: await sourcingRequest(world.buyerCompany.id),
    verifiedOnly: await sourcingRequest(world.buyerCompany.id, { visibility: "VERIFIED_FIRMS" }),
    private: await sourcingRequest(world.buyerCompany.id, { visibility: "PRIVATE" }),
    closed: await sourcingRequest(world.buyerCompany.id, { status: "CLOSED" }),
    expired: await sourcingRequest(world.buyerCompany.id, { deadline: new Date(Date.UTC(2020, 0, 1)) }),
    rice: await sourcingRequest(world.otherCompany.id, { hsCodes: ["851660"], keywords: "rice cooker" }),
  };
  world.users = {
    owner: await createUser("BUYER", { buyerCompanyId: world.buyerCompany.id, locale: "en" }),
    ownerZh: await createUser("BUYER", { buyerCompanyId: world.buyerCompany.id, locale: "zh-CN" }),
    otherBuyer: await createUser("BUYER", { buyerCompanyId: world.otherCompany.id }),
    member: await createUser("FIRM_MEMBER", { firmId: world.best.id, locale: "en" }),
    unverifiedMember: await createUser("FIRM_MEMBER", { firmId: world.unverified.id }),
    riceMember: await createUser("FIRM_MEMBER", { firmId: world.riceFirm.id }),
    bureau: await createUser("BUREAU_STAFF"),
  };
  await reindexAll(["products", "firms", "requests"]);
});

afterAll(async () => {
  await server?.close();
});

describe("matchesForRequest", () => {
  it("ranks the exact HS match with every certification first, and says why in the reader's language", async () => {
    const result = await matchesForRequest(world.r.main.id, { locale: "en" });
    expect(result).not.toBeNull();
    const ids = result!.products.map((match) => match.productId);
    expect(ids[0]).toBe(world.p.best.id);
    const scoreOf = (id: string) => result!.products.find((match) => match.productId === id)!.score;
    // A 6-digit match outranks a 4-digit one; a missing certificate costs points.
    expect(scoreOf(world.p.best.id)).toBeGreaterThan(scoreOf(world.p.heading.id));
    expect(scoreOf(world.p.best.id)).toBeGreaterThan(scoreOf(world.p.missingCert.id));
    const texts = (id: string) => result!.products.find((match) => match.productId === id)!.reasons.map((reason) => reason.text);
    expect(texts(world.p.best.id)).toEqual(
      expect.arrayContaining(["HS 9405.11 exact", "CE and INMETRO certified", "MOQ 200 ≤ your 500", "FOB from $12.50 ≤ your target $25.00", "already exports to Brazil", "sales team speaks Portuguese and English"]),
    );
    expect(texts(world.p.heading.id)).toContain("same HS heading 9405 (9405.11 asked for)");
    expect(texts(world.p.missingCert.id)).toEqual(expect.arrayContaining(["missing INMETRO", "CE certified"]));
    expect(result!.products.find((match) => match.productId === world.p.missingCert.id)!.reasons.find((reason) => reason.code === "cert.missing")!.negative).toBe(true);
    // Never: an unverified firm's product, a draft, another chapter without the words.
    for (const absent of [world.p.unverified.id, world.p.draft.id, world.p.rice.id]) expect(ids).not.toContain(absent);
  });

  it("groups the same matches by firm: best product first, with the firm's range", async () => {
    const result = await matchesForRequest(world.r.main.id, { locale: "pt-BR" });
    expect(result!.firms[0]).toMatchObject({ firmId: world.best.id, bestProductId: world.p.best.id, productCount: 2 });
    expect(result!.firms[0].reasons.map((reason) => reason.text)).toEqual(expect.arrayContaining(["SH 9405.11 exato", "2 produtos correspondentes"]));
    expect(result!.firms.map((match) => match.firmId)).not.toContain(world.unverified.id);
  });

  it("is null for an unknown id, and for a viewer who may not see the request", async () => {
    expect(await matchesForRequest("no-such-request", { locale: "en" })).toBeNull();
    expect(await matchesForRequest("x\" OR 1=1", { locale: "en" })).toBeNull();
    // Who may see a request's matches is the access rule's to say (modules/access/matching.server.ts).
    expect(await canViewRequestMatches({ role: "BUYER", buyerCompanyId: world.otherCompany.id }, world.r.main.id)).toBe(false);
    expect(await canViewRequestMatches({ role: "FIRM_MEMBER", buyerCompanyId: null }, world.r.main.id)).toBe(false);
    expect(await canViewRequestMatches({ role: "BUREAU_STAFF", buyerCompanyId: null }, world.r.main.id)).toBe(true);
    expect(await matchesForRequest(world.r.main.id, { locale: "en" })).not.toBeNull();
  });
});

describe("requestsForFirm", () => {
  it("shows a verified firm the open requests it may see, never private, closed or expired ones, worded for the firm", async () => {
    const result = await requestsForFirm(world.best.id, { locale: "en" });
    const ids = result!.requests.map((request) => request.requestId);
    expect(ids).toEqual(expect.arrayContaining([world.r.main.id, world.r.verifiedOnly.id]));
    for (const hidden of [world.r.private.id, world.r.closed.id, world.r.expired.id, world.r.rice.id]) expect(ids).not.toContain(hidden);
    const main = result!.requests.find((request) => request.requestId === world.r.main.id)!;
    expect(main.product.id).toBe(world.p.best.id);
    expect(main.reasons.map((reason) => reason.text)).toEqual(
      expect.arrayContaining(["HS 9405.11 exact", "your MOQ 200 ≤ 500 wanted", "you already export to Brazil", "your sales team speaks Portuguese and English", "matches the buyer's keywords"]),
    );
    expect(main).toMatchObject({ destinationCountryName: "Brazil", buyerCountryName: "Brazil", quantity: 500, unitName: "pieces", inquiryId: null });
  });

  it("shows an unverified firm public requests only", async () => {
    const ids = (await requestsForFirm(world.unverified.id, { locale: "en" }))!.requests.map((request) => request.requestId);
    expect(ids).toContain(world.r.main.id);
    expect(ids).not.toContain(world.r.verifiedOnly.id);
  });

  it("believes the database over a lagging index: a request closed a moment ago is not shown", async () => {
    const late = await sourcingRequest(world.buyerCompany.id);
    await reindexAll(["requests"]);
    expect((await requestsForFirm(world.best.id, { locale: "en" }))!.requests.map((request) => request.requestId)).toContain(late.id);
    await prisma.sourcingRequest.update({ where: { id: late.id }, data: { status: "CLOSED" } });
    expect((await requestsForFirm(world.best.id, { locale: "en" }))!.requests.map((request) => request.requestId)).not.toContain(late.id);
    // And once the outbox is drained the index agrees.
    await prisma.searchOutbox.create({ data: { entityType: "request", entityId: late.id } });
    await drainSearchOutboxFully();
    expect((await requestsForFirm(world.best.id, { locale: "en" }))!.requests.map((request) => request.requestId)).not.toContain(late.id);
  });

  it("is null for an unknown firm", async () => {
    expect(await requestsForFirm("no-such-firm", { locale: "en" })).toBeNull();
  });
});

describe("GET /api/v1/requests/:id/matches", () => {
  const path = () => `/api/v1/requests/${world.r.main.id}/matches`;

  it("answers the request's buyers in the asked language, else their own", async () => {
    const owner = await clientFor(world.users.owner);
    const response = await owner.get(`${path()}?lang=pt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = await response.json();
    expect(body.matches[0]).toMatchObject({ productId: world.p.best.id, firmId: world.best.id });
    expect(typeof body.matches[0].score).toBe("number");
    expect(body.matches[0].reasons).toEqual(expect.arrayContaining([{ code: "hs.exact", text: "SH 9405.11 exato" }, { code: "market.served", text: "já exporta para este mercado (Brasil)" }]));
    expect(Object.keys(body.matches[0].reasons[0]).sort()).toEqual(["code", "text"]);

    const chinese = await clientFor(world.users.ownerZh, "zh-CN");
    const zh = await (await chinese.get(path())).json();
    expect(zh.matches[0].reasons).toEqual(expect.arrayContaining([{ code: "hs.exact", text: "HS 9405.11 完全匹配" }]));
  });

  it("lets bureau staff see any request's matches", async () => {
    const bureau = await clientFor(world.users.bureau);
    const response = await bureau.get(`${path()}?lang=en`);
    expect(response.status).toBe(200);
    expect((await response.json()).matches[0].productId).toBe(world.p.best.id);
  });

  it("refuses everyone else with a JSON error, without revealing that the request exists", async () => {
    const anonymous = await clientFor(null);
    const refused = await anonymous.get(`${path()}?lang=pt`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "Inicie sessão para ver as correspondências de um pedido." } });

    for (const user of [world.users.otherBuyer, world.users.member]) {
      const client = await clientFor(user);
      const response = await client.get(path());
      expect(response.status).toBe(404);
      const unknown = await client.get("/api/v1/requests/no-such-request/matches");
      // The same answer as for a request that does not exist.
      expect(await response.json()).toEqual(await unknown.json());
    }
    const owner = await clientFor(world.users.owner);
    for (const id of ["no-such-request", "%00", "a".repeat(300), "x%22%20OR%20public%20%3D%20false"]) {
      const response = await owner.get(`/api/v1/requests/${id}/matches`);
      expect(response.status, id).toBe(404);
      expect((await response.json()).error.code).toBe("notFound");
    }
  });

  it("answers 503, not 500, when the search engine cannot be reached", async () => {
    const owner = await clientFor(world.users.owner);
    setSearchConnection({ host: "http://127.0.0.1:9", masterKey: "wrong" }, process.env.MEILI_INDEX_PREFIX);
    try {
      const response = await owner.get(path());
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe("unavailable");
      const page = await owner.get(`/en/account/requests/${world.r.main.id}/matches`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("Matching is unavailable right now.");
    } finally {
      setSearchConnection({ host: inject("meiliHost"), masterKey: inject("meiliKey") }, process.env.MEILI_INDEX_PREFIX);
    }
  });
});

describe("the pages", () => {
  it("list a buyer's matches with reasons, product and firm links, and inquiry links", async () => {
    const owner = await clientFor(world.users.owner);
    const page = await owner.get(`/en/account/requests/${world.r.main.id}/matches`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`href="/en/products/${world.p.best.id}"`);
    expect(html).toContain(`href="/en/firms/${world.best.slug}"`);
    expect(html).toContain(`href="/en/inquiries/new?firm=${world.best.id}&amp;product=${world.p.best.id}&amp;request=${world.r.main.id}"`);
    expect(html).toContain("HS 9405.11 exact");
    expect(html).toContain("missing INMETRO");
    const byFirm = await (await owner.get(`/en/account/requests/${world.r.main.id}/matches?by=firm`)).text();
    expect(byFirm).toContain("2 matching products");
    // The request's own page links to its matches.
    expect(await (await owner.get(`/en/account/requests/${world.r.main.id}`)).text()).toContain(`/en/account/requests/${world.r.main.id}/matches`);
  });

  it("show the matches to bureau staff (without inquiry links) and to nobody else", async () => {
    const bureau = await clientFor(world.users.bureau);
    const page = await bureau.get(`/en/account/requests/${world.r.main.id}/matches`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("matches as bureau staff.");
    expect(html).not.toContain("/en/inquiries/new?");
    for (const user of [world.users.otherBuyer, world.users.member]) {
      expect((await (await clientFor(user)).get(`/en/account/requests/${world.r.main.id}/matches`)).status).toBe(404);
    }
    const anonymous = await (await clientFor(null)).get(`/en/account/requests/${world.r.main.id}/matches`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/en\/login\?redirectTo=/);
  });

  it("show a firm the requests that match its products, from its menu, and refuse other firms and buyers", async () => {
    const member = await clientFor(world.users.member);
    const menu = await member.get("/en/catalog/requests");
    expect(menu.status).toBe(302);
    expect(menu.headers.get("location")).toBe(`/en/catalog/firms/${world.best.id}/requests`);
    const page = await member.get(`/en/catalog/firms/${world.best.id}/requests`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("your MOQ 200 ≤ 500 wanted");
    expect(html).toContain(`/en/catalog/firms/${world.best.id}/requests/${world.r.main.id}?product=`);
    expect(html).not.toContain(world.r.private.id);
    for (const user of [world.users.riceMember, world.users.owner]) {
      expect((await (await clientFor(user)).get(`/en/catalog/firms/${world.best.id}/requests`)).status).toBe(403);
    }
    const bureau = await (await clientFor(world.users.bureau)).get(`/en/catalog/firms/${world.best.id}/requests`);
    expect(bureau.status).toBe(200);
    expect(await bureau.text()).toContain(`/en/account/requests/${world.r.main.id}/matches`);
  });
});

describe("a firm answers a buyer's request", () => {
  const answerPath = (firmId: string, requestId: string) => `/en/catalog/firms/${firmId}/requests/${requestId}`;
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
    return data;
  };
  const message = "Olá! Podemos fornecer 500 luminárias de teto LED com CE e INMETRO, FOB Zhongshan 12,50 USD, entrega em 25 dias.";

  it("opens a thread with the buyer about the request, tells the buyer, and never a second one", async () => {
    const member = await clientFor(world.users.member);
    const page = await member.get(`${answerPath(world.best.id, world.r.main.id)}?product=${world.p.best.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`name="productIds" checked="" value="${world.p.best.id}"`);

    const empty = await member.post(answerPath(world.best.id, world.r.main.id), form({ message }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Choose at least one product.");

    const foreign = await member.post(answerPath(world.best.id, world.r.main.id), form({ productIds: world.p.heading.id, message }));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Choose products of your own firm that are published.");

    const sent = await member.post(answerPath(world.best.id, world.r.main.id), form({ productIds: [world.p.best.id, world.p.bestSecond.id], message }));
    expect(sent.status).toBe(302);
    const threadId = sent.headers.get("location")!.match(/^\/en\/inquiries\/([^/?]+)\?sent=1$/)![1];
    const thread = await prisma.inquiry.findUniqueOrThrow({
      where: { id: threadId },
      include: { products: true, messages: true },
    });
    expect(thread).toMatchObject({ firmId: world.best.id, buyerCompanyId: world.buyerCompany.id, sourcingRequestId: world.r.main.id, openedBy: "FIRM", quantity: 500, destinationCountry: "BR" });
    expect(thread.products.map((entry) => entry.productId).sort()).toEqual([world.p.best.id, world.p.bestSecond.id].sort());
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({ side: "FIRM", authorId: world.users.member.id, body: message });
    const notices = await prisma.notification.findMany({ where: { inquiryId: threadId } });
    expect(notices.map((notice) => notice.kind)).toEqual(["inquiry.offer", "inquiry.offer"]);
    expect(notices.map((notice) => notice.userId).sort()).toEqual([world.users.owner.id, world.users.ownerZh.id].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "request", entityId: world.r.main.id, action: "answer" } });
    expect(audit).toMatchObject({ actorId: world.users.member.id, changes: { firmId: world.best.id, inquiryId: threadId } });
    // The firm's own answers are not inquiries it was asked: no response figures.
    expect(await prisma.firmResponseStats.findUnique({ where: { firmId: world.best.id } })).toBeNull();

    // The buyer reads it; both sides see it in their inboxes.
    const owner = await clientFor(world.users.owner);
    const buyerView = await owner.get(`/en/inquiries/${threadId}`);
    expect(buyerView.status).toBe(200);
    expect(await buyerView.text()).toContain("answer to a sourcing request");

    // The firm's request list now points to the conversation, and a second answer lands in it.
    expect(await (await member.get(`/en/catalog/firms/${world.best.id}/requests`)).text()).toContain(`href="/en/inquiries/${threadId}"`);
    const again = await member.post(answerPath(world.best.id, world.r.main.id), form({ productIds: world.p.best.id, message: "Again" }));
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/en/inquiries/${threadId}`);
    expect(await prisma.inquiry.count({ where: { firmId: world.best.id, sourcingRequestId: world.r.main.id } })).toBe(1);
  });

  it("is refused for requests the firm may not see, unverified firms, other firms' members, buyers and bureau staff", async () => {
    const member = await clientFor(world.users.member);
    for (const hidden of [world.r.private.id, world.r.closed.id, world.r.expired.id, "no-such-request"]) {
      expect((await member.get(answerPath(world.best.id, hidden))).status, hidden).toBe(404);
    }
    // Closed since the page was loaded: gone, as for a GET.
    const closed = await member.post(answerPath(world.best.id, world.r.closed.id), form({ productIds: world.p.best.id, message }));
    expect(closed.status).toBe(404);

    const unverified = await clientFor(world.users.unverifiedMember);
    expect((await unverified.get(answerPath(world.unverified.id, world.r.verifiedOnly.id))).status).toBe(404);
    const notYet = await unverified.post(answerPath(world.unverified.id, world.r.rice.id), form({ productIds: world.p.unverified.id, message }));
    expect(notYet.status).toBe(403);
    expect(await notYet.text()).toContain("Your firm must be verified by the commerce bureau before it can answer buyer requests.");

    const rice = await clientFor(world.users.riceMember);
    expect((await rice.post(answerPath(world.best.id, world.r.verifiedOnly.id), form({ productIds: world.p.best.id, message }))).status).toBe(403);
    for (const user of [world.users.owner, world.users.bureau]) {
      const client = await clientFor(user);
      expect((await client.post(answerPath(world.best.id, world.r.verifiedOnly.id), form({ productIds: world.p.best.id, message }))).status).toBe(403);
    }
    const bureauPage = await (await clientFor(world.users.bureau)).get(answerPath(world.best.id, world.r.verifiedOnly.id));
    expect(bureauPage.status).toBe(200);
    expect(await bureauPage.text()).toContain("Only the firm&#x27;s own members can answer buyer requests.");
    expect(await prisma.inquiry.count({ where: { sourcingRequestId: { in: [world.r.verifiedOnly.id, world.r.closed.id, world.r.private.id] } } })).toBe(0);
  });

  it("keeps one thread when members answer at once, and keeps none of the losing answers' files", async () => {
    const request = await sourcingRequest(world.buyerCompany.id);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: world.users.member.id } });
    const member = { id: row.id, email: row.email, displayName: row.displayName, role: row.role, locale: row.locale, firmId: world.best.id, buyerCompanyId: null };
    const folder = path.join(getEnv().dataDir, "attachments");
    const filesBefore = await storedFiles(folder);
    const pdf = { bytes: new TextEncoder().encode("%PDF-1.4\n%offer\n"), fileName: "offer.pdf", contentType: "application/pdf" as const };
    const answers = await Promise.all(
      ["Primeira", "Segunda", "Terceira"].map((opening) => answerSourcingRequest(member, request.id, { productIds: [world.p.best.id], message: `${opening}: ${message}`, website: "" }, [pdf])),
    );
    const threads = await prisma.inquiry.findMany({ where: { firmId: world.best.id, sourcingRequestId: request.id }, include: { messages: { include: { attachments: true } } } });
    expect(threads).toHaveLength(1);
    expect(answers.filter((answer) => !answer.existing)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set([threads[0].id]));
    expect(threads[0].messages).toHaveLength(1);
    expect(threads[0].messages[0].attachments).toHaveLength(1);
    // The two answers that lost rolled back, and their stored copies of the file went with them.
    expect((await storedFiles(folder)).length - filesBefore.length).toBe(1);
  });

  it("is refused, with the reason, when the firm has blocked the buyer", async () => {
    const request = await sourcingRequest(world.otherCompany.id);
    await prisma.firmBuyerBlock.create({ data: { firmId: world.best.id, buyerCompanyId: world.otherCompany.id } });
    try {
      const member = await clientFor(world.users.member);
      const page = await member.get(answerPath(world.best.id, request.id));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Your firm has blocked this buyer");
      expect(html).not.toContain('name="message"');
      const refused = await member.post(answerPath(world.best.id, request.id), form({ productIds: world.p.best.id, message }));
      expect(refused.status).toBe(403);
      const body = await refused.text();
      expect(body).toContain("Your firm has blocked this buyer");
      expect(await prisma.inquiry.count({ where: { sourcingRequestId: request.id } })).toBe(0);
    } finally {
      await prisma.firmBuyerBlock.deleteMany({ where: { firmId: world.best.id, buyerCompanyId: world.otherCompany.id } });
    }
  });

  it("stops a firm that answers too many requests in a short time", async () => {
    for (let i = 0; i < offerLimits.perFirmDay.max; i++) await recordHit(offerLimits.perFirmDay, world.best.id);
    const member = await clientFor(world.users.member);
    const response = await member.post(answerPath(world.best.id, world.r.verifiedOnly.id), form({ productIds: world.p.best.id, message }));
    expect(response.status).toBe(429);
    expect(await response.text()).toContain("Your firm has answered many requests in a short time.");
    await prisma.rateLimitHit.deleteMany({ where: { bucket: offerLimits.perFirmDay.bucket } });
  });
});
