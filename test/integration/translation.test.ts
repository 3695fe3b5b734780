import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { drainTranslationJobs, requestTranslations } from "~/modules/translation/translation.server";
import { MAIL_WAIT_MS, releaseHeldMails } from "~/modules/translation/mail-hold.server";
import { MAX_TRANSLATION_ATTEMPTS, translationBackoffMs } from "~/modules/translation/answer";
import { createUser } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startTestTranslator, type TestTranslator } from "../support/libretranslate";

/**
 * Machine translation over the real HTTP stack: a LibreTranslate stand-in
 * (the adapter is the production code), mail to a real SMTP server. A
 * Brazilian buyer writes in Portuguese, the firm reads Chinese marked as
 * machine translation with the original one click away, and the other way;
 * an engine that fails is retried, then parked for the bureau; never a 500.
 */
let server: TestServer;
let smtp: TestSmtpServer;
let translator: TestTranslator;

beforeAll(async () => {
  smtp = await startSmtpServer();
  translator = await startTestTranslator({ apiKey: "secret-key" });
  process.env.SMTP_URL = smtp.url;
  process.env.TRANSLATE_URL = translator.url;
  process.env.TRANSLATE_API_KEY = "secret-key";
  process.env.TRANSLATE_TIMEOUT_MS = "4000";
  resetEnvCache();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await smtp?.stop();
  await translator?.stop();
  for (const name of ["SMTP_URL", "TRANSLATE_URL", "TRANSLATE_API_KEY", "TRANSLATE_TIMEOUT_MS"]) delete process.env[name];
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

async function openInquiry(buyer: TestClient, firmId: string, productId: string, message: string) {
  const response = await buyer.post(
    "/pt-BR/inquiries/new",
    form({ firmId, productIds: [productId], quantity: "500", unit: "pieces", incoterm: "FOB", destinationCountry: "BR", message }),
  );
  const match = (response.headers.get("Location") ?? "").match(/\/inquiries\/([^/?]+)\?sent=1$/);
  expect(match, `redirect to the new thread, got ${response.status}`).not.toBeNull();
  return match![1];
}

const buyerMessage = "Olá! Preciso de luminária de teto LED, 500 peças, com entrega em Santos.";

describe("a conversation across languages", () => {
  it("shows the firm the buyer's Portuguese in Chinese, marked, original one click away, and the buyer the firm's Chinese in Portuguese; mails carry both", async () => {
    translator.mode = "ok";
    const supplier = await createSupplier({ locale: "zh-CN" });
    const { user: buyerUser } = await createBuyer({ locale: "pt" });
    const buyer = await clientFor(buyerUser, "pt-BR");
    const firm = await clientFor(supplier.member, "zh-CN");

    const inquiryId = await openInquiry(buyer, supplier.firm.id, supplier.products[0].id, buyerMessage);
    // The notice is there at once; the mail waits for the translation.
    expect(await prisma.notification.count({ where: { userId: supplier.member.id, inquiryId } })).toBe(1);
    expect(await prisma.mailOutbox.count({ where: { userId: supplier.member.id } })).toBe(0);
    expect(await prisma.translationMailHold.count({ where: { userId: supplier.member.id } })).toBe(1);

    // The page never waits: before the engine ran, the original is shown, marked as on its way.
    const before = await firm.get(`/zh-CN/inquiries/${inquiryId}`);
    expect(before.status).toBe(200);
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain("Olá! Preciso de luminária de teto LED");
    expect(beforeHtml).toContain("尚未翻译：译文正在生成");

    expect(await drainTranslationJobs()).toMatchObject({ translated: 1, failed: 0, parked: 0 });
    // The glossary term went to the engine as a placeholder and came back as the vocabulary's Chinese.
    const sent = translator.requests.at(-1)!;
    expect(sent).toMatchObject({ source: "pt", target: "zh", format: "text", api_key: "secret-key" });
    expect(sent.q).toContain("⟦0⟧");
    expect(sent.q).not.toContain("luminária de teto");

    const html = await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text();
    expect(html).toContain("[zh] 您好! 我需要 吸顶灯 LED, 500 peças, 交货地桑托斯.");
    expect(html).toContain("机器翻译：并非作者原文");
    expect(html).toMatch(/<details[^>]*><summary>查看原文<\/summary><p class="message__body" lang="pt">Olá! Preciso de luminária de teto LED/);

    // The mail to the firm: the original, then the marked translation.
    expect(await releaseHeldMails()).toBe(1);
    await drainMailOutbox();
    const toFirm = await smtp.waitFor((mail) => recipientsOf(mail).includes(supplier.member.email));
    expect(toFirm.text).toContain("> Olá! Preciso de luminária de teto LED");
    expect(toFirm.text).toContain("机器翻译：并非作者原文:\n> [zh] 您好! 我需要 吸顶灯 LED");
    expect(toFirm.html).toContain("[zh] 您好! 我需要 吸顶灯 LED");
    // The in-app notice got the translation too.
    const notices = await (await firm.get("/zh-CN/notifications")).text();
    expect(notices).toContain("[zh] 您好! 我需要 吸顶灯 LED");
    expect(notices).toContain("查看原文");

    // The firm answers in Chinese; the buyer reads Portuguese, marked, in the thread and in the mail.
    const reply = await firm.post(`/zh-CN/inquiries/${inquiryId}`, form({ intent: "message", body: "您好！FOB 价格每件 11.80 美元，交期 25 天。" }));
    expect(reply.status).toBe(200);
    expect(await drainTranslationJobs()).toMatchObject({ translated: 1 });
    expect(await releaseHeldMails()).toBe(1);
    await drainMailOutbox();
    const toBuyer = await smtp.waitFor((mail) => recipientsOf(mail).includes(buyerUser.email));
    expect(toBuyer.text).toContain("> 您好！FOB 价格每件 11.80 美元");
    expect(toBuyer.text).toContain("Tradução automática: não é o texto do autor:\n> [pt] Olá！FOB preço por peça 11.80 美元");
    const buyerHtml = await (await buyer.get(`/pt-BR/inquiries/${inquiryId}`)).text();
    expect(buyerHtml).toContain("[pt] Olá！FOB preço por peça 11.80 美元");
    expect(buyerHtml).toContain("Tradução automática");
    expect(buyerHtml).toContain("Mostrar original");
    // One's own message is shown as written, with no mark.
    expect(buyerHtml).toContain(buyerMessage);

    // Made once: reading again or running the loop again asks the engine nothing more.
    const asked = translator.requests.length;
    expect(await drainTranslationJobs()).toMatchObject({ translated: 0 });
    await buyer.get(`/pt-BR/inquiries/${inquiryId}`);
    expect(translator.requests.length).toBe(asked);

    // The firm replaces the machine's Portuguese with its own, which then counts as authored.
    const firmThread = await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text();
    expect(firmThread).toContain("对方看到的译文");
    expect(firmThread).toContain("[pt] Olá！FOB preço por peça");
    const answer = await prisma.inquiryMessage.findFirstOrThrow({ where: { inquiryId, side: "FIRM" } });
    const own = "Olá! O preço FOB é de 11,80 dólares por peça, com prazo de 25 dias.";
    const saved = await firm.post(`/zh-CN/inquiries/${inquiryId}`, form({ intent: "translation", messageId: answer.id, targetLang: "pt", text: own }));
    expect(saved.status).toBe(200);
    const authoredHtml = await (await buyer.get(`/pt-BR/inquiries/${inquiryId}`)).text();
    expect(authoredHtml).toContain(own);
    expect(authoredHtml).toContain("Tradução escrita pelo autor");
    expect(authoredHtml).not.toContain("[pt] Olá！FOB");
    // Only the message's own side may; odd values are refused, never a 500.
    expect((await buyer.post(`/pt-BR/inquiries/${inquiryId}`, form({ intent: "translation", messageId: answer.id, targetLang: "pt", text: "sequestro" }))).status).toBe(404);
    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, form({ intent: "translation", messageId: answer.id, targetLang: "../../x", text: own }))).status).toBe(400);
    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, form({ intent: "translation", messageId: answer.id, targetLang: "pt", text: "   " }))).status).toBe(400);
    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, form({ intent: "translation", messageId: answer.id, targetLang: "pt", text: "x".repeat(20_001) }))).status).toBe(400);
    // The engine never overwrites it.
    await prisma.$transaction((tx) => requestTranslations(tx, { kind: "inquiry.message", id: answer.id, field: "body", language: "zh" }, ["pt"]));
    expect(await drainTranslationJobs()).toMatchObject({ translated: 0, skipped: 1 });
    expect(await (await buyer.get(`/pt-BR/inquiries/${inquiryId}`)).text()).toContain(own);
  }, 180_000);
});

