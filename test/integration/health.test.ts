import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setSearchConnection } from "~/modules/search/client.server";
import { currentDatabase, setCurrentDatabase } from "~/utils/db.server";
import { freePort } from "~/modules/search/engine.server";
import { startTestServer, type TestServer } from "../support/server";
import { openClosedDatabase } from "../setup/test-database";

describe("GET /healthz", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("reports ok with the database, the search engine and the outbox backlog", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", db: "ok", search: "ok", outboxPending: 0 });
  });

  it("counts pending outbox rows", async () => {
    const { prisma } = await import("~/utils/db.server");
    await prisma.searchOutbox.createMany({
      data: [
        { entityType: "product", entityId: "a" },
        { entityType: "product", entityId: "b" },
        { entityType: "firm", entityId: "c", status: "DONE" },
      ],
    });
    const body = await (await fetch(`${server.url}/healthz`)).json();
    expect(body.outboxPending).toBe(2);
    await prisma.searchOutbox.deleteMany();
  });

  it("answers 503 and names the search engine when it is down", async () => {
    const port = await freePort();
    setSearchConnection({ host: `http://127.0.0.1:${port}`, masterKey: "x" });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ status: "degraded", db: "ok", search: "down", failing: ["search"] });
    } finally {
      setSearchConnection({ host: inject("meiliHost"), masterKey: inject("meiliKey") });
    }
  });

  it("answers 503 and names the database when it is down", async () => {
    const database = currentDatabase();
    // A real database that has gone away: a copy of the template, closed.
    const gone = await openClosedDatabase({ pglite: inject("pgliteTemplate"), postgres: inject("postgresTemplate") });
    setCurrentDatabase(gone);
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", db: "down", search: "ok", outboxPending: null, failing: ["db"] });
    } finally {
      setCurrentDatabase(database);
    }
  });
});
