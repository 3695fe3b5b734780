import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loadReferenceNameIndexes } from "~/modules/reference/aliases.server";
import { runCertificateWatch } from "~/modules/reference/certificate-watch.server";
import { installReferenceData } from "../../prisma/seed/seed.server";
import { createFirm, createUser } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Issue 14, item 1 (rest): the bureau adds and removes towns and clusters.
 * Removing one that firms, clusters, notices or calls use is refused with
 * the count of what uses it, in the reader's language (nothing orphaned); a
 * removed one does not come back when the installer runs again (every
 * start), and its code may be added again. Certification rules are data the
 * bureau edits: they change a certificate's validity and its reminders.
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

const post = (form: Record<string, string>, lang = "en") => client.post(`/${lang}/bureau/reference`, form);
const townBySlug = (slug: string) => prisma.town.findUnique({ where: { slug }, select: { id: true } });
const clusterBySlug = (slug: string) => prisma.cluster.findUnique({ where: { slug }, select: { id: true } });

describe("the Zhongshan towns as installed", () => {
  it("has the specialty towns with their designation where the source gives it, and the others ready for the bureau", async () => {
    const towns = await prisma.town.findMany({ select: { slug: true, designation: true, specialty: true } });
    const bySlug = new Map(towns.map((town) => [town.slug, town]));
    for (const slug of ["guzhen", "xiaolan", "dongfeng", "nantou", "huangpu", "dongsheng", "shaxi", "dachong", "sanxiang", "henglan", "tanzhou", "torch-zone", "shiqi"]) {
      expect(bySlug.has(slug), slug).toBe(true);
    }
    expect(bySlug.get("guzhen")?.designation).toBe("provincialSpecialtyTown");
    expect(bySlug.get("banfu")?.designation).toBeNull();
    expect(JSON.stringify(bySlug.get("henglan")?.specialty)).toContain("Lighting");
    expect(bySlug.get("banfu")?.specialty).toEqual({});
    // Found by their pinyin as people write it.
    const indexes = await loadReferenceNameIndexes();
    expect(indexes.town.find("Heng Lan")).toBe((await townBySlug("henglan"))?.id);
    expect(indexes.town.find("dongfeng town")).toBe((await townBySlug("dongfeng"))?.id);
  });
});