describe("a request in words", () => {
  it("reaches the firm in Chinese, marked, with the buyer's Portuguese one click away", async () => {
    translator.mode = "ok";
    const supplier = await createSupplier({ locale: "zh-CN" });
    const { user: buyerUser } = await createBuyer({ locale: "pt" });
    const buyer = await clientFor(buyerUser, "pt-BR");
    const created = await buyer.post("/pt-BR/account/requests/new", new URLSearchParams({ title: "Preciso de luminária de teto LED", titleLocale: "pt", visibility: "PUBLIC" }));
    expect(created.status).toBe(302);
    const request = await prisma.sourcingRequest.findFirstOrThrow({ where: { buyerCompanyId: buyerUser.buyerCompanyId! } });
    expect(request.hsCodes).toEqual([]);
    const firm = await clientFor(supplier.member, "zh-CN");
    const page = `/zh-CN/catalog/firms/${supplier.firm.id}/requests/${request.id}`;
    expect(await (await firm.get(page)).text()).toContain("尚未翻译：译文正在生成");
    expect(await drainTranslationJobs()).toMatchObject({ translated: 2, failed: 0 });
    const html = await (await firm.get(page)).text();
    expect(html).toContain("[zh] 我需要 吸顶灯 LED");
    expect(html).toContain("机器翻译：并非作者原文");
    expect(html).toMatch(/<summary>查看原文<\/summary><p lang="pt">Preciso de luminária de teto LED<\/p>/);
  }, 180_000);
});

