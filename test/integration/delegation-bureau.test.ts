import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { applyToCall, withdrawApplication } from "~/modules/delegation/applications.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";
import { signIn } from "../support/session";

/**
 * The bureau's delegation pages over HTTP: only bureau staff get in; an
 * edition and its call are written through the forms (bad terms refused
 * with their message, what was typed kept); the lifecycle is enforced; the
 * ranking moves with a tried weight before anything is saved; decisions
 * carry their reason and language to the firm's inbox and mail; two staff
 * approving the last place at once get one yes and one "full"; booths are
 * unique; the roster and applications export parse back.
 */
let server: TestServer;
let bureau: TestClient;
let bureau2: TestClient;
let firmClient: TestClient;
const slug = "mif-2027";

type Supplier = Awaited<ReturnType<typeof createSupplier>>;
const firms: Supplier[] = [];

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  bureau = new TestClient(server.url, { "Accept-Language": "en" });
  bureau2 = new TestClient(server.url, { "Accept-Language": "en" });
  firmClient = new TestClient(server.url, { "Accept-Language": "en" });
  const [staff, staff2] = await Promise.all([createUser("BUREAU_STAFF"), createUser("BUREAU_STAFF")]);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  await signIn(bureau2, staff2.email, TEST_PASSWORD);
  for (const [index, locale] of (["zh-CN", "pt", "en"] as const).entries()) {
    const supplier = await createSupplier({ locale });
    await prisma.product.updateMany({ where: { firmId: supplier.firm.id }, data: { published: true } });
    await prisma.firm.update({ where: { id: supplier.firm.id }, data: { foundedYear: 2000 + index * 10, exportMarkets: index === 2 ? ["BR", "PT", "AO"] : ["US"] } });
    firms.push(supplier);
  }
  // A firm name that a spreadsheet would run as a formula.
  await prisma.firm.update({ where: { id: firms[0].firm.id }, data: { name: { "zh-CN": { text: "=HYPERLINK(\"x\")灯饰", origin: "author" }, en: { text: "Guzhen Lamps", origin: "author" } } } });
  await signIn(firmClient, firms[0].member.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

const callForm = (overrides: Record<string, string> = {}) => ({
  intent: "save",
  opensAt: "2026-11-01T09:00",
  deadline: "2027-08-31T18:00",
  quota: "2",
  verifiedOnly: "on",
  minProducts: "1",
  "boothTypes[0].code": "STD",
  "boothTypes[0].name": "Standard 3×3",
  "boothTypes[0].widthM": "3",
  "boothTypes[0].depthM": "3",
  "boothTypes[0].feeCny": "18000",
  "boothTypes[1].code": "",
  "boothTypes[1].name": "",
  subsidySharePercent: "50",
  subsidyCapCny: "8000",
  "documentsAsked[0]": "营业执照 Business licence",
  "weights.exportExperience": "60",
  "weights.marketFit": "5",
  "weights.certifications": "10",
  "weights.clusterPriority": "10",
  "weights.profileCompleteness": "10",
  "weights.verified": "10",
  "weights.earlierResults": "5",
  "weights.firstTime": "5",
  ...overrides,
});

async function applicationOf(supplier: Supplier) {
  return prisma.delegationApplication.findFirstOrThrow({ where: { firmId: supplier.firm.id }, select: { id: true, status: true, booth: true, decisionReason: true, decisionReasonLocale: true } });
}

describe("the bureau's delegation pages", () => {
  it("are for bureau staff only: a firm and a buyer are refused every page and form", async () => {
    const buyer = new TestClient(server.url);
    const buyerUser = await createUser("BUYER");
    await signIn(buyer, buyerUser.email, TEST_PASSWORD);
    for (const client of [firmClient, buyer]) {
      for (const path of ["/en/bureau/fairs", "/en/bureau/fairs/new", `/en/bureau/fairs/${slug}`, `/en/bureau/fairs/${slug}/call`, `/en/bureau/fairs/${slug}/export?kind=roster&format=csv`]) {
        expect((await client.get(path)).status, path).toBe(403);
      }
      expect((await client.post(`/en/bureau/fairs/${slug}/call`, callForm())).status).toBe(403);
      expect((await client.post(`/en/bureau/fairs/${slug}/applications`, { intent: "fill" })).status).toBe(403);
    }
    expect((await new TestClient(server.url).get("/en/bureau/fairs")).status).toBe(302);
    expect(await prisma.delegationCall.count()).toBe(0);
  });

  it("creates and edits an edition, audited, refusing bad dates and a taken address", async () => {
    const form = {
      slug: "plpex-2028",
      shortName: "PLPEX 2028",
      nameZh: "2028中国—葡语国家产品及服务展",
      nameEn: "Portuguese-speaking Countries Products and Services Exhibition 2028",
      cityZh: "澳门",
      cityEn: "Macao",
      cityPt: "Macau",
      startsOn: "2028-10-19",
      endsOn: "2028-10-22",
      timeZone: "Asia/Macau",
      "phases[0].startsOn": "",
      "phases[0].endsOn": "",
    };
    const bad = await bureau.post("/en/bureau/fairs/new", { ...form, endsOn: "2028-10-01", timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("The last day cannot come before the first.");
    expect(html).toContain("This is not a time zone");
    expect(html).toContain("PLPEX 2028");
    const created = await bureau.post("/en/bureau/fairs/new", form);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/en/bureau/fairs/plpex-2028?saved=1");
    const again = await bureau.post("/en/bureau/fairs/new", form);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Another edition already has this address.");
    const edited = await bureau.post("/en/bureau/fairs/plpex-2028", { ...form, slug: "hijacked", namePt: "Exposição de Produtos e Serviços dos Países de Língua Portuguesa 2028" });
    expect(edited.status).toBe(200);
    const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug: "plpex-2028" }, select: { id: true, name: true } });
    expect(JSON.stringify(edition.name)).toContain("Exposição de Produtos");
    expect(await prisma.auditEvent.count({ where: { entityType: "fair", entityId: edition.id } })).toBe(2);
    // Both writes reach the fairs index through the outbox (created, then renamed).
    expect(await prisma.searchOutbox.count({ where: { entityType: "fair", entityId: edition.id } })).toBe(2);
    expect((await bureau.get("/en/bureau/fairs")).status).toBe(200);
  });

  it("writes the call through its form and enforces its lifecycle with clear refusals", async () => {
    const late = await bureau.post(`/en/bureau/fairs/${slug}/call`, callForm({ deadline: "2026-10-01T18:00", quota: "0" }));
    expect(late.status).toBe(400);
    const html = await late.text();
    expect(html).toContain("The deadline must come after the opening.");
    expect(html).toContain("The quota is between 1 and 500 firms.");
    const sizeless = await bureau.post(`/en/bureau/fairs/${slug}/call`, callForm({ "boothTypes[0].widthM": "", "weights.marketFit": "lots" }));
    expect(sizeless.status).toBe(400);
    expect(await sizeless.text()).toContain("Give the booth");

    expect((await bureau.post(`/en/bureau/fairs/${slug}/call`, callForm())).status).toBe(200);
    const call = await prisma.delegationCall.findFirstOrThrow({ where: { edition: { slug } } });
    // 18:00 in Macao is 10:00 UTC; the empty spare booth row is dropped.
    expect(call.deadline.toISOString()).toBe("2027-08-31T10:00:00.000Z");
    expect(call.boothTypes).toHaveLength(1);
    expect(call.status).toBe("DRAFT");

    const jump = await bureau.post(`/en/bureau/fairs/${slug}/call`, { intent: "move", to: "FINISHED" });
    expect(jump.status).toBe(409);
    expect(await jump.text()).toContain("draft → open → closed");
    expect((await bureau.post(`/en/bureau/fairs/${slug}/call`, { intent: "move", to: "OPEN" })).status).toBe(200);

    for (const supplier of firms) {
      const result = await applyToCall(
        { userId: supplier.member.id, firmId: supplier.firm.id },
        call.id,
        { boothTypeCode: "STD", productIds: supplier.products.map((product) => product.id), attendees: [{ name: "陈经理", role: "销售总监", languages: ["zh", "en"] }], keepWithCluster: false },
      );
      expect(result.ok).toBe(true);
    }
    // Decisions wait for the call to close.
    const early = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: (await applicationOf(firms[0])).id, decision: "APPROVED" });
    expect(early.status).toBe(409);
    expect((await bureau.post(`/en/bureau/fairs/${slug}/call`, { intent: "move", to: "CLOSED" })).status).toBe(200);
  });

  it("ranks with each score's parts, and moves the ranking with a tried weight before saving it", async () => {
    const order = async (query = "") => (await bureau.get(`/en/bureau/fairs/${slug}/applications${query}`)).text();
    const saved = await order();
    expect(saved).toContain("Years exporting");
    expect(saved).toContain("27 years");
    const ids = await Promise.all(firms.map(applicationOf));
    const positions = (html: string) => ids.map((application) => html.indexOf(`data-application="${application.id}"`));
    const before = positions(saved);
    // Saved weights favour experience: the oldest exporter first.
    expect(before[0]).toBeLessThan(before[2]);
    const tried = await order("?w.exportExperience=0&w.marketFit=100&w.certifications=x");
    const after = positions(tried);
    expect(after[2]).toBeLessThan(after[0]);
    expect(tried).toContain("ranked with weights you are trying");
    expect(((await prisma.delegationCall.findFirstOrThrow({ where: { edition: { slug } } })).weights as { marketFit: number }).marketFit).toBe(5);

    const save = await bureau.post(`/en/bureau/fairs/${slug}/applications`, {
      intent: "weights",
      "weights.exportExperience": "0",
      "weights.marketFit": "100",
      "weights.certifications": "10",
      "weights.clusterPriority": "10",
      "weights.profileCompleteness": "10",
      "weights.verified": "10",
      "weights.earlierResults": "5",
      "weights.firstTime": "5",
    });
    expect(save.status).toBe(200);
    expect(((await prisma.delegationCall.findFirstOrThrow({ where: { edition: { slug } } })).weights as { marketFit: number }).marketFit).toBe(100);
    const notANumber = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "weights", "weights.marketFit": "lots" });
    expect(notANumber.status).toBe(400);
  });

  it("decides with a reason in the firm's language, holds the quota under concurrent approvals, and refuses a decision on a withdrawn application", async () => {
    const [first, second, third] = await Promise.all(firms.map(applicationOf));
    const noReason = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: second.id, decision: "REJECTED", reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Please write the reason the firm will read.");
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: third.id, decision: "APPROVED" })).status).toBe(200);
    const reason = "Os lugares para eletrodomésticos estão completos; fica em lista de espera.";
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: second.id, decision: "WAITLISTED", reason, reasonLocale: "pt" })).status).toBe(200);
    expect(await applicationOf(firms[1])).toMatchObject({ status: "WAITLISTED", decisionReason: reason, decisionReasonLocale: "pt" });

    // The Portuguese-speaking firm's member reads the notice in Portuguese, in the app and by mail.
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: firms[1].member.id }, orderBy: { id: "desc" } });
    expect(mail.locale).toBe("pt-BR");
    expect(mail.subject).toContain("Em lista de espera");
    expect(mail.textBody).toContain("Os lugares para eletrodomésticos");

    // Two staff approve the last place at once: exactly one succeeds.
    const answers = await Promise.all([
      bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: first.id, decision: "APPROVED" }),
      bureau2.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: second.id, decision: "APPROVED" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(await refused.text()).toContain("The delegation is full (2 places)");
    expect(await prisma.delegationApplication.count({ where: { status: "APPROVED" } })).toBe(2);

    // Make the first firm the approved one, then it withdraws: the waitlist moves up.
    const winner = (await applicationOf(firms[0])).status === "APPROVED" ? firms[0] : firms[1];
    const loser = winner === firms[0] ? firms[1] : firms[0];
    if ((await applicationOf(loser)).status !== "WAITLISTED") {
      expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: (await applicationOf(loser)).id, decision: "WAITLISTED", reason: "候补", reasonLocale: "zh-CN" })).status).toBe(200);
    }
    const withdrawn = await withdrawApplication({ userId: winner.member.id, firmId: winner.firm.id }, (await applicationOf(winner)).id);
    expect(withdrawn).toEqual({ ok: true, promoted: (await applicationOf(loser)).id });
    expect((await applicationOf(loser)).status).toBe("APPROVED");
    const onWithdrawn = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "decide", applicationId: (await applicationOf(winner)).id, decision: "APPROVED" });
    expect(onWithdrawn.status).toBe(409);
    expect(await onWithdrawn.text()).toContain("The firm withdrew this application meanwhile");

    const audit = await prisma.auditEvent.findMany({ where: { entityType: "delegationApplication", action: "decide" }, select: { actorId: true, changes: true } });
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit.every((event) => event.actorId)).toBe(true);
    expect(await prisma.notification.count({ where: { kind: "delegation.decision", userId: loser.member.id } })).toBeGreaterThanOrEqual(2);
  });

  it("takes the floor plan, gives booths unique per edition, and exports a roster that parses back, formula-safe", async () => {
    const badPlan = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "floorPlan", floorPlan: "A1, A, STD\nA1, A, STD\nB1, B, XL" });
    expect(badPlan.status).toBe(400);
    const text = await badPlan.text();
    expect(text).toContain("Line 2: this booth number is already on the plan.");
    expect(text).toContain("Line 3: this booth type is not offered in the call.");
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "floorPlan", floorPlan: "A1, A, STD\nA2, A, STD\nB1, B, STD" })).status).toBe(200);
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "assign" })).status).toBe(200);
    const approved = await prisma.delegationApplication.findMany({ where: { status: "APPROVED" }, select: { id: true, booth: true } });
    expect(approved.every((application) => application.booth)).toBe(true);
    expect(new Set(approved.map((application) => application.booth)).size).toBe(approved.length);
    const taken = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "booth", applicationId: approved[0].id, booth: approved[1].booth! });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain(`Booth ${approved[1].booth} is already given to another firm.`);
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "booth", applicationId: approved[0].id, booth: "B1" })).status).toBe(200);
    expect(await prisma.notification.count({ where: { kind: "delegation.booth" } })).toBeGreaterThanOrEqual(2);

    const xlsx = await bureau.get(`/en/bureau/fairs/${slug}/export?kind=roster&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("ponte-mif-2027-roster.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Booth", "Company name (Chinese)", "Company name (English)", "Unified social credit code", "Products shown (Chinese)", "Attendees"]));
    expect(sheet.rowCount).toBe(3);
    const cells = [2, 3].flatMap((row) => (sheet.getRow(row).values as unknown[]).slice(1).map(String));
    expect(cells.some((cell) => cell.includes("陈经理 (销售总监)"))).toBe(true);
    expect(cells.every((cell) => !cell.startsWith("="))).toBe(true);

    const csv = await bureau.get(`/en/bureau/fairs/${slug}/export?kind=applications&format=csv`);
    expect(csv.status).toBe(200);
    const rows = parse(Buffer.from(await csv.arrayBuffer()), { bom: true }) as string[][];
    expect(rows[0]).toEqual(expect.arrayContaining(["Rank", "Score", "Status", "Reason"]));
    expect(rows).toHaveLength(4);
    const formulaFirm = rows.find((row) => row.some((cell) => cell.includes("HYPERLINK")))!;
    expect(formulaFirm.find((cell) => cell.includes("HYPERLINK"))).toBe("'=HYPERLINK(\"x\")灯饰");
    expect((await bureau.get(`/en/bureau/fairs/${slug}/export?kind=nonsense`)).status).toBe(400);
  });

  it("records the subsidy after the fair, within the share of the fee and the cap", async () => {
    for (const to of ["SELECTED", "ROSTER_PUBLISHED"]) expect((await bureau.post(`/en/bureau/fairs/${slug}/call`, { intent: "move", to })).status).toBe(200);
    const approved = await prisma.delegationApplication.findFirstOrThrow({ where: { status: "APPROVED" }, select: { id: true } });
    const early = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "subsidy", applicationId: approved.id, subsidyPaidCny: "5000" });
    expect(early.status).toBe(409);
    expect((await bureau.post(`/en/bureau/fairs/${slug}/call`, { intent: "move", to: "FINISHED" })).status).toBe(200);
    const tooMuch = await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "subsidy", applicationId: approved.id, subsidyPaidCny: "9000" });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.text()).toContain("at most 8000 CNY");
    expect((await bureau.post(`/en/bureau/fairs/${slug}/applications`, { intent: "subsidy", applicationId: approved.id, subsidyPaidCny: "7500" })).status).toBe(200);
    expect(Number((await prisma.delegationApplication.findUniqueOrThrow({ where: { id: approved.id } })).subsidyPaidCny)).toBe(7500);
    // The public page lists the published delegation.
    expect((await new TestClient(server.url).get(`/en/fairs/${slug}`)).status).toBe(200);
  });
});