describe("adding and removing towns and clusters", () => {
  it("adds a town (a national base) and a cluster in it, audited; refuses a code or a name already taken", async () => {
    const added = await post({ intent: "addTown", slug: "test-base", nameZh: "测试基地", nameEn: "Test Base", designation: "nationalBase", designatedBy: "Ministry of Science and Technology, 2010" });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("The town was added.");
    const town = await prisma.town.findUniqueOrThrow({ where: { slug: "test-base" } });
    expect(town.designation).toBe("nationalBase");
    expect(await prisma.auditEvent.count({ where: { entityType: "town", entityId: town.id, action: "create", actorId: staff.id } })).toBe(1);
    expect(await (await client.get("/en/bureau/reference")).text()).toContain("National industry base");

    const cluster = await post({ intent: "addCluster", slug: "test-widgets", nameZh: "测试小部件", nameEn: "Test widgets", townId: town.id, hsHeadings: "8479, 8543" });
    expect(cluster.status).toBe(200);
    expect((await prisma.cluster.findUniqueOrThrow({ where: { slug: "test-widgets" } })).hsHeadings).toEqual(["8479", "8543"]);

    const sameCode = await post({ intent: "addTown", slug: "test-base", nameZh: "另一个", nameEn: "Another" });
    expect(sameCode.status).toBe(409);
    expect(await sameCode.text()).toContain("The code “test-base” is already used.");
    const sameName = await post({ intent: "addTown", slug: "another-town", nameZh: "古镇", nameEn: "Another" }, "pt-BR");
    expect(sameName.status).toBe(409);
    const html = await sameName.text();
    expect(html).toContain("“古镇” já designa");
    expect(html).toContain('value="another-town"');
    expect(await townBySlug("another-town")).toBeNull();
    expect((await post({ intent: "addTown", slug: "Bad Code!", nameZh: "坏", nameEn: "Bad" })).status).toBe(400);
  });

  it("refuses to remove what is in use, naming how many use it, and removes it once unused", async () => {
    const town = (await townBySlug("test-base"))!;
    const cluster = (await clusterBySlug("test-widgets"))!;
    const firm = await createFirm();
    await prisma.firm.update({ where: { id: firm.id }, data: { clusterId: cluster.id } });
    const notice = await prisma.policyNotice.create({
      data: { title: { "zh-CN": { text: "测试通知", origin: "author" } }, body: {}, category: "subsidy", department: "bureau", rules: { clusterIds: [cluster.id] } },
    });

    const townInUse = await post({ intent: "removeReference", kind: "town", id: town.id });
    expect(townInUse.status).toBe(409);
    expect(await townInUse.text()).toContain("clusters: 1");
    const clusterInUse = await post({ intent: "removeReference", kind: "cluster", id: cluster.id }, "zh-CN");
    expect(clusterInUse.status).toBe(409);
    const zh = await clusterInUse.text();
    expect(zh).toContain("仍有 2 条记录在使用（企业：1");
    expect(zh).toContain("通知：1");
    expect(await clusterBySlug("test-widgets")).not.toBeNull();
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: firm.id } })).clusterId).toBe(cluster.id);

    await prisma.firm.update({ where: { id: firm.id }, data: { clusterId: null } });
    await prisma.policyNotice.delete({ where: { id: notice.id } });
    const removed = await post({ intent: "removeReference", kind: "cluster", id: cluster.id });
    expect(removed.status).toBe(200);
    expect(await removed.text()).toContain("It was removed");
    expect((await post({ intent: "removeReference", kind: "town", id: town.id })).status).toBe(200);
    expect(await townBySlug("test-base")).toBeNull();
    const events = await prisma.auditEvent.findMany({ where: { action: "delete", entityId: { in: [town.id, cluster.id] } }, select: { entityType: true } });
    expect(events.map((event) => event.entityType).sort()).toEqual(["cluster", "town"]);
    expect((await post({ intent: "removeReference", kind: "town", id: town.id })).status).toBe(404);
  });

  it("counts a town's firms, delegation calls and notices' targeting rules", async () => {
    const guzhen = (await townBySlug("guzhen"))!;
    const firm = await createFirm();
    await prisma.firm.update({ where: { id: firm.id }, data: { townId: guzhen.id } });
    await prisma.policyNotice.create({ data: { title: { "zh-CN": { text: "古镇通知", origin: "author" } }, body: {}, category: "subsidy", department: "bureau", rules: { townIds: [guzhen.id] } } });
    const refused = await post({ intent: "removeReference", kind: "town", id: guzhen.id });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain("Guzhen (古镇) can&#x27;t be removed");
    expect(text).toMatch(/firms: 1, clusters: 1, notices: 1/);
    expect(await townBySlug("guzhen")).not.toBeNull();
  });

  it("does not bring back a removed seeded town or cluster when the installer runs again; its code may be added again", async () => {
    const banfu = (await townBySlug("banfu"))!;
    const redwood = (await clusterBySlug("redwood-furniture"))!;
    expect((await post({ intent: "removeReference", kind: "town", id: banfu.id })).status).toBe(200);
    expect((await post({ intent: "removeReference", kind: "cluster", id: redwood.id })).status).toBe(200);

    await installReferenceData();
    expect(await townBySlug("banfu")).toBeNull();
    expect(await clusterBySlug("redwood-furniture")).toBeNull();
    // Its seeded aliases went with it and stay gone.
    expect((await loadReferenceNameIndexes()).cluster.find("红木")).toBeNull();
    expect(await townBySlug("guzhen")).not.toBeNull();

    const again = await post({ intent: "addTown", slug: "banfu", nameZh: "板芙", nameEn: "Banfu", namePt: "Banfu" });
    expect(again.status).toBe(200);
    expect(await prisma.referenceRetirement.count({ where: { kind: "town", code: "banfu" } })).toBe(0);
    await installReferenceData();
    expect(await prisma.town.count({ where: { slug: "banfu" } })).toBe(1);
  });

  it("records a town's designation and specialty, audited", async () => {
    const sanjiao = (await townBySlug("sanjiao"))!;
    const saved = await post({ intent: "designate", id: sanjiao.id, designation: "provincialSpecialtyTown", designatedBy: "Guangdong, 2005", specialtyZh: "测试产业", specialtyEn: "Test industry" });
    expect(saved.status).toBe(200);
    const row = await prisma.town.findUniqueOrThrow({ where: { id: sanjiao.id } });
    expect(row.designation).toBe("provincialSpecialtyTown");
    expect(JSON.stringify(row.specialty)).toContain("Test industry");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "town", entityId: sanjiao.id, action: "update" } });
    expect(Object.keys(event.changes as object).sort()).toEqual(["designatedBy", "designation", "specialty"]);
    expect((await post({ intent: "designate", id: sanjiao.id, designation: "city" })).status).toBe(400);
  });
});

