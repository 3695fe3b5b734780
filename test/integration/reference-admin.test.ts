import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loadReferenceNameIndexes } from "~/modules/reference/aliases.server";
import { installReferenceData } from "../../prisma/seed/seed.server";
import { createFirm, createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14, item 1: Bureau → Reference data. The bureau renames towns and
 * clusters and adds, re-spells and retires aliases; an alias or a name
 * another entry already has is refused (409) in the reader's language with
 * what was typed kept; every change is audited, and a renamed town's firms
 * and products are queued for the search index.
 */
let server: TestServer;
let client: TestClient;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await installReferenceData();
  staff = await createUser("BUREAU_STAFF");
  client = new TestClient(server.url);
  await signIn(client, staff.email, staff.password);
}, 120_000);
afterAll(async () => {
  await server.close();
});

const cluster = (slug: string) => prisma.cluster.findUniqueOrThrow({ where: { slug }, select: { id: true } });
const town = (slug: string) => prisma.town.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } });

describe("the bureau's reference data page", () => {
  it("lists towns, clusters and certifications with their aliases", async () => {
    const html = await (await client.get("/en/bureau/reference")).text();
    expect(html).toContain("Reference data");
    expect(html).toContain("Guzhen");
    expect(html).toContain("value=\"五金\"");
    expect(html).toContain("value=\"3C\"");
  });

  it("adds an alias, refuses one another cluster has with a 409 in the reader's language, keeping what was typed", async () => {
    const lighting = await cluster("lighting");
    const added = await client.post("/en/bureau/reference", { intent: "addAlias", kind: "cluster", id: lighting.id, alias: "Lampadas Zhongshan" });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("The alias was added.");
    expect((await loadReferenceNameIndexes()).cluster.find("lampadas zhongshan")?.id).toBe(lighting.id);
    expect(await prisma.auditEvent.count({ where: { actorId: staff.id, entityType: "cluster", entityId: lighting.id, action: "alias-add" } })).toBe(1);

    const taken = await client.post("/pt-BR/bureau/reference", { intent: "addAlias", kind: "cluster", id: lighting.id, alias: "五金" });
    expect(taken.status).toBe(409);
    const html = await taken.text();
    expect(html).toContain("“五金” já designa");
    expect(html).toMatch(/value="五金"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*value="五金"/);
    expect((await loadReferenceNameIndexes()).cluster.find("五金")?.id).toBe((await cluster("hardware")).id);

    const empty = await client.post("/en/bureau/reference", { intent: "addAlias", kind: "cluster", id: lighting.id, alias: "  " });
    expect(empty.status).toBe(400);
    const unknown = await client.post("/en/bureau/reference", { intent: "addAlias", kind: "town", id: "no-such-town", alias: "Nowhere" });
    expect(unknown.status).toBe(404);
  });

  it("re-spells and retires an alias, audited", async () => {
    const hardware = await cluster("hardware");
    const add = await client.post("/en/bureau/reference", { intent: "addAlias", kind: "cluster", id: hardware.id, alias: "Fechaduras ZS" });
    expect(add.status).toBe(200);
    const row = await prisma.referenceAlias.findFirstOrThrow({ where: { clusterId: hardware.id, alias: "Fechaduras ZS" } });
    // Another spelling of the same folded name keeps the row.
    expect((await client.post("/en/bureau/reference", { intent: "renameAlias", aliasId: row.id, alias: "fechaduras zs" })).status).toBe(200);
    expect((await prisma.referenceAlias.findUniqueOrThrow({ where: { id: row.id } })).alias).toBe("fechaduras zs");
    // A different name: the old one is retired, the new one found.
    expect((await client.post("/en/bureau/reference", { intent: "renameAlias", aliasId: row.id, alias: "Cerraduras ZS" })).status).toBe(200);
    let indexes = await loadReferenceNameIndexes();
    expect(indexes.cluster.find("Cerraduras ZS")?.id).toBe(hardware.id);
    expect(indexes.cluster.find("Fechaduras ZS")).toBeNull();
    // Renaming to a name another cluster has is refused, the alias stays.
    const newRow = await prisma.referenceAlias.findFirstOrThrow({ where: { clusterId: hardware.id, alias: "Cerraduras ZS", removedAt: null } });
    const clash = await client.post("/en/bureau/reference", { intent: "renameAlias", aliasId: newRow.id, alias: "灯饰" });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain("value=\"灯饰\"");

    expect((await client.post("/en/bureau/reference", { intent: "retireAlias", aliasId: newRow.id, alias: "ignored" })).status).toBe(200);
    indexes = await loadReferenceNameIndexes();
    expect(indexes.cluster.find("Cerraduras ZS")).toBeNull();
    expect((await client.post("/en/bureau/reference", { intent: "retireAlias", aliasId: newRow.id })).status).toBe(404);
    const actions = await prisma.auditEvent.findMany({ where: { entityType: "cluster", entityId: hardware.id, actorId: staff.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["alias-add", "alias-rename", "alias-add", "alias-remove", "alias-remove"]);

    // The audit trail names these actions.
    const trail = await (await client.get("/en/bureau/audit?entityType=cluster")).text();
    expect(trail).toContain("Alias retired");
    expect(trail).toContain("Alias renamed");
  });

  it("renames a town: audited, its firms and products queued for search; another town's name is refused", async () => {
    const dongsheng = await town("dongsheng");
    const firm = await createFirm();
    await prisma.firm.update({ where: { id: firm.id }, data: { townId: dongsheng.id } });
    const product = await prisma.product.create({ data: { firmId: firm.id, slug: `ref-${firm.id}`, hsCode: "940511", name: { en: { text: "Ref lamp", origin: "author" } }, description: {} } });
    await prisma.searchOutbox.deleteMany();

    const renamed = await client.post("/en/bureau/reference", { intent: "rename", kind: "town", id: dongsheng.id, nameZh: "东升", nameEn: "Dongsheng Town", namePt: "Dongsheng" });
    expect(renamed.status).toBe(200);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "town", entityId: dongsheng.id, action: "update" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(event.changes)).toContain("Dongsheng Town");
    const queued = await prisma.searchOutbox.findMany({ select: { entityType: true, entityId: true } });
    expect(queued).toEqual(expect.arrayContaining([{ entityType: "firm", entityId: firm.id }, { entityType: "product", entityId: product.id }]));
    expect((await loadReferenceNameIndexes()).town.find("Dongsheng Town")).toBe(dongsheng.id);

    const clash = await client.post("/zh-CN/bureau/reference", { intent: "rename", kind: "town", id: dongsheng.id, nameZh: "古镇", nameEn: "Dongsheng Town" });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    expect(html).toContain("value=\"古镇\"");
    expect(JSON.stringify((await town("dongsheng")).name)).toContain("东升");

    const blank = await client.post("/en/bureau/reference", { intent: "rename", kind: "town", id: dongsheng.id, nameZh: "", nameEn: "Dongsheng" });
    expect(blank.status).toBe(400);

    // A cluster's HS headings, checked and kept as a sorted set.
    const lighting = await cluster("lighting");
    const bad = await client.post("/en/bureau/reference", { intent: "rename", kind: "cluster", id: lighting.id, nameZh: "灯饰", nameEn: "Lighting", hsHeadings: "9405, 94x5" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("“94x5” is not a four-digit HS heading.");
    const good = await client.post("/en/bureau/reference", { intent: "rename", kind: "cluster", id: lighting.id, nameZh: "灯饰", nameEn: "Lighting", namePt: "Iluminação", hsHeadings: "9405 8539，8513" });
    expect(good.status).toBe(200);
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id: lighting.id } })).hsHeadings).toEqual(["8513", "8539", "9405"]);
  });
});
