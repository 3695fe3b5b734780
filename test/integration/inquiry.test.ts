import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { getFirmResponseStats } from "~/modules/inquiry/response-stats.server";
import { inquiryLimits } from "~/modules/inquiry/limits.server";
import { recordHit } from "~/utils/rate-limit.server";
import { createUser } from "../support/factories";
import { createBuyer, createSupplier, fakePng, samplePdf, samplePng } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * Inquiries over the real HTTP stack, with mail delivered to a real SMTP
 * server started here: a buyer (Portuguese) asks, a firm (Chinese) answers,
 * and every refusal the issue lists is proven.
 */
let server: TestServer;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Ponte <no-reply@ponte.test>";
  resetEnvCache();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});

async function clientFor(user: { email: string; password: string }, locale = "en") {
  const client = new TestClient(server.url);
  await signIn(client, user.email, user.password, locale);
  return client;
}

function inquiryForm(fields: Record<string, string | string[]>, files: { name: string; bytes: Buffer; type: string }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  for (const file of files) form.append("attachment", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

function inquiryIdFrom(response: Response) {
  const location = response.headers.get("Location") ?? "";
  const match = location.match(/\/inquiries\/([^/?]+)\?sent=1$/);
  expect(match, `redirect to the new thread, got ${response.status} ${location}`).not.toBeNull();
  return match![1];
}

const portugueseMessage = "Olá! Gostaríamos de receber uma cotação para 500 luminárias de teto LED com certificação INMETRO, entrega em Santos.";

async function openInquiry(buyer: TestClient, firmId: string, productIds: string[], message = portugueseMessage, lang = "pt-PT") {
  const response = await buyer.post(
    `/${lang}/inquiries/new?firm=${firmId}`,
    inquiryForm({ firmId, productIds, quantity: "500", unit: "pieces", targetPriceUsd: "12.50", incoterm: "FOB", destinationCountry: "BR", message }),
  );
  return inquiryIdFrom(response);
}

describe("an inquiry from a Portuguese-speaking buyer to a Chinese firm", () => {
  it("is sent, notified by e-mail in each recipient's language, answered, read and moved along", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const colleague = await createUser("FIRM_MEMBER", { firmId: supplier.firm.id, locale: "en" });
    const { user: buyerUser } = await createBuyer({ locale: "pt-PT" });
    const buyer = await clientFor(buyerUser, "pt-BR");

    const form = await buyer.get(`/pt-PT/inquiries/new?firm=${supplier.firm.id}&product=${supplier.products[0].id}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain("Pedir cotação");
    expect(formHtml).toContain(`checked="" value="${supplier.products[0].id}"`);
    expect(formHtml).not.toContain(`checked="" value="${supplier.products[1].id}"`);

    const sent = await buyer.post(
      "/pt-PT/inquiries/new",
      inquiryForm(
        { firmId: supplier.firm.id, productIds: [supplier.products[0].id, supplier.products[1].id], quantity: "500", unit: "pieces", targetPriceUsd: "12.50", incoterm: "FOB", destinationCountry: "BR", message: portugueseMessage },
        [{ name: "desenho.pdf", bytes: samplePdf, type: "application/pdf" }],
      ),
    );
    const inquiryId = inquiryIdFrom(sent);

    // Both members of the firm get an in-app notice and a mail in their own language.
    expect(await prisma.notification.count({ where: { inquiryId, kind: "inquiry.new" } })).toBe(2);
    expect((await drainMailOutbox()).sent).toBe(2);
    const chinese = await smtp.waitFor((mail) => recipientsOf(mail).includes(supplier.member.email));
    expect(chinese.subject).toContain("新询盘");
    expect(chinese.headers.get("content-language")).toBe("zh-CN");
    expect(chinese.text).toContain("在 Ponte 中查看");
    expect(chinese.text).toContain(`/zh-CN/inquiries/${inquiryId}`);
    const english = await smtp.waitFor((mail) => recipientsOf(mail).includes(colleague.email));
    expect(english.subject).toContain("New inquiry from");
    expect(english.text).toContain(`/en/inquiries/${inquiryId}`);

    // The firm's inbox shows it unread; the header counts the notice.
    const firm = await clientFor(supplier.member, "zh-CN");
    const inboxHtml = await (await firm.get("/zh-CN/inquiries")).text();
    expect(inboxHtml).toContain(`/zh-CN/inquiries/${inquiryId}`);
    expect(inboxHtml).toContain("新消息");
    expect(inboxHtml).toContain("通知，1 条未读");

    // The thread: terms, the language the buyer wrote in, the attachment; the buyer's message not yet read.
    const beforeRead = await (await buyer.get(`/pt-PT/inquiries/${inquiryId}`)).text();
    expect(beforeRead).toContain("Ainda não lida");
    const threadHtml = await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text();
    expect(threadHtml).toContain("使用语言：葡萄牙语");
    expect(threadHtml).toContain("desenho.pdf");
    expect(threadHtml).toContain("FOB");
    expect(await prisma.notification.count({ where: { userId: supplier.member.id, readAt: null } })).toBe(0);
    const afterRead = await (await buyer.get(`/pt-PT/inquiries/${inquiryId}`)).text();
    expect(afterRead).toContain("✓✓ Lida");

    const attachment = await prisma.inquiryAttachment.findFirstOrThrow({ where: { message: { inquiryId } } });
    expect(attachment.contentType).toBe("application/pdf");
    const download = await firm.get(`/zh-CN/inquiries/${inquiryId}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(samplePdf)).toBe(true);

    // The firm answers in Chinese: the buyer hears of it in Portuguese.
    const reply = await firm.post(`/zh-CN/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "您好！FOB 中山价格为每件 11.80 美元，交期 25 天，可提供 INMETRO 证书。" }));
    expect(reply.status).toBe(200);
    await drainMailOutbox();
    const portuguese = await smtp.waitFor((mail) => recipientsOf(mail).includes(buyerUser.email));
    expect(portuguese.subject).toContain("Nova mensagem");
    expect(portuguese.headers.get("content-language")).toBe("pt-PT");
    expect(portuguese.text).toContain("FOB 中山价格");
    const buyerThread = await (await buyer.get(`/pt-PT/inquiries/${inquiryId}`)).text();
    expect(buyerThread).toContain("Escrito em chinês");

    // The firm marks it quoted: a status event in the thread and a notice to the buyer.
    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "status", status: "QUOTED" })).status).toBe(200);
    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).status).toBe("QUOTED");
    const statusNotice = await (await buyer.get("/pt-PT/notifications")).text();
    expect(statusNotice).toContain("alterou o estado do seu pedido de cotação para “Cotado”");

    // Response figures of the firm moved with the answer.
    const stats = await getFirmResponseStats(supplier.firm.id);
    expect(stats).toMatchObject({ inquiries: 1, answered: 1, withinHours: 1, answerRatePercent: 100 });

    // The firm's public page shows them, with the way in for buyers (not for the firm itself).
    const firmPage = await (await buyer.get(`/pt-PT/firms/${supplier.firm.slug}`)).text();
    expect(firmPage).toContain(`href="/pt-PT/inquiries/new?firm=${supplier.firm.id}"`);
    expect(firmPage).toContain("Costuma responder em 1 hora");
    expect(firmPage).toContain("Responde a 100% dos pedidos");
    const productPage = await (await buyer.get(`/pt-PT/products/${supplier.products[0].id}`)).text();
    expect(productPage).toContain(`href="/pt-PT/inquiries/new?product=${supplier.products[0].id}"`);
    const ownPage = await (await firm.get(`/zh-CN/firms/${supplier.firm.slug}`)).text();
    expect(ownPage).toContain("通常在 1 小时内回复");
    expect(ownPage).not.toContain("/zh-CN/inquiries/new");
  });

  it("respects a user who turned a kind of e-mail off (the in-app notice still arrives)", async () => {
    const supplier = await createSupplier();
    const { user: buyerUser } = await createBuyer();
    const buyer = await clientFor(buyerUser, "pt-BR");
    const account = await (await buyer.get("/pt-PT/account")).text();
    expect(account).toContain("Notificações por e-mail");
    // Keep status mails, drop message mails.
    const saved = await buyer.post("/pt-PT/notifications/preferences", { email: "inquiry.status" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/pt-PT/account?preferences=saved#notification-preferences");

    const inquiryId = await openInquiry(buyer, supplier.firm.id, [supplier.products[0].id]);
    const firm = await clientFor(supplier.member, "zh-CN");
    await firm.post(`/zh-CN/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "可以。" }));
    expect(await prisma.notification.count({ where: { userId: buyerUser.id, kind: "inquiry.message" } })).toBe(1);
    expect(await prisma.mailOutbox.count({ where: { userId: buyerUser.id } })).toBe(0);
    await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "status", status: "SAMPLE_SENT" });
    expect(await prisma.mailOutbox.count({ where: { userId: buyerUser.id } })).toBe(1);
  });
});

