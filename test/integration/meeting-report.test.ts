import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier, createTownWithCluster } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Meetings at fairs, outcomes and the fair report (issue 10, items 7–8):
 * after MIF 2026 each side records what came of its meetings over HTTP (the
 * firm in Chinese, the buyer in Portuguese), nobody reaches another party's
 * meeting, the bureau's report counts what was recorded by cluster, town,
 * buyer country and firm, downloads it as XLSX and sets it beside MIF 2025;
 * a staff correction is audited.
 */
let server: TestServer;
const SLUG = "mif-2026";
const EARLIER = "mif-2025";
let bureau: TestClient;
let firmA: TestClient;
let firmB: TestClient;
let buyer1: TestClient;
let buyer2: TestClient;
const ids: Record<string, string> = {};

async function edition(slug: string) {
  const row = await prisma.fairEdition.findUniqueOrThrow({ where: { slug } });
  await prisma.delegationCall.create({ data: { editionId: row.id, status: "ROSTER_PUBLISHED", opensAt: new Date("2025-01-01T00:00:00Z"), deadline: new Date("2025-03-01T00:00:00Z"), quota: 10 } });
  await prisma.meetingGrid.create({ data: { editionId: row.id, days: [], status: "PUBLISHED", publishedAt: new Date("2025-10-01T00:00:00Z") } });
  return row;
}

async function pairOf(editionId: string, firmId: string, buyerCompanyId: string, status: "ACCEPTED" | "PENDING" | "DECLINED", startsAt?: string) {
  const request = await prisma.meetingRequest.create({ data: { editionId, firmId, buyerCompanyId, status, buyerAskedAt: new Date("2026-09-01T00:00:00Z"), expiresAt: new Date("2026-10-01T00:00:00Z") } });
  if (startsAt) {
    const start = new Date(startsAt);
    await prisma.meeting.create({ data: { editionId, requestId: request.id, slotId: startsAt.slice(0, 16), startsAt: start, endsAt: new Date(start.getTime() + 20 * 60_000), table: "T01" } });
  }
  return request.id;
}

async function client(email: string, locale: string) {
  const signedIn = new TestClient(server.url);
  await signIn(signedIn, email, TEST_PASSWORD, locale);
  return signedIn;
}

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  const current = await edition(SLUG);
  const earlier = await edition(EARLIER);
  const guzhen = await createTownWithCluster({ zh: "古镇", en: "Guzhen", pt: "Guzhen" });
  const xiaolan = await createTownWithCluster({ zh: "小榄", en: "Xiaolan", pt: "Xiaolan" });
  const suppliers = [await createSupplier({ townId: guzhen.town.id, clusterId: guzhen.cluster.id }), await createSupplier({ townId: xiaolan.town.id, clusterId: xiaolan.cluster.id })];
  // A firm whose English name a spreadsheet would run as a formula.
  await prisma.firm.update({ where: { id: suppliers[1].firm.id }, data: { name: { "zh-CN": { text: "小榄五金", origin: "author" }, en: { text: "=HYPERLINK(\"http://x\")", origin: "author" } } } });
  for (const row of [current, earlier]) {
    const call = await prisma.delegationCall.findUniqueOrThrow({ where: { editionId: row.id } });
    for (const supplier of suppliers) await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
  }
  const buyers = [await createBuyer({ country: "BR" }), await createBuyer({ country: "AO" }), await createBuyer({ country: "MZ" })];
  const [a, b] = suppliers.map((supplier) => supplier.firm.id);
  const [b1, b2, b3] = buyers.map((buyer) => buyer.company.id);
  // MIF 2026 (22–25 October 2026, over): three meetings placed, one pair pending, one declined.
  ids.a1 = await pairOf(current.id, a, b1, "ACCEPTED", "2026-10-22T02:00:00Z");
  ids.a2 = await pairOf(current.id, a, b2, "ACCEPTED", "2026-10-22T02:20:00Z");
  ids.b2 = await pairOf(current.id, b, b2, "ACCEPTED", "2026-10-22T03:00:00Z");
  await pairOf(current.id, a, b3, "PENDING");
  await pairOf(current.id, b, b1, "DECLINED");
  // MIF 2025: two pairs, one meeting held with an intended order of US$ 20,000.
  const held = await pairOf(earlier.id, a, b1, "ACCEPTED", "2025-10-22T02:00:00Z");
  await pairOf(earlier.id, b, b2, "PENDING");
  await prisma.meetingOutcome.create({ data: { requestId: held, side: "FIRM", attendance: "HELD", intendedOrderUsd: 20_000 } });

  bureau = await client((await createUser("BUREAU_STAFF")).email, "en");
  firmA = await client(suppliers[0].member.email, "zh-CN");
  firmB = await client(suppliers[1].member.email, "zh-CN");
  buyer1 = await client(buyers[0].user.email, "pt-BR");
  buyer2 = await client(buyers[1].user.email, "pt-BR");
}, 180_000);
afterAll(async () => {
  await server.close();
});