describe("an engine that fails", () => {
  it("is retried on a timeout, a 500, HTML and a huge answer, then parked for the bureau; the original is shown throughout and the mail goes without translation", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const { user: buyerUser } = await createBuyer({ locale: "pt" });
    const buyer = await clientFor(buyerUser, "pt-BR");
    const firm = await clientFor(supplier.member, "zh-CN");
    const inquiryId = await openInquiry(buyer, supplier.firm.id, supplier.products[0].id, "Olá, qual é o prazo de entrega para o Brasil?");
    const job = await prisma.translationJob.findFirstOrThrow({ where: { sourceKind: "inquiry.message", targetLang: "zh", sourceId: { in: (await prisma.inquiryMessage.findMany({ where: { inquiryId }, select: { id: true } })).map((m) => m.id) } } });

    let now = new Date();
    const failures: [TestTranslator["mode"], RegExp][] = [
      ["timeout", /timeout/],
      ["500", /answered 500/],
      ["html", /markup/],
      ["huge", /too-long/],
    ];
    for (const [mode, error] of failures) {
      translator.mode = mode;
      expect(await drainTranslationJobs({ now })).toMatchObject({ translated: 0, failed: 1 });
      const row = await prisma.translationJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.status).toBe("PENDING");
      expect(row.lastError).toMatch(error);
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + translationBackoffMs(row.attempts));
      // Never a 500, and the original stays readable.
      const page = await firm.get(`/zh-CN/inquiries/${inquiryId}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Olá, qual é o prazo de entrega para o Brasil?");
      now = new Date(row.nextAttemptAt.getTime() + 1);
    }
    // Switched off mid-run: refused connections are failures like the others, until the job is parked.
    translator.mode = "500";
    for (let attempt = failures.length + 1; attempt <= MAX_TRANSLATION_ATTEMPTS; attempt++) {
      const result = await drainTranslationJobs({ now });
      expect(result.failed + result.parked).toBe(1);
      now = new Date((await prisma.translationJob.findUniqueOrThrow({ where: { id: job.id } })).nextAttemptAt.getTime() + 1);
    }
    expect(await prisma.translationJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "PARKED", attempts: MAX_TRANSLATION_ATTEMPTS });
    expect(await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text()).toContain("未翻译");

    // No translation will come: the held mail goes with the original only.
    expect(await releaseHeldMails()).toBe(1);
    await drainMailOutbox();
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email));
    expect(mail.text).toContain("> Olá, qual é o prazo de entrega para o Brasil?");
    expect(mail.text).not.toContain("机器翻译");

    // The bureau sees the parked job and sends it back; the engine works again.
    const bureauUser = await createUser("BUREAU_STAFF");
    const bureau = await clientFor(bureauUser, "en");
    const page = await bureau.get("/en/bureau/translations");
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("Inquiry message");
    expect(pageHtml).toContain("engine answered 500");
    expect((await bureau.post("/en/bureau/translations", new URLSearchParams({ intent: "retry", jobId: "99999999999" }))).status).toBe(200);
    expect((await bureau.post("/en/bureau/translations", new URLSearchParams({ intent: "retry", jobId: "x'; DROP" }))).status).toBe(400);
    const retried = await bureau.post("/en/bureau/translations", new URLSearchParams({ intent: "retry", jobId: String(job.id) }));
    expect(await retried.text()).toContain("1 job sent back to the queue.");
    expect(await prisma.auditEvent.count({ where: { entityType: "translationJob", entityId: String(job.id), action: "retry" } })).toBe(1);
    translator.mode = "ok";
    expect(await drainTranslationJobs()).toMatchObject({ translated: 1 });
    expect(await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text()).toContain("[zh] 您好, qual é o prazo de entrega para o Brasil?");
  }, 180_000);

  it("releases a held mail without translation when the wait is over", async () => {
    translator.mode = "timeout";
    const supplier = await createSupplier({ locale: "zh-CN" });
    const { user: buyerUser } = await createBuyer({ locale: "pt" });
    const buyer = await clientFor(buyerUser, "pt-BR");
    await openInquiry(buyer, supplier.firm.id, supplier.products[0].id, "Bom dia, podem enviar o catálogo completo?");
    await drainTranslationJobs();
    expect(await releaseHeldMails()).toBe(0);
    expect(await releaseHeldMails({ now: new Date(Date.now() + MAIL_WAIT_MS + 1000) })).toBe(1);
    await drainMailOutbox();
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email));
    expect(mail.text).toContain("Bom dia, podem enviar o catálogo completo?");
    translator.mode = "ok";
  }, 180_000);

  it("leaves a language the engine does not support as it is, marked not translated, and translates a 20,000-character text in parts", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const { user: buyerUser } = await createBuyer({ locale: "pt" });
    const buyer = await clientFor(buyerUser, "pt-BR");
    const firm = await clientFor(supplier.member, "zh-CN");
    const inquiryId = await openInquiry(buyer, supplier.firm.id, supplier.products[0].id, "Olá, uma cotação por favor.");
    await drainTranslationJobs();
    const long = "Precisamos de luminárias para lojas em São Paulo e no Rio de Janeiro. ".repeat(300).slice(0, 20_000);
    const [spanish, longMessage] = await Promise.all([
      prisma.inquiryMessage.create({ data: { inquiryId, side: "BUYER", body: "Hola, necesitamos un presupuesto para lámparas de techo.", language: "es", languageSource: "detected" } }),
      prisma.inquiryMessage.create({ data: { inquiryId, side: "BUYER", body: long, language: "pt", languageSource: "detected" } }),
    ]);
    await prisma.$transaction(async (tx) => {
      await requestTranslations(tx, { kind: "inquiry.message", id: spanish.id, field: "body", language: "es" }, ["zh"]);
      await requestTranslations(tx, { kind: "inquiry.message", id: longMessage.id, field: "body", language: "pt" }, ["zh"]);
    });
    const before = translator.requests.length;
    expect(await drainTranslationJobs()).toMatchObject({ translated: 1, skipped: 1, failed: 0 });
    const parts = translator.requests.slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    expect(parts.map((part) => part.q).join(" ").length).toBeGreaterThanOrEqual(19_000);
    const stored = await prisma.translation.findUniqueOrThrow({ where: { sourceKind_sourceId_field_targetLang: { sourceKind: "inquiry.message", sourceId: longMessage.id, field: "body", targetLang: "zh" } } });
    expect(stored.text.split("[zh]").length - 1).toBe(parts.length);
    expect(stored.text.length).toBeGreaterThan(20_000);
    const html = await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text();
    expect(html).toContain("Hola, necesitamos un presupuesto");
    expect(html).toMatch(/Hola, necesitamos un presupuesto para lámparas de techo\.<\/p><p class="translated__mark muted"><small>未翻译/);
    expect(await prisma.translationJob.findFirstOrThrow({ where: { sourceId: spanish.id } })).toMatchObject({ status: "DONE", lastError: "language not supported: es → zh" });
  }, 180_000);
});
