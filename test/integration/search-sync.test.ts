import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { indexName, searchClient, setSearchConnection } from "~/modules/search/client.server";
import { searchableChinese } from "~/modules/search/vocabulary.server";
import { startEmbeddedEngine, freePort, type SearchEngine } from "~/modules/search/engine.server";
import { rebuildIndex, reindexAll } from "~/modules/search/reindex.server";
import { countRecords } from "~/modules/search/document-source.server";
import { drainSearchOutbox, drainSearchOutboxFully, MAX_SEARCH_ATTEMPTS, retryParked, searchBacklog } from "~/modules/search/sync.server";
import { createProduct, deleteProduct, type Actor } from "~/modules/product/product.server";
import { ProductSchema } from "~/modules/product/product.schema";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser } from "../support/factories";

/**
 * The outbox between the database and Meilisearch: a change reaches the
 * index only through it, the index ends up equal to the database whatever
 * happens to the engine, and a full rebuild swaps in without downtime.
 */
const prefix = process.env.MEILI_INDEX_PREFIX ?? "";
const sharedEngine = { host: inject("meiliHost"), masterKey: inject("meiliKey") };
let actor: Actor;
let firmId: string;

beforeAll(async () => {
  await seedReference();
  const guzhen = await prisma.town.findUniqueOrThrow({ where: { slug: "guzhen" } });
  const lighting = await prisma.cluster.findUniqueOrThrow({ where: { slug: "lighting" } });
  const firm = await createFirm({ nameZh: "中山市古镇同步测试灯饰有限公司" });
  await prisma.firm.update({ where: { id: firm.id }, data: { townId: guzhen.id, clusterId: lighting.id } });
  firmId = firm.id;
  const staff = await createUser("BUREAU_STAFF");
  actor = { userId: staff.id, asBureau: true };
  await reindexAll(["products", "firms", "requests"]);
}, 60_000);

function ceilingLight(n: number, extra: Record<string, unknown> = {}) {
  return ProductSchema.parse({
    hsCode: "940511",
    type: "ceiling-light",
    attributes: { powerW: 12 + (n % 5) * 6, material: "aluminium" },
    nameZh: `测试吸顶灯 ${n} 号`,
    moq: 100 + n,
    moqUnit: "pieces",
    certifications: ["CE"],
    published: true,
    ...extra,
  });
}

/** Every document of an index, by id. */
async function indexContents(base: string): Promise<Map<string, Record<string, unknown>>> {
  const documents = new Map<string, Record<string, unknown>>();
  for (let offset = 0; ; offset += 1000) {
    const page = await searchClient().index(indexName(base)).getDocuments({ offset, limit: 1000 });
    for (const doc of page.results) documents.set(String(doc.id), doc);
    if (page.results.length < 1000) return documents;
  }
}

/** HS 9405.11 is filed under chapter 94 and heading 9405 too. */
function hsPrefixesOf(code: string) {
  return [2, 4, 6].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

/**
 * What the index should hold, written from the database rows here rather
 * than by the sync's own document mapper: every product and firm, each with
 * its current state (a stale document has an old moq, name or timestamp).
 */
async function expectedContents(entity: "products" | "firms"): Promise<Map<string, Record<string, unknown>>> {
  if (entity === "products") {
    const rows = await prisma.product.findMany({
      select: { id: true, firmId: true, hsCode: true, moq: true, name: true, published: true, updatedAt: true, firm: { select: { verification: true, published: true, town: { select: { slug: true } } } } },
    });
    return new Map(
      rows.map((row) => {
        const nameZh = (row.name as { "zh-CN"?: { text: string } })["zh-CN"]?.text;
        return [
          row.id,
          {
            id: row.id,
            firmId: row.firmId,
            hsCode: row.hsCode,
            hsPrefixes: hsPrefixesOf(row.hsCode),
            moq: row.moq,
            ...(nameZh ? { name_zh: searchableChinese(nameZh) } : {}),
            town: row.firm.town?.slug ?? null,
            public: row.firm.verification === "VERIFIED" && row.firm.published && row.published,
            updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
          },
        ];
      }),
    );
  }
  const rows = await prisma.firm.findMany({ select: { id: true, slug: true, verification: true, published: true, updatedAt: true, town: { select: { slug: true } } } });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        slug: row.slug,
        town: row.town?.slug ?? null,
        verified: row.verification === "VERIFIED",
        public: row.verification === "VERIFIED" && row.published,
        updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
      },
    ]),
  );
}