describe("meeting outcomes", { timeout: 180_000 }, () => {
  it("lets the firm record an outcome and update it at its follow-up, in Chinese", async () => {
    const page = `/zh-CN/meetings/${SLUG}/firm/outcomes`;
    const list = await (await firmA.get(page)).text();
    expect(list).toContain(`data-request="${ids.a1}"`);
    expect(list).toContain(`data-request="${ids.a2}"`);
    expect(list).not.toContain(`data-request="${ids.b2}"`);
    expect(list).toContain("洽谈是否举行");

    const first = await firmA.post(page, { requestId: ids.a1, attendance: "HELD", interest: "HIGH", samplesRequested: "on", quotationSent: "on", intendedOrderUsd: "50000", notes: "要 40HQ 报价" });
    expect(first.status).toBe(200);
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.a1, side: "FIRM" } } })).toMatchObject({ attendance: "HELD", interest: "HIGH", intendedOrderUsd: 50_000, orderPlaced: false, notes: "要 40HQ 报价" });
    // The 30-day follow-up: the order is placed.
    const followUp = await firmA.post(page, { requestId: ids.a1, attendance: "HELD", interest: "HIGH", samplesRequested: "on", quotationSent: "on", intendedOrderUsd: "50000", orderPlaced: "on", confirmedOrderUsd: "42000" });
    expect(followUp.status).toBe(200);
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.a1, side: "FIRM" } } })).toMatchObject({ orderPlaced: true, confirmedOrderUsd: 42_000 });
    expect((await firmA.post(page, { requestId: ids.a2, attendance: "NO_SHOW_BUYER" })).status).toBe(200);
    expect((await firmB.post(page, { requestId: ids.b2, attendance: "HELD", interest: "MEDIUM", intendedOrderUsd: "10000" })).status).toBe(200);
  });

  it("refuses bad values with a message in the reader's language and keeps what was typed", async () => {
    const page = `/zh-CN/meetings/${SLUG}/firm/outcomes`;
    const bad = await firmA.post(page, { requestId: ids.a1, attendance: "HELD", intendedOrderUsd: "-5", notes: "保留我的备注" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("请输入 0 至 1,000,000,000 之间的整数美元金额");
    expect(html).toContain('value="-5"');
    expect(html).toContain("保留我的备注");
    for (const [field, value] of Object.entries({ attendance: "MAYBE", intendedOrderUsd: "1e309", confirmedOrderUsd: "abc", samplesRequested: "<script>", notes: "长".repeat(5000), interest: "VERY", requestId: "x".repeat(100) })) {
      expect((await firmA.post(page, { requestId: ids.a1, attendance: "HELD", [field]: value })).status, field).toBe(400);
    }
    // The record is what the last good post left.
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.a1, side: "FIRM" } } })).toMatchObject({ intendedOrderUsd: 50_000, confirmedOrderUsd: 42_000 });
  });

  it("lets the buyer say whether the meeting took place and rate it, in Portuguese", async () => {
    const page = `/pt-BR/meetings/${SLUG}/buyer/outcomes`;
    expect(await (await buyer1.get(page)).text()).toContain("A reunião realizou-se?");
    expect((await buyer1.post(page, { requestId: ids.a1, attendance: "HELD", rating: "5", samplesRequested: "on" })).status).toBe(200);
    const refused = await buyer1.post(page, { requestId: ids.a1, attendance: "HELD", rating: "9" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Avalie a reunião de 1 a 5.");
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.a1, side: "BUYER" } } })).toMatchObject({ rating: 5, samplesRequested: true, intendedOrderUsd: null });
  });

  it("keeps each party to its own meetings", async () => {
    // Another firm's meeting, another buyer's meeting: 404, as an unknown id; nothing written.
    expect((await firmB.post(`/zh-CN/meetings/${SLUG}/firm/outcomes`, { requestId: ids.a1, attendance: "NO_SHOW_BUYER" })).status).toBe(404);
    expect((await buyer2.post(`/pt-BR/meetings/${SLUG}/buyer/outcomes`, { requestId: ids.a1, attendance: "NO_SHOW_FIRM" })).status).toBe(404);
    expect((await buyer2.post(`/pt-BR/meetings/${SLUG}/buyer/outcomes`, { requestId: "no-such-request", attendance: "HELD" })).status).toBe(404);
    expect(await prisma.meetingOutcome.count({ where: { requestId: ids.a1 } })).toBe(2);
    // The other side's page, the bureau's report: refused.
    expect((await buyer1.get(`/pt-BR/meetings/${SLUG}/firm/outcomes`)).status).toBe(403);
    expect((await firmA.post(`/zh-CN/meetings/${SLUG}/buyer/outcomes`, { requestId: ids.a1, attendance: "HELD" })).status).toBe(403);
    expect((await firmA.get(`/zh-CN/bureau/meetings/${SLUG}/report`)).status).toBe(403);
    expect((await buyer1.get(`/pt-BR/bureau/meetings/${SLUG}/report.xlsx`)).status).toBe(403);
    expect((await buyer1.post(`/pt-BR/bureau/meetings/${SLUG}/report`, { side: "FIRM", requestId: ids.a1, attendance: "HELD" })).status).toBe(403);
  });
});