describe("who may read a thread", () => {
  let inquiryId: string;
  let attachmentId: string;
  let supplier: Awaited<ReturnType<typeof createSupplier>>;

  beforeAll(async () => {
    supplier = await createSupplier();
    const { user } = await createBuyer();
    const buyer = await clientFor(user, "pt-BR");
    const response = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: portugueseMessage }, [{ name: "foto.png", bytes: samplePng, type: "image/png" }]),
    );
    inquiryId = inquiryIdFrom(response);
    attachmentId = (await prisma.inquiryAttachment.findFirstOrThrow({ where: { message: { inquiryId } } })).id;
  });

  it("refuses another buyer, another firm and the bureau (before a report) with 404, for the thread and its files", async () => {
    const strangers = [
      await createBuyer().then((b) => clientFor(b.user)),
      await createSupplier().then((s) => clientFor(s.member)),
      await createUser("BUREAU_STAFF").then((u) => clientFor(u)),
    ];
    for (const stranger of strangers) {
      expect((await stranger.get(`/en/inquiries/${inquiryId}`)).status).toBe(404);
      expect((await stranger.get(`/en/inquiries/${inquiryId}/attachments/${attachmentId}`)).status).toBe(404);
      expect((await stranger.post(`/en/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "intruso" }))).status).toBe(404);
    }
    expect(await prisma.inquiryMessage.count({ where: { inquiryId, body: "intruso" } })).toBe(0);
  });

  it("sends an anonymous visitor to sign in, for the thread and its files", async () => {
    const anonymous = new TestClient(server.url);
    for (const path of [`/en/inquiries/${inquiryId}`, `/en/inquiries/${inquiryId}/attachments/${attachmentId}`, "/en/inquiries", "/en/inquiries/new"]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/en\/login\?redirectTo=/);
    }
  });

  it("lets bureau staff read a reported thread (and its files), but not write in it", async () => {
    const staff = await createUser("BUREAU_STAFF", { locale: "zh-CN" });
    const firm = await clientFor(supplier.member, "zh-CN");
    const reported = await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "report", reason: "对方发送可疑链接" });
    expect(reported.status).toBe(200);
    expect(await prisma.notification.count({ where: { userId: staff.id, kind: "inquiry.reported" } })).toBe(1);

    const bureau = await clientFor(staff, "zh-CN");
    const page = await bureau.get(`/zh-CN/inquiries/${inquiryId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("此询盘已被举报");
    expect((await bureau.get(`/zh-CN/inquiries/${inquiryId}/attachments/${attachmentId}`)).status).toBe(200);
    expect((await bureau.post(`/zh-CN/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "bureau" }))).status).toBe(403);
    expect((await bureau.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "status", status: "WON" })).status).toBe(403);
    const reports = await (await bureau.get("/zh-CN/bureau/reports")).text();
    expect(reports).toContain("对方发送可疑链接");
  });

  it("lets only the firm change the status or block", async () => {
    const buyerUser = await prisma.user.findFirstOrThrow({ where: { buyerCompanyId: (await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).buyerCompanyId } });
    const buyer = await clientFor({ email: buyerUser.email, password: "correct horse battery staple" });
    expect((await buyer.post(`/en/inquiries/${inquiryId}`, { intent: "status", status: "WON" })).status).toBe(403);
    expect((await buyer.post(`/en/inquiries/${inquiryId}`, { intent: "block" })).status).toBe(403);
    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).status).toBe("OPEN");
  });
});

describe("bad input", () => {
  let supplier: Awaited<ReturnType<typeof createSupplier>>;
  let buyer: TestClient;

  beforeAll(async () => {
    supplier = await createSupplier();
    buyer = await clientFor((await createBuyer()).user, "pt-BR");
  });

  it("refuses an empty or huge message in the user's language and keeps what was typed", async () => {
    const empty = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, quantity: "750", message: "   " }));
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("Escreva uma mensagem.");
    expect(emptyHtml).toMatch(/name="quantity"[^>]*value="750"|value="750"[^>]*name="quantity"/);

    const huge = "Preço ".repeat(2000);
    const tooLong = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: huge }));
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(tooLongHtml).toContain("No máximo 5000 caracteres.");
    expect(tooLongHtml).toContain("Preço Preço Preço");
    expect(await prisma.inquiry.count({ where: { firmId: supplier.firm.id } })).toBe(0);
  });

  it("shows hostile HTML as text, never as markup", async () => {
    const hostile = `<script>alert("xss")</script><img src=x onerror=alert(1)> Olá, quero um orçamento para candeeiros.`;
    const inquiryId = await openInquiry(buyer, supplier.firm.id, [], hostile);
    const firm = await clientFor(supplier.member, "zh-CN");
    const html = await (await firm.get(`/zh-CN/inquiries/${inquiryId}`)).text();
    expect(html).not.toContain('<script>alert("xss")');
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    const notices = await (await firm.get("/zh-CN/notifications")).text();
    expect(notices).not.toContain('<script>alert("xss")');
    await drainMailOutbox();
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(supplier.member.email) && (m.text ?? "").includes("alert"));
    expect(mail.html).not.toContain('<script>alert("xss")');
    expect(mail.html).toContain("&lt;script&gt;");
  });

  it("refuses an attachment that lies about its type, keeping the typed text", async () => {
    const response = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Segue a foto do modelo pretendido." }, [{ name: "foto.png", bytes: fakePng, type: "image/png" }]),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("“foto.png” não é uma imagem nem um PDF");
    expect(html).toContain("Segue a foto do modelo pretendido.");
    expect(await prisma.inquiryAttachment.count()).toBeGreaterThanOrEqual(0);
    expect(await prisma.inquiry.count({ where: { firmId: supplier.firm.id, messages: { some: { body: { contains: "Segue a foto" } } } } })).toBe(0);
  });

  it("refuses a file over the size limit without losing the message", async () => {
    const big = Buffer.concat([samplePng, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const response = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Catálogo em anexo." }, [{ name: "grande.png", bytes: big, type: "image/png" }]),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("“grande.png” tem mais de 10 MB.");
    expect(html).toContain("Catálogo em anexo.");
  });

  it("refuses inquiries to unverified and suspended firms with a clear message", async () => {
    const pending = await createSupplier({ verification: "PENDING" });
    const form = await (await buyer.get(`/pt-PT/inquiries/new?firm=${pending.firm.id}`)).text();
    expect(form).toContain("ainda não foi verificada pelo departamento de comércio");
    const refused = await buyer.post(`/pt-PT/inquiries/new?firm=${pending.firm.id}`, inquiryForm({ firmId: pending.firm.id, message: "Bom dia, pedimos uma cotação." }));
    expect(refused.status).toBe(403);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("ainda não foi verificada pelo departamento de comércio");
    expect(refusedHtml).toContain("Bom dia, pedimos uma cotação.");

    const suspended = await createSupplier();
    await prisma.user.update({ where: { id: suspended.member.id }, data: { status: "SUSPENDED" } });
    const refusedSuspended = await buyer.post(`/pt-PT/inquiries/new?firm=${suspended.firm.id}`, inquiryForm({ firmId: suspended.firm.id, message: "Bom dia." }));
    expect(refusedSuspended.status).toBe(403);
    expect(await refusedSuspended.text()).toContain("A conta desta empresa está suspensa");
  });

  it("refuses a product of another firm and a bot that fills the honeypot", async () => {
    const other = await createSupplier();
    const wrong = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, productIds: [other.products[0].id], message: "Olá, cotação por favor." }));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("não é (ou já não é) oferecido por esta empresa");
    const bot = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Buy now", website: "http://spam.example" }));
    expect(bot.status).toBe(400);
    expect(await bot.text()).toContain("parece automático");
  });

  it("answers a body that is not a form with 415 or 400, never 500", async () => {
    const inquiryId = await openInquiry(buyer, supplier.firm.id, []);
    const json = await buyer.request(`/pt-PT/inquiries/${inquiryId}`, {
      method: "POST",
      body: JSON.stringify({ intent: "message", body: "Olá" }),
      headers: { Origin: server.url, "Content-Type": "application/json" },
    });
    expect(json.status).toBe(415);
    const broken = await buyer.request(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, {
      method: "POST",
      body: "--x\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nOlá",
      headers: { Origin: server.url, "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect([400, 413]).toContain(broken.status);
  });

  it("answers a missing or unknown firm with a message, not an error page", async () => {
    const none = await buyer.get("/pt-PT/inquiries/new");
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("Escolha primeiro uma empresa");
    const unknown = await buyer.get("/pt-PT/inquiries/new?firm=does-not-exist");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("Esta empresa não existe");
  });
});

describe("abuse control", () => {
  it("limits new inquiries per buyer and per address", async () => {
    const supplier = await createSupplier();
    const { user } = await createBuyer();
    const buyer = await clientFor(user, "pt-BR");
    for (let i = 0; i < inquiryLimits.perBuyerHour.max; i++) await recordHit(inquiryLimits.perBuyerHour, user.id);
    const limited = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Olá, mais um pedido de cotação." }));
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain("Enviou muitos pedidos em pouco tempo");
    expect(html).toContain("Olá, mais um pedido de cotação.");

    // Another buyer from the same address is limited by the address count.
    const other = await clientFor((await createBuyer()).user, "pt-BR");
    for (let i = 0; i < inquiryLimits.perAddressHour.max; i++) await recordHit(inquiryLimits.perAddressHour, "127.0.0.1");
    expect((await other.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Olá, pedido de cotação." }))).status).toBe(429);
    await prisma.rateLimitHit.deleteMany({ where: { bucket: inquiryLimits.perAddressHour.bucket } });
  });

  it("lets a firm block a buyer: no new inquiries and no messages, with a clear message", async () => {
    const supplier = await createSupplier();
    const { user } = await createBuyer();
    const buyer = await clientFor(user, "pt-BR");
    const inquiryId = await openInquiry(buyer, supplier.firm.id, []);
    const firm = await clientFor(supplier.member, "zh-CN");
    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "block" })).status).toBe(200);

    const again = await buyer.post(`/pt-PT/inquiries/new?firm=${supplier.firm.id}`, inquiryForm({ firmId: supplier.firm.id, message: "Olá de novo, cotação por favor." }));
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("Esta empresa não aceita pedidos da sua empresa.");
    const message = await buyer.post(`/pt-PT/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "Olá?" }));
    expect(message.status).toBe(403);
    expect(await message.text()).toContain("Esta empresa não aceita pedidos da sua empresa.");
    expect(await (await buyer.get(`/pt-PT/inquiries/${inquiryId}`)).text()).toContain("Esta empresa já não aceita mensagens da sua empresa.");

    expect((await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "unblock" })).status).toBe(200);
    expect((await buyer.post(`/pt-PT/inquiries/${inquiryId}`, inquiryForm({ intent: "message", body: "Obrigado!" }))).status).toBe(200);
  });

  it("lets the bureau suspend an account: its sessions end and it cannot sign in", async () => {
    const supplier = await createSupplier();
    const { user } = await createBuyer();
    const buyer = await clientFor(user, "pt-BR");
    const inquiryId = await openInquiry(buyer, supplier.firm.id, []);
    const firm = await clientFor(supplier.member, "zh-CN");
    await firm.post(`/zh-CN/inquiries/${inquiryId}`, { intent: "report", reason: "垃圾信息" });
    const staff = await clientFor(await createUser("BUREAU_STAFF"));

    // Staff accounts cannot be suspended from here, and buyers cannot suspend anyone.
    const otherStaff = await createUser("BUREAU_STAFF");
    expect((await staff.post("/en/bureau/reports", { intent: "suspend", userId: otherStaff.id })).status).toBe(403);
    expect((await buyer.post("/en/bureau/reports", { intent: "suspend", userId: supplier.member.id })).status).toBe(403);

    expect((await staff.post("/en/bureau/reports", { intent: "suspend", userId: user.id })).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await buyer.get("/pt-PT/inquiries");
    expect(after.status).toBe(302);
    const login = await new TestClient(server.url).post("/pt-PT/login", { email: user.email, password: user.password });
    expect(login.status).toBe(400);

    expect((await staff.post("/en/bureau/reports", { intent: "reinstate", userId: user.id })).status).toBe(200);
    expect((await new TestClient(server.url).post("/pt-PT/login", { email: user.email, password: user.password })).status).toBe(302);
  });
});

describe("the bureau's inquiry figures", () => {
  it("shows volumes and median response times by town, cluster and buyer country, never the content", async () => {
    const { createTownWithCluster } = await import("../support/inquiry-factories");
    const { town, cluster } = await createTownWithCluster({ zh: "小榄", en: "Xiaolan", pt: "Xiaolan" });
    const supplier = await createSupplier({ townId: town.id, clusterId: cluster.id });
    const secret = "Mensagem confidencial sobre preços";
    const ids = [];
    for (const country of ["AO", "AO", "MZ"]) {
      const buyer = await clientFor((await createBuyer({ country })).user, "pt-BR");
      ids.push(await openInquiry(buyer, supplier.firm.id, [], `${secret} ${country} para luminárias.`));
    }
    // Answered after 2 h and 4 h: median 3 h.
    for (const [index, hours] of [2, 4].entries()) {
      const inquiry = await prisma.inquiry.findUniqueOrThrow({ where: { id: ids[index] } });
      await prisma.inquiry.update({ where: { id: ids[index] }, data: { firstResponseAt: new Date(inquiry.createdAt.getTime() + hours * 3_600_000) } });
    }
    const staff = await clientFor(await createUser("BUREAU_STAFF"));
    const today = new Date().toISOString().slice(0, 10);
    const byTown = await staff.get(`/en/bureau/inquiries?from=${today}&to=${today}&by=town`);
    expect(byTown.status).toBe(200);
    const html = await byTown.text();
    const row = html.match(/<tr><th scope="row">Xiaolan<\/th>(.*?)<\/tr>/)?.[1] ?? "";
    expect(row).toMatch(/<td><span>3<\/span><\/td><td><span>2<\/span><\/td><td>67%<\/td><td>3<\/td>/);
    expect(html).toContain("<svg");
    expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<svg[^>]*style=|<rect[^>]*style=/);

    const byCountry = await (await staff.get(`/pt-PT/bureau/inquiries?from=${today}&to=${today}&by=country`)).text();
    expect(byCountry).toMatch(/Angola<\/th><td><span>2<\/span>/);
    const byCluster = await (await staff.get(`/zh-CN/bureau/inquiries?from=${today}&to=${today}&by=cluster`)).text();
    expect(byCluster).toContain("小榄灯饰");

    // An earlier period has none of them; buyers and firms may not look.
    const earlier = await (await staff.get("/en/bureau/inquiries?from=2020-01-01&to=2020-01-31")).text();
    expect(earlier).toContain("No inquiries in this period.");
    expect((await (await clientFor(supplier.member)).get("/en/bureau/inquiries")).status).toBe(403);
  });
});
