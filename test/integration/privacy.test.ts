import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { searchClient } from "~/modules/search/client.server";
import { liveIndexUid } from "~/modules/search/index-admin.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { deleteAccount } from "~/modules/privacy/deletion.server";
import { findAccountIdByEmail } from "~/modules/privacy/export.server";
import { isPseudonym } from "~/modules/privacy/pseudonym";
import { createUser } from "../support/factories";
import { createBuyer, createSupplier, samplePdf, samplePng } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Personal-data rights (issue 14), over the real HTTP stack, PGlite,
 * Meilisearch and the attachment store: a buyer and a firm member download
 * their data and delete their accounts, and nothing of them is left in the
 * rows they owned, in the index or in storage; their messages stay for the
 * other party, signed "deleted account".
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await reindexAll(["products", "firms", "requests"]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function clientFor(user: { email: string; password: string }, locale = "en") {
  const client = new TestClient(server.url);
  await signIn(client, user.email, user.password, locale);
  return client;
}

function multipart(fields: Record<string, string | string[]>, files: { name: string; bytes: Buffer; type: string }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  for (const file of files) form.append("attachment", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

/** Every entry of a ZIP, by name. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** Rows of any table whose text mentions one of the needles (an id, an e-mail, a name). */
async function tracesOf(needles: string[]): Promise<string[]> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    for (const needle of needles) {
      const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" t WHERE position(lower($1) in lower(row_to_json(t)::text)) > 0`,
        needle,
      );
      if (rows[0].n > 0) found.push(`${table}: ${needle}`);
    }
  }
  return found;
}

async function inIndex(entity: "products" | "firms" | "requests", id: string): Promise<boolean> {
  try {
    await searchClient().index(liveIndexUid(entity)).getDocument(id);
    return true;
  } catch {
    return false;
  }
}

const attachmentFile = (key: string) => path.join(getEnv().dataDir, "attachments", key.slice(0, 2), key);