async function expectIndexEqualsDatabase() {
  for (const entity of ["products", "firms"] as const) {
    const [actual, expected] = await Promise.all([indexContents(entity), expectedContents(entity)]);
    expect([...actual.keys()].sort(), entity).toEqual([...expected.keys()].sort());
    for (const [id, doc] of expected) expect(actual.get(id), `${entity} ${id}`).toMatchObject(doc);
  }
}

describe("the outbox sync", () => {
  it("indexes a new product, a change to it, its firm's rename, and its deletion", async () => {
    const { id } = await createProduct(firmId, actor, ceilingLight(1));
    expect(await prisma.searchOutbox.count({ where: { entityId: id, status: "PENDING" } })).toBe(1);
    await drainSearchOutboxFully();
    const index = searchClient().index(indexName("products"));
    expect(await index.getDocument(id)).toMatchObject({
      id,
      hsCode: "940511",
      name_zh: searchableChinese("测试吸顶灯 1 号"),
      firmName_zh: searchableChinese("中山市古镇同步测试灯饰有限公司"),
      town: "guzhen",
    });
    // The firm's document counts the product and lists its code.
    expect(await searchClient().index(indexName("firms")).getDocument(firmId)).toMatchObject({ productCount: 1, hsPrefixes: ["94", "9405", "940511"] });

    await prisma.$transaction(async (tx) => {
      await tx.firm.update({ where: { id: firmId }, data: { name: { "zh-CN": { text: "中山市古镇改名灯饰有限公司", origin: "author" } } } });
      await tx.searchOutbox.create({ data: { entityType: "firm", entityId: firmId } });
    });
    await drainSearchOutboxFully();
    expect(await index.getDocument(id)).toMatchObject({ firmName_zh: searchableChinese("中山市古镇改名灯饰有限公司") });

    await deleteProduct(id, actor);
    await drainSearchOutboxFully();
    await expect(index.getDocument(id)).rejects.toThrow();
    expect(await searchClient().index(indexName("firms")).getDocument(firmId)).toMatchObject({ productCount: 0, hsPrefixes: [] });
    expect((await searchBacklog()).pending).toBe(0);
  });

  it("makes one document of many changes to one record, with the last state", async () => {
    const { id } = await createProduct(firmId, actor, ceilingLight(2));
    for (let moq = 201; moq <= 205; moq++) {
      await prisma.$transaction(async (tx) => {
        await tx.product.update({ where: { id }, data: { moq } });
        await tx.searchOutbox.create({ data: { entityType: "product", entityId: id } });
      });
    }
    const result = await drainSearchOutbox();
    expect(result.done).toBe(6);
    expect(await searchClient().index(indexName("products")).getDocument(id)).toMatchObject({ moq: 205 });
  });

  it("waits, counting nothing against the rows, while the engine is unreachable", async () => {
    const { id } = await createProduct(firmId, actor, ceilingLight(3));
    setSearchConnection({ host: `http://127.0.0.1:${await freePort()}`, masterKey: "x" }, prefix);
    try {
      const result = await drainSearchOutbox();
      expect(result).toMatchObject({ engineDown: true, claimed: 0 });
    } finally {
      setSearchConnection(sharedEngine, prefix);
    }
    expect(await prisma.searchOutbox.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    await drainSearchOutboxFully();
    expect(await searchClient().index(indexName("products")).getDocument(id)).toMatchObject({ id });
  });

  it("retries a document Meilisearch refuses with backoff, parks it, lets the others through, and retries it on request", async () => {
    // An id Meilisearch refuses (only a-z A-Z 0-9 - _ are allowed): the app never makes one, an old import might.
    const bad = await prisma.product.create({
      data: { id: "bad id!", slug: "bad-id", firmId, hsCode: "940511", name: { "zh-CN": { text: "坏编号", origin: "author" } }, description: {} },
    });
    await prisma.searchOutbox.create({ data: { entityType: "product", entityId: bad.id } });
    const { id: good } = await createProduct(firmId, actor, ceilingLight(4));
    let now = new Date();
    const first = await drainSearchOutbox({ now });
    expect(first).toMatchObject({ done: 1, failed: 1, parked: 0 });
    expect(await searchClient().index(indexName("products")).getDocument(good)).toMatchObject({ id: good });
    const row = await prisma.searchOutbox.findFirstOrThrow({ where: { entityId: bad.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/identifier|invalid/i);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: nothing happens.
    expect((await drainSearchOutbox({ now })).claimed).toBe(0);
    for (let attempt = 2; attempt <= MAX_SEARCH_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 60 * 60 * 1000);
      await drainSearchOutbox({ now });
    }
    expect(await prisma.searchOutbox.findFirstOrThrow({ where: { entityId: bad.id } })).toMatchObject({ status: "PARKED", attempts: MAX_SEARCH_ATTEMPTS });
    expect((await searchBacklog()).parked).toBe(1);

    await prisma.product.delete({ where: { id: bad.id } });
    expect(await retryParked()).toBe(1);
    await drainSearchOutboxFully();
    expect(await searchBacklog()).toMatchObject({ pending: 0, parked: 0 });
  });

  it("shares the outbox between two instances draining at once, each row done once", async () => {
    for (let n = 0; n < 120; n++) await createProduct(firmId, actor, ceilingLight(100 + n));
    const pending = await prisma.searchOutbox.count({ where: { status: "PENDING" } });
    const drainer = async () => {
      let claimed = 0;
      for (;;) {
        const result = await drainSearchOutbox({ limit: 25 });
        claimed += result.claimed;
        if (result.claimed === 0) return claimed;
      }
    };
    const [a, b] = await Promise.all([drainer(), drainer()]);
    expect(a + b).toBe(pending);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    await expectIndexEqualsDatabase();
  });
});

describe("a full rebuild", () => {
  it("swaps a new index in while searches keep answering, keeping changes made meanwhile", async () => {
    const before = (await searchClient().index(indexName("products")).getStats()).numberOfDocuments;
    expect(before).toBeGreaterThan(100);
    const rebuilding = rebuildIndex("products");
    const changed = await createProduct(firmId, actor, ceilingLight(999, { nameZh: "重建期间新增的吸顶灯" }));
    let searches = 0;
    let done = false;
    void rebuilding.finally(() => (done = true));
    while (!done) {
      const result = await searchClient().index(indexName("products")).search(searchableChinese("吸顶灯"), { limit: 1 });
      expect(result.estimatedTotalHits).toBeGreaterThan(0);
      searches++;
      await drainSearchOutbox();
    }
    const report = await rebuilding;
    expect(searches).toBeGreaterThan(0);
    expect(report.documents).toBeGreaterThanOrEqual(before);
    await drainSearchOutboxFully();
    expect(await searchClient().index(indexName("products")).getDocument(changed.id)).toMatchObject({ name_zh: searchableChinese("重建期间新增的吸顶灯") });
    const { results } = await searchClient().getIndexes({ limit: 1000 });
    expect(results.filter((index) => index.uid.startsWith(prefix) && index.uid.includes("__build_"))).toEqual([]);
    await expectIndexEqualsDatabase();
  });

  it("lets two rebuilds of one index run at once (two instances starting together), each with its own build index", async () => {
    const reports = await Promise.all([rebuildIndex("firms"), rebuildIndex("firms")]);
    for (const report of reports) expect(report.documents).toBe(await countRecords("firms"));
    const { results } = await searchClient().getIndexes({ limit: 1000 });
    expect(results.filter((index) => index.uid.startsWith(prefix) && index.uid.includes("__build_"))).toEqual([]);
    await expectIndexEqualsDatabase();
  });
});

describe("Meilisearch killed during writes", () => {
  let engine: SearchEngine | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-kill-"));
  afterAll(async () => {
    await engine?.stop();
    setSearchConnection(sharedEngine, prefix);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loses no write, and after a restart the index equals the database", async () => {
    const port = await freePort();
    const masterKey = "kill-test-master-key-0123456789abcdef";
    engine = await startEmbeddedEngine({ dir, port, masterKey });
    setSearchConnection(engine, prefix);
    await reindexAll(["products", "firms"]);
    await expectIndexEqualsDatabase();

    // The sync loop of a running server, draining while products are written.
    let writing = true;
    const syncLoop = (async () => {
      while (writing) {
        await drainSearchOutbox({ limit: 100 }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const created: string[] = [];
    const pid = Number(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8"));
    // The engine stays down for the rest of the writes: no automatic restart
    // (search-engine-process.test.ts tests that); this test restarts it below.
    engine.stopSupervising();
    for (let n = 0; n < 1000; n++) {
      if (n === 300) process.kill(pid, "SIGKILL");
      created.push((await createProduct(firmId, actor, ceilingLight(2000 + n))).id);
    }
    writing = false;
    await syncLoop;
    expect(created).toHaveLength(1000);
    expect(await prisma.product.count({ where: { id: { in: created } } })).toBe(1000);
    expect((await searchBacklog()).pending).toBeGreaterThan(0);

    engine = await startEmbeddedEngine({ dir, port, masterKey });
    setSearchConnection(engine, prefix);
    const result = await drainSearchOutboxFully();
    expect(result).toMatchObject({ failed: 0, parked: 0, engineDown: false });
    expect((await searchBacklog()).pending).toBe(0);
    await expectIndexEqualsDatabase();
  }, 240_000);
});
