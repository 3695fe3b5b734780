import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * TRUST_PROXY set with no proxy in front lets a client forge X-Forwarded-For
 * (and reset the sign-in rate limit): the server warns, once, when a request
 * arrives without the header a proxy would have added.
 */
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

let warnings: string[] = [];
let logLevel: string | undefined;
beforeEach(() => {
  warnings = [];
  logLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "warn";
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes("TRUST_PROXY")) {
      warnings.push(text);
      return true;
    }
    return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (logLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = logLevel;
});

async function start(trustProxy: number) {
  const server = await startTestServer({ trustProxy });
  servers.push(server);
  return server;
}

describe("TRUST_PROXY", () => {
  it("warns once when it is set and requests arrive without X-Forwarded-For", async () => {
    const server = await start(1);
    // Through a proxy: the header is there, nothing to say.
    const proxied = await fetch(`${server.url}/healthz`, { headers: { "X-Forwarded-For": "198.51.100.4" } });
    expect(proxied.status).toBe(200);
    expect(warnings).toEqual([]);

    for (let i = 0; i < 3; i++) {
      const direct = await fetch(`${server.url}/healthz`);
      expect(direct.status).toBe(200);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/without X-Forwarded-For/);
    expect(warnings[0]).toMatch(/reset the sign-in rate limit/);
    expect(warnings[0]).toMatch(/TRUST_PROXY=0/);
  });

  it("says nothing when it is not set", async () => {
    const server = await start(0);
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(warnings).toEqual([]);
  });
});