describe("the bureau's fair report", { timeout: 180_000 }, () => {
  const figure = (html: string, name: string) => new RegExp(`data-figure="${name}"><th scope="row">[^<]*</th><td data-value="([^"]*)"`).exec(html)?.[1];

  it("counts what was recorded, by cluster, town, buyer country and firm, beside the earlier edition", async () => {
    const response = await bureau.get(`/en/bureau/meetings/${SLUG}/report`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const totals: Record<string, string | undefined> = {};
    for (const name of ["requested", "agreed", "scheduled", "recorded", "held", "noShows", "noShowRate", "samples", "quotations", "orders", "intendedUsd", "confirmedUsd", "ratingAverage"]) totals[name] = figure(html, name);
    expect(totals).toEqual({ requested: "5", agreed: "3", scheduled: "3", recorded: "3", held: "2", noShows: "1", noShowRate: String(1 / 3), samples: "1", quotations: "1", orders: "1", intendedUsd: "60000", confirmedUsd: "42000", ratingAverage: "5" });
    // MIF 2025 beside it: two requested, one held, US$ 20,000 intended.
    expect(html).toContain("MIF 2025");
    expect(html).toMatch(/data-figure="requested">.*?data-earlier="2"/s);
    expect(html).toMatch(/data-figure="intendedUsd">.*?data-earlier="20000"/s);
    // Breakdowns: Guzhen's cluster held one meeting and had one no-show; Angola's buyers one held, one no-show.
    expect(html).toContain("Guzhen lighting");
    expect(html).toMatch(/data-group="AO"><th scope="row">Angola</)
    expect(html).toMatch(/data-table="country".*?data-group="AO"><th scope="row">[^<]+<\/th><td data-figure="requested">2<\/td><td data-figure="scheduled">2<\/td><td data-figure="held">1<\/td>/s);
    expect(html).toContain('role="img"');
    // An unknown edition in the URL gives the totals alone; odd values never a 500.
    const alone = await bureau.get(`/en/bureau/meetings/${SLUG}/report?compare=no-such-edition`);
    expect(alone.status).toBe(200);
    expect(await alone.text()).not.toContain("data-earlier");
    for (const odd of ["%00", "x".repeat(500), "mif-2025&compare=mif-2024"]) {
      expect((await bureau.get(`/en/bureau/meetings/${SLUG}/report?compare=${odd}`)).status).toBeLessThan(500);
    }
  });

  it("downloads the report as XLSX, formula-safe, in the reader's language", async () => {
    const response = await bureau.get(`/pt-BR/bureau/meetings/${SLUG}/report.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Resumo", "Cluster", "Vila", "País do comprador", "Empresa"]);
    const summary = workbook.getWorksheet("Resumo")!;
    expect(summary.getRow(1).values).toEqual([undefined, "Indicador", "MIF 2026", "MIF 2025", "Variação"]);
    const rowOf = (label: string) => summary.getColumn(1).values.findIndex((value) => value === label);
    expect(summary.getRow(rowOf("Realizadas")).values).toEqual([undefined, "Realizadas", 2, 1, 1]);
    expect(summary.getRow(rowOf("Encomendas previstas (USD)")).values).toEqual([undefined, "Encomendas previstas (USD)", 60_000, 20_000, 40_000]);
    const countries = workbook.getWorksheet("País do comprador")!;
    expect(countries.getColumn(1).values).toContain("Brasil");
    // The firm named like a formula is text, never a formula.
    const firms = workbook.getWorksheet("Empresa")!;
    const cells = firms.getColumn(1).values;
    expect(cells.some((value) => typeof value === "object" && value !== null && "formula" in value)).toBe(false);
    expect(cells.filter((value) => typeof value === "string" && value.includes("HYPERLINK"))).toEqual(["'=HYPERLINK(\"http://x\")"]);
  });

  it("lets staff correct a record, audited", async () => {
    const page = `/en/bureau/meetings/${SLUG}/report`;
    const before = await prisma.auditEvent.count({ where: { action: "meetings.outcome.correct" } });
    expect((await bureau.post(page, { side: "FIRM", requestId: ids.b2, attendance: "HELD", interest: "MEDIUM", intendedOrderUsd: "12000" })).status).toBe(200);
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.b2, side: "FIRM" } } })).toMatchObject({ intendedOrderUsd: 12_000, correctedAt: expect.any(Date) });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "meetings.outcome.correct" }, orderBy: { id: "desc" } });
    expect(event.changes).toMatchObject({ intendedOrderUsd: { from: 10_000, to: 12_000 } });
    expect(await prisma.auditEvent.count({ where: { action: "meetings.outcome.correct" } })).toBe(before + 1);
    // Odd bodies: 4xx, never a 500; an unknown meeting 404.
    for (const body of [{ side: "NOBODY" } as Record<string, string>, { side: "FIRM", requestId: ids.b2, attendance: "??" }, { side: "BUYER", requestId: ids.b2, attendance: "HELD", rating: "0" }]) {
      const status = (await bureau.post(page, body)).status;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect((await bureau.post(page, { side: "FIRM", requestId: "no-such-request", attendance: "HELD" })).status).toBe(404);
    // The firm sees that the bureau corrected its record.
    expect(await (await firmB.get(`/zh-CN/meetings/${SLUG}/firm/outcomes`)).text()).toContain("已由商务局更正");
  });
});
