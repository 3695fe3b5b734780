import path from "node:path";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "~/server/app";

/**
 * The real HTTP stack (Express, security middleware, the Remix build) on a
 * free port, over this test file's database. `npm test` builds first.
 */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

let buildPromise: Promise<ServerBuild> | undefined;

function loadBuild(): Promise<ServerBuild> {
  buildPromise ??= import(pathToFileURL(path.resolve("build/index.js")).href) as Promise<ServerBuild>;
  return buildPromise;
}

export async function startTestServer(options: { trustProxy?: number; production?: boolean; secure?: boolean } = {}): Promise<TestServer> {
  const build = await loadBuild();
  const app = createApp({
    build,
    production: options.production ?? true,
    secure: options.secure ?? false,
    trustProxy: options.trustProxy ?? 0,
  });
  const server = app.listen(0, "127.0.0.1");
  // fetch keeps idle connections for reuse; on a loaded machine its timer can
  // fire after the server's (5 s) has closed the socket, and the next request
  // dies with ECONNRESET. Idle sockets outlive any test's pause here.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser-like client: keeps cookies, sends Origin on posts, never follows redirects. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    private defaults: Record<string, string> = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async request(pathname: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...this.defaults, ...init.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  get(pathname: string, headers: Record<string, string> = {}) {
    return this.request(pathname, { headers });
  }

  /** A form post as a browser makes it (urlencoded, Origin of this site). */
  post(pathname: string, form: Record<string, string | string[]> | URLSearchParams | FormData, headers: Record<string, string> = {}) {
    let body: URLSearchParams | FormData;
    if (form instanceof URLSearchParams || form instanceof FormData) body = form;
    else {
      body = new URLSearchParams();
      for (const [key, value] of Object.entries(form)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
      }
    }
    return this.request(pathname, { method: "POST", body, headers: { Origin: this.baseUrl, ...headers } });
  }
}
