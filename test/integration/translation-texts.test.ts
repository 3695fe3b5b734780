import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { drainTranslationJobs } from "~/modules/translation/translation.server";
import { localizedView, requestLocalizedTranslations } from "~/modules/translation/localized.server";
import { releaseHeldMails } from "~/modules/translation/mail-hold.server";
import { createUser } from "../support/factories";
import { createSupplier, createTownWithCluster } from "../support/inquiry-factories";
import { productForm } from "../support/catalog";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startTestTranslator, type TestTranslator } from "../support/libretranslate";

/**
 * Machine translation of the texts firms and the bureau write in several
 * languages (issue 12, item 2): product and firm descriptions and notices,
 * over the real HTTP stack with the LibreTranslate stand-in. A reader whose
 * language has no authored text gets the translation, marked, the original
 * one click away; what the firm writes itself always wins; a changed text is
 * translated again; without an engine the pages say "not translated".
 */
/** Portuguese pages (the lead converts these to the pt-BR / pt-PT variants at merge). */
const PT = "/pt-BR";

let server: TestServer;
let smtp: TestSmtpServer;
let translator: TestTranslator;

beforeAll(async () => {
  smtp = await startSmtpServer();
  translator = await startTestTranslator();
  process.env.SMTP_URL = smtp.url;
  process.env.TRANSLATE_URL = translator.url;
  process.env.TRANSLATE_TIMEOUT_MS = "4000";
  resetEnvCache();
  server = await startTestServer();
}, 180_000);

afterAll(async () => {
  await server?.close();
  await smtp?.stop();
  await translator?.stop();
  for (const name of ["SMTP_URL", "TRANSLATE_URL", "TRANSLATE_TIMEOUT_MS"]) delete process.env[name];
  resetEnvCache();
});