describe("certification rules as data", () => {
  it("lists the markets a certification matters for by their names", async () => {
    const html = await (await client.get("/pt-BR/bureau/reference")).text();
    expect(html).toContain("Importa para: Brasil");
    expect(html).toContain("Importa para: União Europeia");
  });

  it("a rule the bureau edits changes a certificate's validity and its reminders", async () => {
    const firm = await createFirm();
    await createUser("FIRM_MEMBER", { firmId: firm.id });
    // Stated with a first valid day only: without a rule they hold as stated.
    await prisma.firm.update({ where: { id: firm.id }, data: { certifications: [{ code: "BIFMA", validFrom: "2020-01-01" }, { code: "FSC", validFrom: "2030-03-31" }] } });
    const page = async () => (await client.get(`/en/firms/${firm.slug}`)).text();
    expect(await page()).not.toContain("badge--expired");
    const first = await runCertificateWatch(new Date("2031-03-10T04:00:00Z"));
    expect(first.ran).toBe(true);
    expect(await prisma.certificateReminder.count({ where: { firmId: firm.id } })).toBe(0);

    const bifma = await post({ intent: "certificationRules", id: "BIFMA", markets: "us", validityMonths: "24", reminderDays: "60, 15" });
    expect(bifma.status).toBe(200);
    expect(await page()).toContain("badge--expired");
    const fsc = await post({ intent: "certificationRules", id: "FSC", markets: "", validityMonths: "12", reminderDays: "30", expiryRequired: "on" });
    expect(fsc.status).toBe(200);
    expect(await prisma.certification.findUniqueOrThrow({ where: { code: "FSC" } })).toMatchObject({ validityMonths: 12, reminderDays: [30], expiryRequired: true });
    expect(await prisma.auditEvent.count({ where: { entityType: "certification", entityId: "FSC", action: "update", actorId: staff.id } })).toBe(1);

    // FSC from 2030-03-31 for 12 months: last valid day 2031-03-30, 19 days after 2031-03-11: the 30-day reminder.
    const second = await runCertificateWatch(new Date("2031-03-11T04:00:00Z"));
    expect(second.remindersSent).toBe(1);
    expect(await prisma.certificateReminder.findMany({ where: { firmId: firm.id }, select: { code: true, validUntil: true, daysBefore: true } })).toEqual([
      { code: "FSC", validUntil: "2031-03-30", daysBefore: 30 },
    ]);

    const bad = await post({ intent: "certificationRules", id: "FSC", markets: "BR, Narnia", reminderDays: "30" }, "pt-BR");
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("“NARNIA” não é um código de país nem EU.");
    expect(html).toContain('value="BR, Narnia"');
    expect((await post({ intent: "certificationRules", id: "NOPE", markets: "BR" })).status).toBe(404);
  });
});
