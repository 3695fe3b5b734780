import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { devMailboxEnabled, listDevMails } from "~/modules/mail/dev-mailbox.server";
import { MAX_MAIL_ATTEMPTS, mailBackoffMs } from "~/modules/mail/backoff";
import { notify } from "~/modules/notification/notification.server";
import { createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * The mail outbox against a real SMTP server that goes down and comes back,
 * and the .eml fallback when no SMTP server is configured.
 */
let smtp: TestSmtpServer;

function useSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvCache();
}

async function noticeFor(user: { id: string; email: string; locale: string }, buyerCompany = "Importadora Atlântico Ltda.") {
  await prisma.$transaction((tx) =>
    notify(tx, {
      recipients: [user],
      kind: "inquiry.new",
      params: { firmName: { "zh-CN": { text: "中山市古镇星辉照明有限公司", origin: "author" } }, buyerCompany, excerpt: "Olá, cotação por favor." },
      link: (locale) => `/${locale}/notifications`,
    }),
  );
}

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.stop();
  useSmtp(undefined);
});

describe("the mail outbox", () => {
  it("keeps the in-app notice while the SMTP server is down and delivers the mail when it is back", async () => {
    useSmtp(smtp.url);
    const user = await createUser("FIRM_MEMBER", { locale: "zh-CN" });
    await smtp.stop();

    await noticeFor(user, "Down Trading Lda.");
    // The notice is there at once, whatever the mail server does.
    expect(await prisma.notification.count({ where: { userId: user.id, readAt: null } })).toBe(1);

    const start = new Date();
    const failed = await drainMailOutbox({ now: start });
    expect(failed).toEqual({ sent: 0, failed: 1, parked: 0 });
    const row = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + mailBackoffMs(1));

    // Not due yet: nothing is tried before the backoff has passed.
    expect(await drainMailOutbox({ now: new Date(start.getTime() + 1000) })).toEqual({ sent: 0, failed: 0, parked: 0 });

    await smtp.start();
    const later = new Date(start.getTime() + mailBackoffMs(1));
    expect(await drainMailOutbox({ now: later })).toEqual({ sent: 1, failed: 0, parked: 0 });
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(user.email));
    expect(mail.subject).toBe("收到来自 Down Trading Lda. 的新询盘 · Ponte");
    expect(mail.text).toContain("Olá, cotação por favor.");
    expect(await prisma.mailOutbox.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "DONE", attempts: 2, lastError: null });
  });

  it("parks a mail after the last attempt", async () => {
    useSmtp(smtp.url);
    const user = await createUser("BUYER", { locale: "pt-PT" });
    await noticeFor(user);
    await prisma.mailOutbox.updateMany({ where: { userId: user.id }, data: { attempts: MAX_MAIL_ATTEMPTS - 1 } });
    await smtp.stop();
    try {
      expect(await drainMailOutbox()).toMatchObject({ parked: 1 });
      expect((await prisma.mailOutbox.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("PARKED");
    } finally {
      await smtp.start();
    }
  });

  it("lets two senders share the outbox without sending a mail twice", async () => {
    useSmtp(smtp.url);
    const users = await Promise.all([1, 2, 3, 4].map(() => createUser("BUYER", { locale: "en" })));
    for (const user of users) await noticeFor(user, "Shared Outbox Ltd");
    const before = smtp.received.length;
    const [a, b] = await Promise.all([drainMailOutbox({ limit: 3 }), drainMailOutbox({ limit: 3 })]);
    const rest = await drainMailOutbox();
    expect(a.sent + b.sent + rest.sent).toBe(4);
    expect(smtp.received.length - before).toBe(4);
    const delivered = smtp.received.slice(before).map(recipientsOf).sort();
    expect(delivered).toEqual(users.map((user) => user.email).sort());
  });
});

describe("without SMTP_URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    useSmtp(undefined);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("writes mails as .eml files under DATA_DIR/mail and lists them on the development page", async () => {
    const user = await createUser("BUYER", { locale: "pt-PT" });
    await noticeFor(user, "Importadora Eml Ltda.");
    expect((await drainMailOutbox()).sent).toBeGreaterThanOrEqual(1);
    const dir = path.join(getEnv().dataDir, "mail");
    const files = fs.readdirSync(dir).filter((file) => file.endsWith(".eml"));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const listed = await listDevMails();
    const mine = listed.find((mail) => mail.to.includes(user.email));
    expect(mine?.subject).toBe("Novo pedido de cotação de Importadora Eml Ltda. · Ponte");
    expect(mine?.language).toBe("pt-PT");

    // NODE_ENV is "test" here, so the page exists (it is 404 in production, see below).
    const client = new TestClient(server.url);
    await signIn(client, user.email, user.password, "pt-BR");
    const page = await client.get("/pt-PT/dev/mail");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Caixa de correio de desenvolvimento");
    expect(html).toContain("Novo pedido de cotação de Importadora Eml Ltda.");
  });

  it("writes a user's mails in the language they last chose, not the one they registered in", async () => {
    const user = await createUser("FIRM_MEMBER", { locale: "zh-CN" });
    const client = new TestClient(server.url);
    await signIn(client, user.email, user.password, "zh-CN");
    expect((await client.get("/zh-CN/account")).status).toBe(200);
    // The language switcher links to the same page under another locale.
    expect((await client.get("/pt-PT/account")).status).toBe(200);
    // Notices read their recipients' languages from the database, as here.
    const recipient = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, locale: true } });
    expect(recipient.locale).toBe("pt-PT");
    await noticeFor(recipient, "Importadora Escolha Ltda.");
    expect((await drainMailOutbox()).sent).toBeGreaterThanOrEqual(1);
    const mine = (await listDevMails()).find((mail) => mail.to.includes(user.email));
    expect(mine?.subject).toBe("Novo pedido de cotação de Importadora Escolha Ltda. · Ponte");
    expect(mine?.language).toBe("pt-PT");
  });

  it("has no development mailbox in production unless explicitly enabled", () => {
    const saved = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = "production";
      resetEnvCache();
      expect(devMailboxEnabled()).toBe(false);
      process.env.MAIL_DEV_PAGE = "true";
      resetEnvCache();
      expect(devMailboxEnabled()).toBe(true);
    } finally {
      process.env.NODE_ENV = saved;
      delete process.env.MAIL_DEV_PAGE;
      resetEnvCache();
    }
  });
});
