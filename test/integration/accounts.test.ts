import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { withUsccCheck } from "~/modules/firm/uscc";
import { readSession, SESSION_IDLE_MS } from "~/utils/session.server";
import { PRIVACY_NOTICE_VERSION } from "~/modules/privacy/notice";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser, randomUscc, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../support/session";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // A town to register into, as the seed would make it.
  await prisma.town.create({ data: { slug: "guzhen", name: { "zh-CN": { text: "古镇", origin: "author" }, en: { text: "Guzhen", origin: "author" } } } });
});
afterAll(async () => {
  await server.close();
});
// Every test comes from 127.0.0.1: start each with no failures counted.
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

const client = (headers: Record<string, string> = {}) => new TestClient(server.url, headers);
const sessionCookieName = "ponte_session";

function firmForm(overrides: Record<string, string> = {}) {
  const id = Math.random().toString(36).slice(2, 8);
  return {
    accountType: "firm",
    companyName: `中山市古镇${id}照明有限公司`,
    uscc: randomUscc(),
    displayName: "陈伟",
    email: `firm-${id}@example.test`,
    password: "a long enough password",
    confirmPassword: "a long enough password",
    homepage: "",
    privacyConsent: "on",
    ...overrides,
  };
}

describe("registration", () => {
  it("registers a firm, pending verification, signed in on a new session", async () => {
    const browser = client();
    const form = firmForm();
    const response = await browser.post("/zh-CN/register", form);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/zh-CN/account?welcome=1");
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: form.email }, include: { firm: true } });
    expect(user.role).toBe("FIRM_MEMBER");
    expect(user.locale).toBe("zh-CN");
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(user.firm).toMatchObject({ uscc: form.uscc, verification: "PENDING", published: false });
    expect(user.firm!.name).toEqual({ "zh-CN": { text: form.companyName, origin: "author" } });
    expect(await prisma.searchOutbox.count({ where: { entityType: "firm", entityId: user.firmId! } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "register" } })).toBe(1);

    const account = await browser.get("/zh-CN/account?welcome=1");
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain(form.companyName);
    expect(html).toContain("待审核");
  });

  it("registers a buyer with a country", async () => {
    const response = await client().post("/pt-PT/register", {
      accountType: "buyer",
      companyName: "Importadora Atlântico Ltda.",
      country: "BR",
      displayName: "Ana Souza",
      email: "ana@example.test",
      password: "uma palavra-passe longa",
      confirmPassword: "uma palavra-passe longa",
      privacyConsent: "on",
    });
    expect(response.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ana@example.test" }, include: { buyerCompany: true } });
    expect(user.role).toBe("BUYER");
    expect(user.buyerCompany).toMatchObject({ name: "Importadora Atlântico Ltda.", country: "BR" });
  });

  it("re-renders errors in the page's language next to the fields, keeping what was typed", async () => {
    const form = firmForm({ uscc: "91442000123456789X", email: "not-an-email" });
    const response = await client().post("/pt-PT/register", form);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("O último carácter não corresponde");
    expect(html).toContain("Indique um endereço de e-mail válido.");
    expect(html).toContain(`value="${form.companyName}"`);
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain(form.password);
    expect(await prisma.user.count()).toBe(await prisma.user.count({ where: { email: { not: "not-an-email" } } }));
  });

  it("records the privacy notice's version accepted at registration, and refuses a registration without it", async () => {
    const form = firmForm();
    expect((await client().post("/en/register", form)).status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: form.email } });
    expect(user.privacyConsentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(Date.now() - user.privacyConsentAt!.getTime()).toBeLessThan(60_000);

    const { privacyConsent: _consent, ...withoutConsent } = firmForm();
    const refused = await client().post("/pt-PT/register", withoutConsent);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Aceite o aviso de privacidade para criar uma conta.");
    expect(html).toContain(`value="${withoutConsent.companyName}"`);
    expect(await prisma.user.findUnique({ where: { email: withoutConsent.email } })).toBeNull();
  });

  it("says when the two passwords differ", async () => {
    const response = await client().post("/pt-PT/register", firmForm({ confirmPassword: "something else" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("As duas palavras-passe não são iguais.");
  });

  it("refuses a taken e-mail and a taken credit code with their own messages", async () => {
    const first = firmForm();
    expect((await client().post("/en/register", first)).status).toBe(302);
    const sameEmail = await client().post("/en/register", firmForm({ email: first.email.toUpperCase() }));
    expect(sameEmail.status).toBe(409);
    expect(await sameEmail.text()).toContain("An account with this e-mail already exists.");
    const sameUscc = await client().post("/en/register", firmForm({ uscc: first.uscc }));
    expect(sameUscc.status).toBe(409);
    expect(await sameUscc.text()).toContain("A firm with this credit code is already registered.");
  });

  it("refuses bots that fill the honeypot", async () => {
    const form = firmForm({ homepage: "http://spam.example" });
    const response = await client().post("/en/register", form);
    expect(response.status).toBe(400);
    expect(await prisma.user.findUnique({ where: { email: form.email } })).toBeNull();
  });

  it("never makes staff accounts by self-registration", async () => {
    for (const accountType of ["bureau", "BUREAU_STAFF", "admin"]) {
      const form = firmForm({ accountType });
      const response = await client().post("/en/register", form);
      expect(response.status).toBe(400);
      expect(await prisma.user.findUnique({ where: { email: form.email } })).toBeNull();
    }
  });

  it("accepts a 64-character Chinese password and uses all of it", async () => {
    const password = "中山古镇灯饰小榄五金南头家电东升办公家具沙溪休闲服装大涌红木家具".repeat(3).slice(0, 64);
    expect([...password]).toHaveLength(64);
    expect(Buffer.byteLength(password)).toBeGreaterThan(72);
    const form = firmForm({ password, confirmPassword: password });
    expect((await client().post("/zh-CN/register", form)).status).toBe(302);
    // Same first 24 characters (72 bytes, all bcrypt would read), different end: refused.
    const almost = password.slice(0, 63) + "错";
    expect((await client().post("/en/login", { email: form.email, password: almost })).status).toBe(400);
    await signIn(client(), form.email, password);
  });
});

describe("sign-in and sessions", () => {
  it("starts a new session id at sign-in and ends it for real at sign-out", async () => {
    const user = await createUser("BUYER");
    const browser = client();
    browser.setCookie(sessionCookieName, "planted-by-an-attacker");
    await signIn(browser, user.email, user.password);
    const cookie = browser.cookie(sessionCookieName)!;
    expect(cookie).not.toContain("planted");
    expect((await browser.get("/en/account")).status).toBe(200);

    const stolen = client();
    stolen.setCookie(sessionCookieName, cookie);
    expect((await stolen.get("/en/account")).status).toBe(200);

    const out = await browser.post("/en/logout", {});
    expect(out.status).toBe(302);
    expect(browser.cookie(sessionCookieName)).toBeUndefined();
    // The old cookie is worthless now: the row is gone.
    expect((await stolen.get("/en/account")).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out needs a POST: a GET changes nothing", async () => {
    const user = await createUser("BUYER");
    const browser = client();
    await signIn(browser, user.email, user.password);
    const response = await browser.get("/en/logout");
    expect(response.status).toBe(302);
    expect((await browser.get("/en/account")).status).toBe(200);
  });

  it("ends sessions that were idle too long", async () => {
    const user = await createUser("BUYER");
    const browser = client();
    await signIn(browser, user.email, user.password);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    const response = await browser.get("/en/account");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/en/login?redirectTo=%2Fen%2Faccount");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reads the session with its user and the user's unread notices, one read serving the loaders that ask at once", async () => {
    const user = await createUser("FIRM_MEMBER");
    const other = await createUser("BUYER");
    const browser = client();
    await signIn(browser, user.email, user.password);
    await prisma.notification.createMany({
      data: [
        { userId: user.id, kind: "inquiry.new" },
        { userId: user.id, kind: "inquiry.message" },
        { userId: user.id, kind: "inquiry.status", readAt: new Date() },
        { userId: other.id, kind: "inquiry.new" },
      ],
    });
    const request = () => new Request(`${server.url}/en/account`, { headers: { Cookie: `${sessionCookieName}=${browser.cookie(sessionCookieName)}` } });
    const [root, page] = await Promise.all([readSession(request()), readSession(request())]);
    expect(root).toMatchObject({ unreadNotifications: 2, user: { id: user.id, email: user.email, role: "FIRM_MEMBER", firmId: user.firmId } });
    expect(page).toEqual(root);
    // Each caller has its own copy; the next request reads again and sees the notices just read.
    expect(page!.user).not.toBe(root!.user);
    await prisma.notification.updateMany({ where: { userId: user.id }, data: { readAt: new Date() } });
    expect((await readSession(request()))?.unreadNotifications).toBe(0);
    // The header says it too.
    await prisma.notification.create({ data: { userId: user.id, kind: "inquiry.new" } });
    expect(await (await browser.get("/en/account")).text()).toContain("1 unread");
  });

  it("ends sessions past their absolute lifetime even when active", async () => {
    const user = await createUser("BUYER");
    const browser = client();
    await signIn(browser, user.email, user.password);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await browser.get("/en/account")).status).toBe(302);
  });

  it("says nothing about whether an e-mail exists", async () => {
    const user = await createUser("BUYER");
    const wrongPassword = await client().post("/en/login", { email: user.email, password: "wrong password" });
    const unknownEmail = await client().post("/en/login", { email: "nobody@example.test", password: "wrong password" });
    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    const message = "That e-mail and password do not match an active account.";
    expect(await wrongPassword.text()).toContain(message);
    expect(await unknownEmail.text()).toContain(message);
  });

  it("refuses a suspended account", async () => {
    const user = await createUser("BUYER");
    await prisma.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    expect((await client().post("/en/login", { email: user.email, password: user.password })).status).toBe(400);
  });

  it("returns to the page that asked for sign-in, but never to another site", async () => {
    const user = await createUser("BUREAU_STAFF");
    const back = await client().post("/en/login", { email: user.email, password: user.password, redirectTo: "/en/admin/users" });
    expect(back.headers.get("location")).toBe("/en/admin/users");
    for (const target of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const response = await client().post("/en/login", { email: user.email, password: user.password, redirectTo: target });
      expect(response.headers.get("location")).toBe("/en/bureau");
    }
  });
});

describe("rate limits on sign-in", () => {
  it("locks an account after 5 failures, even for the right password", async () => {
    const user = await createUser("BUYER");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client().post("/en/login", { email: user.email, password: `wrong ${attempt}` })).status).toBe(400);
    }
    const locked = await client().post("/en/login", { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many failed attempts");
  });

  it("limits one address across accounts, and a forged X-Forwarded-For does not reset it", async () => {
    const victims = await Promise.all(Array.from({ length: 5 }, () => createUser("BUYER")));
    let attempts = 0;
    while (attempts < 20) {
      const victim = victims[attempts % victims.length];
      // Spread over accounts so the per-account limit (5) is not what stops us.
      await client().post("/en/login", { email: `${attempts}-${victim.email}`, password: "guess" });
      attempts++;
    }
    const forged = client({ "X-Forwarded-For": "203.0.113.7" });
    const response = await forged.post("/en/login", { email: victims[0].email, password: TEST_PASSWORD });
    expect(response.status).toBe(429);
  });
});

