import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { currentDatabase, setCurrentDatabase } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { sessionCookie } from "~/utils/session.server";
import { singletons } from "~/utils/singleton.server";
import { expectLoggedError } from "../support/logged-errors";
import { startTestServer, type TestServer } from "../support/server";
import { openClosedDatabase } from "../setup/test-database";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("response headers", () => {
  it("enforce a Content-Security-Policy whose nonce is the one on the page's scripts, fresh per response", async () => {
    const first = await fetch(`${server.url}/en/login`);
    const csp = first.headers.get("content-security-policy")!;
    expect(first.headers.get("content-security-policy-report-only")).toBeNull();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    const html = await first.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);

    const second = await fetch(`${server.url}/en/login`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("serve the public files (only paths with an extension are looked up on disk), and leave other paths to the app", async () => {
    const robots = await fetch(`${server.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/Sitemap:|User-agent/i);
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
    // A page's address has no extension: the app answers it, not the file server.
    const page = await fetch(`${server.url}/en`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await fetch(`${server.url}/no-such-file.txt`)).status).toBe(404);
  });

  it("forbid framing and sniffing, and hide the framework", async () => {
    const response = await fetch(`${server.url}/en`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    // This test server is not "secure": no HSTS over plain HTTP.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("send HSTS when serving securely", async () => {
    const secure = await startTestServer({ secure: true });
    try {
      const response = await fetch(`${secure.url}/healthz`);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await secure.close();
    }
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure with the __Host- prefix in production", async () => {
    const previous = process.env.SECURE_COOKIES;
    try {
      process.env.SECURE_COOKIES = "true";
      resetEnvCache();
      delete singletons().sessionCookie;
      const header = await sessionCookie().serialize("abc");
      expect(header).toMatch(/^__Host-ponte_session=/);
      expect(header).toMatch(/; Secure/);
      expect(header).toMatch(/; HttpOnly/);
      expect(header).toMatch(/; SameSite=Lax/);
      expect(header).toMatch(/; Path=\//);
      expect(header).not.toMatch(/Domain=/i);
    } finally {
      if (previous === undefined) delete process.env.SECURE_COOKIES;
      else process.env.SECURE_COOKIES = previous;
      resetEnvCache();
      delete singletons().sessionCookie;
    }
  });
});

describe("server errors", () => {
  it("show a generic page in the user's language, with no stack trace", async () => {
    // The failure is logged (with its stack) for the operator, not shown.
    expectLoggedError(/request failed/);
    const database = currentDatabase();
    const gone = await openClosedDatabase({ pglite: inject("pgliteTemplate"), postgres: inject("postgresTemplate") });
    setCurrentDatabase(gone);
    try {
      const response = await fetch(`${server.url}/pt-PT`);
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain("Algo correu mal");
      expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(html).not.toMatch(/PGlite|prisma|closed/i);
    } finally {
      setCurrentDatabase(database);
    }
  });
});