describe("a buyer and a firm member export and delete their accounts", () => {
  it("leaves no trace of them in the rows they owned, the index or storage; their messages stay, signed 'deleted account'", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    // The firm keeps a member: it stays published with its products.
    const colleague = await createUser("FIRM_MEMBER", { firmId: supplier.firm.id, locale: "zh-CN" });
    const { user: buyerUser, company } = await createBuyer({ locale: "pt-PT" });
    await prisma.user.update({ where: { id: buyerUser.id }, data: { displayName: "Ana Apagada Souza" } });
    await prisma.user.update({ where: { id: supplier.member.id }, data: { displayName: "陈删除测试" } });
    const request = await prisma.sourcingRequest.create({
      data: { buyerCompanyId: company.id, createdById: buyerUser.id, title: { pt: { text: "Luminárias LED para Santos", origin: "author" } }, hsCodes: ["940511"] },
    });
    await enqueueSearchSync(prisma, "request", request.id);
    await enqueueSearchSync(prisma, "product", supplier.products.map((product) => product.id));

    const buyer = await clientFor(buyerUser, "pt-BR");
    const opened = await buyer.post(
      "/pt-PT/inquiries/new",
      multipart(
        { firmId: supplier.firm.id, productIds: [supplier.products[0].id], quantity: "500", unit: "pieces", incoterm: "FOB", destinationCountry: "BR", message: "Olá! Queremos uma cotação para 500 luminárias de teto LED, entrega em Santos." },
        [{ name: "desenho.pdf", bytes: samplePdf, type: "application/pdf" }],
      ),
    );
    const inquiryId = (opened.headers.get("Location") ?? "").match(/\/inquiries\/([^/?]+)\?sent=1$/)?.[1];
    expect(inquiryId, `inquiry sent: ${opened.status}`).toBeTruthy();
    const member = await clientFor(supplier.member, "zh-CN");
    const reply = await member.post(`/zh-CN/inquiries/${inquiryId}`, multipart({ intent: "message", body: "您好！FOB 中山每件 11.80 美元，附上产品图片。" }, [{ name: "产品.png", bytes: samplePng, type: "image/png" }]));
    expect(reply.status).toBe(200);
    await drainSearchOutboxFully();
    expect(await inIndex("requests", request.id)).toBe(true);

    const attachments = await prisma.inquiryAttachment.findMany({ where: { message: { inquiryId } }, include: { message: { select: { authorId: true } } } });
    expect(attachments).toHaveLength(2);
    for (const attachment of attachments) expect(fs.existsSync(attachmentFile(attachment.storageKey))).toBe(true);

    // Export: the JSON from the API, and the ZIP with the files the person sent.
    const api = await buyer.get("/api/v1/me/export");
    expect(api.status).toBe(200);
    expect(api.headers.get("cache-control")).toContain("no-store");
    const exported = (await api.json()) as { account: { email: string; privacyConsentVersion: string | null }; sourcingRequests: { id: string }[]; messages: { body: string; attachments: { fileName: string; path: string }[] }[]; buyerCompany: { id: string } };
    expect(exported.account.email).toBe(buyerUser.email);
    expect(exported.sourcingRequests.map((r) => r.id)).toEqual([request.id]);
    expect(exported.buyerCompany.id).toBe(company.id);
    expect(exported.messages).toHaveLength(1);
    expect(exported.messages[0].attachments[0].fileName).toBe("desenho.pdf");
    expect(JSON.stringify(exported)).not.toContain("passwordHash");

    const download = await member.get("/zh-CN/account/privacy/download");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="ponte-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    const zip = await unzip(Buffer.from(await download.arrayBuffer()));
    const data = JSON.parse(zip.get("data.json")!.toString("utf8")) as { account: { email: string }; firm: { id: string }; messages: { attachments: { path: string }[] }[] };
    expect(data.account.email).toBe(supplier.member.email);
    expect(data.firm.id).toBe(supplier.firm.id);
    const sentPath = data.messages[0].attachments[0].path;
    expect(sentPath).toMatch(/^files\/attachments\/.+-产品\.png$/);
    expect(zip.get(sentPath)!.equals(samplePng)).toBe(true);

    // Deletion, from the account page, with the password typed again.
    const wrong = await buyer.post("/pt-PT/account/privacy", { password: "not my password", confirm: "on" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("palavra-passe");
    const unconfirmed = await buyer.post("/pt-PT/account/privacy", { password: buyerUser.password });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Marque a caixa para confirmar.");
    expect(await prisma.user.count({ where: { id: buyerUser.id } })).toBe(1);

    const gone = await buyer.post("/pt-PT/account/privacy", { password: buyerUser.password, confirm: "on" });
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe("/pt-PT?accountDeleted=1");
    const memberGone = await member.post("/zh-CN/account/privacy", { password: supplier.member.password, confirm: "on" });
    expect(memberGone.status).toBe(302);
    await drainSearchOutboxFully();

    // No trace in any row: ids, e-mails, names.
    expect(await tracesOf([buyerUser.id, buyerUser.email, "Ana Apagada Souza", supplier.member.id, supplier.member.email, "陈删除测试"])).toEqual([]);

    // Sessions ended; the old password signs nobody in. (These attempts
    // count against the address for a day, as any failed sign-in does.)
    expect((await buyer.get("/pt-PT/account")).status).toBe(302);
    const someone = new TestClient(server.url);
    expect((await someone.post("/pt-PT/login", { email: buyerUser.email, password: buyerUser.password })).status).toBe(400);
    expect((await someone.post("/zh-CN/login", { email: supplier.member.email, password: supplier.member.password })).status).toBe(400);
    // Requests out of the database and the index; the firm and its products stay (a colleague is left).
    expect(await prisma.sourcingRequest.count({ where: { id: request.id } })).toBe(0);
    expect(await inIndex("requests", request.id)).toBe(false);
    expect(await inIndex("products", supplier.products[0].id)).toBe(true);
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: supplier.firm.id } })).heldByBureauSince).toBeNull();
    // Their files left storage.
    expect(await prisma.inquiryAttachment.count({ where: { message: { inquiryId } } })).toBe(0);
    for (const attachment of attachments) expect(fs.existsSync(attachmentFile(attachment.storageKey))).toBe(false);

    // Messages stay for the other party, signed "deleted account" in the reader's language.
    expect(await prisma.inquiryMessage.count({ where: { inquiryId } })).toBe(2);
    const colleagueThread = await (await clientFor(colleague, "zh-CN")).get(`/zh-CN/inquiries/${inquiryId}`);
    expect(colleagueThread.status).toBe(200);
    const html = await colleagueThread.text();
    expect(html).toContain("已注销账号");
    expect(html).toContain("Queremos uma cotação");

    // The audit trail keeps what was done, under a pseudonym.
    const deletions = await prisma.auditEvent.findMany({ where: { action: "delete-account" } });
    expect(deletions).toHaveLength(2);
    for (const event of deletions) {
      expect(isPseudonym(event.entityId)).toBe(true);
      expect(event.actorLabel).toBe(event.entityId);
    }
    // An export of a deleted person is a clear refusal.
    await expect(findAccountIdByEmail(buyerUser.email)).rejects.toMatchObject({ code: "unknownAccount", status: 404 });
  }, 60_000);

  it("hands a firm whose last member leaves to the bureau: unpublished, out of the index, kept", async () => {
    const supplier = await createSupplier({ locale: "en" });
    await enqueueSearchSync(prisma, "product", supplier.products.map((product) => product.id));
    await drainSearchOutboxFully();
    expect(await inIndex("firms", supplier.firm.id)).toBe(true);
    expect(await inIndex("products", supplier.products[0].id)).toBe(true);
    const member = await clientFor(supplier.member, "en");
    const page = await member.get("/en/account/privacy");
    expect(await page.text()).toContain("You are your firm&#x27;s only member");

    const report = await deleteAccount(supplier.member.id, { id: supplier.member.id });
    expect(report.heldFirmId).toBe(supplier.firm.id);
    await drainSearchOutboxFully();
    const firm = await prisma.firm.findUniqueOrThrow({ where: { id: supplier.firm.id }, include: { products: true } });
    expect(firm.heldByBureauSince).not.toBeNull();
    expect(firm.published).toBe(false);
    expect(firm.products).toHaveLength(2);
    expect(await inIndex("firms", supplier.firm.id)).toBe(false);
    for (const product of supplier.products) expect(await inIndex("products", product.id)).toBe(false);
    expect((await new TestClient(server.url).get(`/en/firms/${supplier.firm.slug}`)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { entityType: "firm", entityId: firm.id, action: "held-by-bureau" } })).toBe(1);
  }, 60_000);
});