async function clientFor(user: { email: string; password: string }, locale: string) {
  const client = new TestClient(server.url);
  await signIn(client, user.email, user.password, locale);
  return client;
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

const drain = () => drainTranslationJobs({ limit: 100 });

async function newProduct(member: TestClient, firmId: string, overrides: Record<string, string | string[]>) {
  // The test database has no certification list: the product claims none.
  const response = await member.post(`/zh-CN/catalog/firms/${firmId}/products/new`, productForm({ certifications: [], ...overrides }));
  expect(response.status, await response.clone().text().then((text) => text.slice(0, 300))).toBe(302);
  return /\/catalog\/products\/([^?]+)/.exec(response.headers.get("location") ?? "")![1];
}

describe("product and firm descriptions", () => {
  it("shows a Portuguese reader the marked translation with the original; the firm's own Portuguese wins; a changed text is translated again", async () => {
    translator.mode = "ok";
    const supplier = await createSupplier({ locale: "zh-CN" });
    const member = await clientFor(supplier.member, "zh-CN");
    const reader = new TestClient(server.url);
    const original = "您好，适用于客厅和卧室。";
    const productId = await newProduct(member, supplier.firm.id, { descriptionZh: original });
    // Asked for the languages nobody wrote it in.
    const jobs = await prisma.translationJob.findMany({ where: { sourceKind: "product.description", sourceId: productId }, select: { targetLang: true } });
    expect(jobs.map((job) => job.targetLang).sort()).toEqual(["en", "pt"]);

    // The page never waits: the original, marked as on its way.
    const before = await reader.get(`${PT}/products/${productId}`);
    expect(before.status).toBe(200);
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain(original);
    expect(beforeHtml).toContain("Ainda não traduzido: a tradução está a caminho");

    expect(await drain()).toMatchObject({ translated: 2, failed: 0 });
    const html = await (await reader.get(`${PT}/products/${productId}`)).text();
    expect(html).toContain("[pt] Olá，适用于客厅和卧室。");
    expect(html).toContain("Tradução automática: não é o texto do autor");
    expect(html).toMatch(/<details class="translated__original"><summary>Mostrar original<\/summary><p lang="zh">您好，适用于客厅和卧室。<\/p>/);
    // A Chinese reader reads the original, unmarked.
    const zhHtml = await (await reader.get(`/zh-CN/products/${productId}`)).text();
    expect(zhHtml).toContain(original);
    expect(zhHtml).not.toContain("机器翻译");

    // The firm writes its own Portuguese: it is shown as the firm's text, and the engine is not asked for it.
    const own = "Luminária para sala e quarto, escrita pela empresa.";
    const asked = translator.requests.length;
    expect((await member.post(`/zh-CN/catalog/products/${productId}`, productForm({ certifications: [], descriptionZh: original, descriptionPt: own }))).status).toBe(200);
    await drain();
    expect(translator.requests.filter((request) => request.target === "pt").length).toBe(translator.requests.slice(0, asked).filter((request) => request.target === "pt").length);
    const ownHtml = await (await reader.get(`${PT}/products/${productId}`)).text();
    expect(ownHtml).toContain(own);
    expect(ownHtml).not.toContain("[pt] Olá");
    expect(ownHtml).not.toContain("Tradução automática");

    // The Chinese text changes: the English translation of the old text is no longer shown, and is made again.
    const changed = "您好，适用于办公室。";
    expect((await member.post(`/zh-CN/catalog/products/${productId}`, productForm({ certifications: [], descriptionZh: changed, descriptionPt: own }))).status).toBe(200);
    const stale = await (await reader.get(`/en/products/${productId}`)).text();
    expect(stale).toContain(changed);
    expect(stale).not.toContain("[en] 您好，适用于客厅和卧室。");
    expect(stale).toContain("Not translated yet: a translation is on its way");
    expect(await drain()).toMatchObject({ translated: 1, failed: 0 });
    const remade = await (await reader.get(`/en/products/${productId}`)).text();
    expect(remade).toContain("[en] 您好，适用于办公室。");
    expect(remade).toContain("Machine translation: not the author&#x27;s text");
    expect((await reader.get(`${PT}/products/${productId}`)).status).toBe(200);
    expect(await (await reader.get(`${PT}/products/${productId}`)).text()).toContain(own);
  }, 180_000);

  it("translates the firm's description on its public page, from the profile editor", async () => {
    translator.mode = "ok";
    const place = await createTownWithCluster();
    const supplier = await createSupplier({ locale: "zh-CN", townId: place.town.id, clusterId: place.cluster.id });
    const member = await clientFor(supplier.member, "zh-CN");
    const firm = await prisma.firm.findUniqueOrThrow({ where: { id: supplier.firm.id }, select: { slug: true, name: true } });
    const names = firm.name as Record<"zh-CN" | "en", { text: string }>;
    const saved = await member.post(
      `/zh-CN/catalog/firms/${supplier.firm.id}`,
      { nameZh: names["zh-CN"].text, nameEn: names.en.text, descriptionZh: "您好，专业生产灯饰二十年。", townId: place.town.id, clusterId: place.cluster.id, languages: ["zh"] },
    );
    expect(saved.status).toBe(200);
    expect(await prisma.translationJob.count({ where: { sourceKind: "firm.description", sourceId: supplier.firm.id } })).toBe(2);
    expect(await drain()).toMatchObject({ failed: 0 });
    const html = await (await new TestClient(server.url).get(`${PT}/firms/${firm.slug}`)).text();
    expect(html).toContain("[pt] Olá，专业生产");
    expect(html).toContain("Tradução automática");
    expect(html).toMatch(/<summary>Mostrar original<\/summary><p lang="zh">您好，专业生产灯饰二十年。<\/p>/);
  }, 180_000);

  it("goes through the same checks as messages: an engine answering HTML, 500 or a huge text is retried and the original shown, never a 500", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const member = await clientFor(supplier.member, "zh-CN");
    const reader = new TestClient(server.url);
    const original = "您好，防水等级IP65。";
    const productId = await newProduct(member, supplier.firm.id, { descriptionZh: original });
    let now = new Date();
    for (const [mode, error] of [
      ["html", /markup/],
      ["500", /answered 500/],
      ["huge", /too-long/],
    ] as const) {
      translator.mode = mode;
      await drainTranslationJobs({ now, limit: 100 });
      const rows = await prisma.translationJob.findMany({ where: { sourceKind: "product.description", sourceId: productId } });
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.status).toBe("PENDING");
        expect(row.lastError).toMatch(error);
      }
      const page = await reader.get(`${PT}/products/${productId}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(original);
      expect(html).not.toContain("Tradução automática");
      now = new Date(Math.max(...rows.map((row) => row.nextAttemptAt.getTime())) + 1);
    }
    translator.mode = "ok";
    expect(await drainTranslationJobs({ now, limit: 100 })).toMatchObject({ translated: 2 });
    expect(await (await reader.get(`${PT}/products/${productId}`)).text()).toContain("[pt] Olá，防水等级IP65。");
  }, 180_000);

  it("with no engine configured, asks for nothing and shows the original marked 'not translated', never a 500", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const member = await clientFor(supplier.member, "zh-CN");
    const productId = await newProduct(member, supplier.firm.id, { descriptionZh: "您好，无引擎。" });
    const { description } = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { description: true } });
    // The server under test was started with an engine (its build reads the environment once); the same code in
    // this process reads it again with TRANSLATE_URL unset.
    delete process.env.TRANSLATE_URL;
    resetEnvCache();
    try {
      await prisma.$transaction((tx) => requestLocalizedTranslations(tx, { kind: "product.description", id: "no-engine", field: "description" }, description));
      expect(await prisma.translationJob.count({ where: { sourceId: "no-engine" } })).toBe(0);
      expect(await localizedView("product.description", "description", productId, description, "pt-BR")).toEqual({ text: "您好，无引擎。", language: "zh-CN", translation: { state: "none" } });
    } finally {
      process.env.TRANSLATE_URL = translator.url;
      resetEnvCache();
    }
    // No translation will come (no job): the page shows the original, marked.
    await prisma.translationJob.deleteMany({ where: { sourceKind: "product.description", sourceId: productId } });
    const page = await new TestClient(server.url).get(`${PT}/products/${productId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("您好，无引擎。");
    expect(html).toContain("Não traduzido");
  }, 180_000);
});

describe("notices written only in Chinese", () => {
  it("reach a Portuguese-reading firm member translated on the notice page, the archive and in the mail, with the original", async () => {
    translator.mode = "ok";
    const place = await createTownWithCluster();
    const supplier = await createSupplier({ locale: "pt", townId: place.town.id, clusterId: place.cluster.id });
    const staff = await createUser("BUREAU_STAFF");
    const bureau = await clientFor(staff, "en");
    const bodyZh = "您好！各有关企业：补贴申报截止十二月三十一日。";
    const created = await bureau.post(
      "/en/bureau/notices/new",
      form({ titleZh: "您好 出口补贴通知", bodyZh, category: "subsidy", department: "中山市商务局", isPublic: "on", clusterIds: [place.cluster.id] }),
    );
    expect(created.status, await created.clone().text().then((text) => text.slice(0, 300))).toBe(302);
    const noticeId = created.headers.get("location")!.split("/").pop()!;
    expect((await bureau.post(`/en/bureau/notices/${noticeId}`, { intent: "sendNow" })).status).toBe(200);
    // The in-app notice at once; the mail waits for the translation.
    expect(await prisma.notification.count({ where: { userId: supplier.member.id } })).toBe(1);
    expect(await prisma.translationMailHold.count({ where: { userId: supplier.member.id } })).toBe(1);
    expect(await prisma.mailOutbox.count({ where: { userId: supplier.member.id } })).toBe(0);

    expect(await drain()).toMatchObject({ failed: 0, parked: 0 });
    expect(await releaseHeldMails()).toBe(1);
    await drainMailOutbox();
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email));
    expect(mail.text).toContain(`> ${bodyZh}`);
    expect(mail.text).toContain("Tradução automática: não é o texto do autor:\n> [pt] Olá！各有关企业");
    expect(mail.html).toContain("[pt] Olá！各有关企业");

    const member = await clientFor(supplier.member, "pt-BR");
    const page = await (await member.get(`${PT}/notices/${noticeId}`)).text();
    expect(page).toContain("[pt] Olá 出口补贴通知");
    expect(page).toContain("[pt] Olá！各有关企业");
    expect(page).toContain("Tradução automática: não é o texto do autor");
    expect(page).toContain("您好 出口补贴通知");
    expect(page).toMatch(/<summary>Mostrar original<\/summary><p class="notice-body" lang="zh">您好！各有关企业/);

    const archive = await (await new TestClient(server.url).get(`${PT}/notices`)).text();
    expect(archive).toContain("[pt] Olá 出口补贴通知");
    expect(archive).toContain("Tradução automática");
    expect(archive).toContain("您好 出口补贴通知");
  }, 180_000);
});