describe("changing the password", () => {
  it("ends every other session and keeps this browser signed in on a new one", async () => {
    const user = await createUser("FIRM_MEMBER");
    const here = client();
    const elsewhere = client();
    await signIn(here, user.email, user.password);
    await signIn(elsewhere, user.email, user.password);
    const before = here.cookie(sessionCookieName);

    const wrong = await here.post("/en/account", { currentPassword: "not it", newPassword: "a brand new password", confirmPassword: "a brand new password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The current password is not correct.");

    const changed = await here.post("/en/account", { currentPassword: user.password, newPassword: "a brand new password", confirmPassword: "a brand new password" });
    expect(changed.status).toBe(302);
    expect(changed.headers.get("location")).toBe("/en/account?passwordChanged=1");
    expect(here.cookie(sessionCookieName)).not.toBe(before);
    expect((await here.get("/en/account")).status).toBe(200);
    expect((await elsewhere.get("/en/account")).status).toBe(302);
    expect((await client().post("/en/login", { email: user.email, password: user.password })).status).toBe(400);
    await signIn(client(), user.email, "a brand new password");
  });
});

describe("cross-site requests", () => {
  it("refuses posts without an Origin, from another origin, or marked cross-site", async () => {
    const user = await createUser("BUYER");
    const form = new URLSearchParams({ email: user.email, password: user.password });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/en/login`, { method: "POST", body: form, headers, redirect: "manual" });
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: server.url, "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await post({ Referer: `${server.url}/en/login` })).status).toBe(302);
    expect((await post({ Origin: server.url })).status).toBe(302);
  });
});

describe("staff accounts", () => {
  it("are made by an admin only", async () => {
    const admin = await createUser("ADMIN");
    const staff = await createUser("BUREAU_STAFF");
    const form = { displayName: "王芳", email: "wang@bureau.example", password: "bureau password 1", role: "BUREAU_STAFF" };

    const bureau = client();
    await signIn(bureau, staff.email, staff.password);
    expect((await bureau.post("/en/admin/users", form)).status).toBe(403);
    expect(await prisma.user.findUnique({ where: { email: form.email } })).toBeNull();

    const adminBrowser = client();
    await signIn(adminBrowser, admin.email, admin.password);
    const created = await adminBrowser.post("/en/admin/users", form);
    expect(created.status).toBe(200);
    expect(await created.text()).toContain("The account wang@bureau.example was created.");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: form.email } });
    expect(user.role).toBe("BUREAU_STAFF");
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "create-staff", actorId: admin.id } })).toBe(1);
    await signIn(client(), form.email, form.password);
  });
});

it("validates credit codes by their check character (GB 32100-2015)", () => {
  expect(withUsccCheck("91442000MA4UXXXX0").length).toBe(18);
});