describe("refusals", () => {
  it("refuses to delete the last admin, with a clear message and nothing changed; with another admin it goes", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "BUREAU_STAFF" } });
    const admin = await createUser("ADMIN");
    const client = await clientFor(admin, "en");
    const refused = await client.post("/en/account/privacy", { password: admin.password, confirm: "on" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("last administrator");
    expect(await prisma.user.count({ where: { id: admin.id } })).toBe(1);
    expect((await client.get("/en/account")).status).toBe(200);

    await createUser("ADMIN");
    expect((await client.post("/en/account/privacy", { password: admin.password, confirm: "on" })).status).toBe(302);
    expect(await prisma.user.count({ where: { id: admin.id } })).toBe(0);
  });

  it("answers 401 in JSON to an anonymous export", async () => {
    const response = await new TestClient(server.url).get("/api/v1/me/export?lang=pt");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: "Inicie sessão para ler os seus dados." } });
  });
});

describe("a firm member's problems (issue 11)", () => {
  it("are in the export with the files they sent, and on deletion stay for the bureau, signed 'deleted account', the files gone", async () => {
    const supplier = await createSupplier({ locale: "zh-CN" });
    const colleague = await createUser("FIRM_MEMBER", { firmId: supplier.firm.id });
    const staff = await createUser("BUREAU_STAFF");
    const member = await clientFor(supplier.member, "zh-CN");
    const bureau = await clientFor(staff, "en");
    const raised = await member.post("/zh-CN/problems/new", multipart({ category: "customs", subject: "货物在海关被扣留", body: "我们的灯具在拱北海关被扣留，请协助。" }, [{ name: "扣留通知.pdf", bytes: samplePdf, type: "application/pdf" }]));
    expect(raised.status).toBe(302);
    const problemId = raised.headers.get("location")!.match(/\/problems\/([^/?]+)/)![1];
    expect((await bureau.post(`/en/problems/${problemId}`, { intent: "message", body: "We asked the customs office; an answer follows." })).status).toBeLessThan(400);
    expect((await bureau.post(`/en/problems/${problemId}`, { intent: "message", body: "Internal: call the customs broker", internal: "on" })).status).toBeLessThan(400);
    const attachment = await prisma.problemAttachment.findFirstOrThrow({ where: { message: { problemId } } });
    expect(fs.existsSync(attachmentFile(attachment.storageKey))).toBe(true);

    // Export: the problem and the member's own message, never the bureau's messages or internal notes.
    const api = await member.get("/api/v1/me/export");
    expect(api.status).toBe(200);
    const exported = (await api.json()) as { problemsRaised: { id: string; subject: string }[]; problemMessages: { body: string; attachments: { fileName: string; path: string }[] }[] };
    expect(exported.problemsRaised.map((problem) => [problem.id, problem.subject])).toEqual([[problemId, "货物在海关被扣留"]]);
    expect(exported.problemMessages.map((message) => message.body)).toEqual(["我们的灯具在拱北海关被扣留，请协助。"]);
    expect(JSON.stringify(exported)).not.toContain("customs broker");
    expect(exported.problemMessages[0].attachments[0].fileName).toBe("扣留通知.pdf");
    const zip = await unzip(Buffer.from(await (await member.get("/zh-CN/account/privacy/download")).arrayBuffer()));
    const filePath = exported.problemMessages[0].attachments[0].path;
    expect(zip.get(filePath)!.equals(samplePdf)).toBe(true);
    // The bureau's export holds its own messages, internal note included.
    const staffExport = (await (await bureau.get("/api/v1/me/export")).json()) as { problemMessages: { body: string; internal: boolean }[] };
    expect(staffExport.problemMessages.map((message) => message.internal)).toEqual([false, true]);

    // Deletion: the message stays, signed "deleted account"; its file goes.
    const report = await deleteAccount(supplier.member.id, { id: supplier.member.id });
    expect(report.filesDeleted).toBe(1);
    const messages = await prisma.problemMessage.findMany({ where: { problemId }, orderBy: { createdAt: "asc" }, include: { attachments: true } });
    expect(messages[0]).toMatchObject({ authorId: null, body: "我们的灯具在拱北海关被扣留，请协助。" });
    expect(messages[0].authorDeletedAt).not.toBeNull();
    expect(messages[0].attachments).toHaveLength(0);
    expect(fs.existsSync(attachmentFile(attachment.storageKey))).toBe(false);
    expect(await prisma.problem.count({ where: { id: problemId } })).toBe(1);
    const thread = await (await bureau.get(`/en/problems/${problemId}`)).text();
    expect(thread).toContain("deleted account");
    const colleagueView = await (await clientFor(colleague, "en")).get(`/en/problems/${problemId}`);
    expect(colleagueView.status).toBe(200);
    expect(await colleagueView.text()).toContain("deleted account");
  }, 60_000);
});
