import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createSupplier, createTownWithCluster } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * A notice corrected after sending (issue 11): each correction keeps the
 * text it replaced, readers see "edited" and what changed in their
 * language; only the bureau corrects, and a correction that changes nothing
 * is refused. The bureau's read figures come with charts.
 */
let server: TestServer;
let bureau: TestClient;
let firm: TestClient;
let outsider: TestClient;
let noticeId = "";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
};

const texts = {
  titleZh: "出口信用保险保费补贴通知",
  titleEn: "Export credit insurance premium subsidy",
  titlePt: "Subsídio ao seguro de crédito à exportação",
  bodyZh: "各有关企业：\n申报截止：12月31日\n联系人：外贸科",
  bodyEn: "To the firms concerned:\nApplications close on 31 December.\nContact: foreign trade section",
  bodyPt: "Às empresas:\nCandidaturas até 31 de dezembro.\nContacto: secção de comércio externo",
};

beforeAll(async () => {
  server = await startTestServer();
  const lighting = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
  const other = await createTownWithCluster({ zh: "大涌", en: "Dachong", pt: "Dachong" });
  const target = await createSupplier({ townId: lighting.town.id, clusterId: lighting.cluster.id, locale: "zh-CN" });
  const outside = await createSupplier({ townId: other.town.id, clusterId: other.cluster.id, locale: "en" });
  firm = new TestClient(server.url);
  await signIn(firm, target.member.email, TEST_PASSWORD);
  outsider = new TestClient(server.url);
  await signIn(outsider, outside.member.email, TEST_PASSWORD);
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);

  const created = await bureau.post(
    "/en/bureau/notices/new",
    form({ ...texts, category: "subsidy", department: "中山市商务局", deadline: DateTime.now().setZone("Asia/Shanghai").plus({ days: 30 }).toISODate()!, clusterIds: [lighting.cluster.id] }),
  );
  expect(created.status).toBe(302);
  noticeId = created.headers.get("location")!.split("/").pop()!;
  expect((await bureau.post(`/en/bureau/notices/${noticeId}`, { intent: "sendNow" })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

describe("a notice corrected after sending", () => {
  it("is not marked edited before any correction", async () => {
    const page = await (await firm.get(`/en/notices/${noticeId}`)).text();
    expect(page).not.toContain("See what changed");
  });

  it("keeps the text it replaced, and readers see what changed in their language", async () => {
    const editPage = await (await bureau.get(`/en/bureau/notices/${noticeId}/edit`)).text();
    expect(editPage).toContain("Correct the sent notice");
    expect(editPage).toContain("申报截止：12月31日");

    const revised = await bureau.post(`/en/bureau/notices/${noticeId}/edit`, {
      ...texts,
      bodyZh: "各有关企业：\n申报截止：次年1月15日\n联系人：外贸科",
      bodyEn: "To the firms concerned:\nApplications close on 15 January.\nContact: foreign trade section",
    });
    expect(revised.status).toBe(302);
    const versions = await prisma.policyNoticeVersion.findMany({ where: { noticeId } });
    expect(versions).toHaveLength(1);
    expect(JSON.stringify(versions[0].body)).toContain("申报截止：12月31日");
    const notice = await prisma.policyNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(notice.editedAt).not.toBeNull();
    expect(JSON.stringify(notice.body)).toContain("次年1月15日");
    expect(await prisma.auditEvent.count({ where: { entityType: "policyNotice", entityId: noticeId, action: "revise" } })).toBe(1);

    const zh = await (await firm.get(`/zh-CN/notices/${noticeId}`)).text();
    expect(zh).toContain("已修改");
    expect(zh).toContain("查看修改内容");
    // Removed lines are <del>, added ones <ins>, each named for screen readers.
    expect(zh).toMatch(/<del>(?:(?!<\/del>).)*删除：(?:(?!<\/del>).)*申报截止：12月31日/s);
    expect(zh).toMatch(/<ins>(?:(?!<\/ins>).)*新增：(?:(?!<\/ins>).)*申报截止：次年1月15日/s);
    const en = await (await firm.get(`/en/notices/${noticeId}`)).text();
    expect(en).toContain("Applications close on 31 December.");
    expect(en).toContain("Applications close on 15 January.");
    // The Portuguese text did not change: its readers are told so.
    expect(await (await firm.get(`/pt-BR/notices/${noticeId}`)).text()).toContain("Sem alterações nesta língua.");

    const second = await bureau.post(`/en/bureau/notices/${noticeId}/edit`, { ...texts, titleEn: "Export credit insurance: premium subsidy (corrected)", bodyZh: "各有关企业：\n申报截止：次年1月15日\n联系人：外贸科" });
    expect(second.status).toBe(302);
    expect(await prisma.policyNoticeVersion.count({ where: { noticeId } })).toBe(2);
    const latest = await (await firm.get(`/en/notices/${noticeId}`)).text();
    expect(latest).toContain("Version 3");
    expect(latest).toContain("Version 2");
    expect(latest).toContain("premium subsidy (corrected)");
  });

  it("refuses a correction that changes nothing, or that drops the Chinese title, keeping what was typed", async () => {
    const current = await prisma.policyNotice.findUniqueOrThrow({ where: { id: noticeId } });
    const text = (value: unknown, lang: string) => (value as Record<string, { text: string }>)[lang]?.text ?? "";
    const same = { titleZh: text(current.title, "zh-CN"), titleEn: text(current.title, "en"), titlePt: text(current.title, "pt"), bodyZh: text(current.body, "zh-CN"), bodyEn: text(current.body, "en"), bodyPt: text(current.body, "pt") };
    const unchanged = await bureau.post(`/en/bureau/notices/${noticeId}/edit`, same);
    expect(unchanged.status).toBe(400);
    expect(await unchanged.text()).toContain("Nothing was changed.");
    const noTitle = await bureau.post(`/pt-BR/bureau/notices/${noticeId}/edit`, { ...same, titleZh: "", bodyEn: "Kept typed text" });
    expect(noTitle.status).toBe(400);
    expect(await noTitle.text()).toContain("Kept typed text");
    expect(await prisma.policyNoticeVersion.count({ where: { noticeId } })).toBe(2);
  });

  it("is corrected by the bureau only, and stays invisible to firms outside its rules", async () => {
    expect((await firm.post(`/en/bureau/notices/${noticeId}/edit`, { ...texts, bodyZh: "x" })).status).toBe(403);
    expect((await outsider.get(`/en/notices/${noticeId}`)).status).toBe(404);
    expect(await prisma.policyNoticeVersion.count({ where: { noticeId } })).toBe(2);
  });

  it("shows the bureau its read figures as tables and charts", async () => {
    const stats = await (await bureau.get(`/en/bureau/notices/${noticeId}`)).text();
    expect(stats).toContain("Share of firms that read it, by cluster");
    expect(stats).toMatch(/<svg[^>]*role="img"/);
    // The one targeted firm read it: 100% in its cluster.
    expect(stats).toContain(">100%<");
    const list = await (await bureau.get("/en/bureau/notices")).text();
    expect(list).toContain("Read rate of the latest sent notices");
  });
});

describe("public notices on public pages", () => {
  it("are in the sitemap with their language alternates and carry meta; targeted ones stay out of both", async () => {
    const created = await bureau.post("/en/bureau/notices/new", form({ ...texts, titleZh: "广交会线上展征集通知", titleEn: "Call for the online Canton Fair", category: "fair-call", department: "中山市商务局", isPublic: "on" }));
    expect(created.status).toBe(302);
    const publicId = created.headers.get("location")!.split("/").pop()!;
    // Not in the sitemap before it is sent.
    expect(await (await new TestClient(server.url).get("/sitemap.xml")).text()).not.toContain(`/notices/${publicId}`);
    expect((await bureau.post(`/en/bureau/notices/${publicId}`, { intent: "sendNow" })).status).toBe(200);

    const xml = await (await new TestClient(server.url).get("/sitemap.xml")).text();
    for (const lang of ["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT"]) expect(xml).toContain(`<loc>${server.url}/${lang}/notices/${publicId}</loc>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="pt-BR" href="${server.url}/pt-BR/notices/${publicId}"/>`);
    expect(xml).toContain(`<loc>${server.url}/en/notices</loc>`);
    expect(xml).not.toContain(`/notices/${noticeId}`);

    const page = await (await new TestClient(server.url).get(`/pt-BR/notices/${publicId}`)).text();
    expect(page).toContain(`<link rel="canonical" href="${server.url}/pt-BR/notices/${publicId}"/>`);
    expect(page).toContain('<meta name="description" content="Às empresas:');
    expect(page).toMatch(/<link rel="alternate" hrefLang="zh-CN" href="[^"]*\/zh-CN\/notices\//i);
    expect(page).not.toContain('content="noindex"');
    expect(await (await firm.get(`/en/notices/${noticeId}`)).text()).toContain('<meta name="robots" content="noindex"/>');
  });
});
