import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser } from "../support/factories";
import { createSupplier } from "../support/inquiry-factories";
import { signIn } from "../support/session";

/**
 * Malformed and hostile values against every form of the foundation: the
 * server answers with a 4xx (or a redirect), never a 500, and nothing it
 * renders executes what was sent.
 */
let server: TestServer;
let admin: TestClient;
let buyer: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = new TestClient(server.url);
  buyer = new TestClient(server.url);
  const adminUser = await createUser("ADMIN");
  const buyerUser = await createUser("BUYER");
  await signIn(admin, adminUser.email, adminUser.password);
  await signIn(buyer, buyerUser.email, buyerUser.password);
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await prisma.rateLimitHit.deleteMany();
});

const SCRIPT = `<script>alert("x")</script>"><img src=x onerror=alert(1)>`;
const SQL = `' OR '1'='1'; DROP TABLE "User"; --`;
// ~90 KB as UTF-8 per field (under 1 MB for the largest form): far over every field's limit.
const HUGE = "长".repeat(30_000);
const values = ["", " ", SCRIPT, SQL, HUGE, "\u0000\u0001\u001f", "👍🏽".repeat(50), "-1", "1e309", "[object Object]", "null", "true"];

const forms: { path: string; who: () => TestClient; fields: string[] }[] = [
  { path: "/en/login", who: () => new TestClient(server.url), fields: ["email", "password", "redirectTo"] },
  {
    path: "/pt-PT/register",
    who: () => new TestClient(server.url),
    fields: ["accountType", "companyName", "uscc", "townId", "country", "displayName", "email", "password", "confirmPassword", "homepage", "privacyConsent"],
  },
  // Personal-data rights (issue 14): deleting one's account.
  { path: "/en/account/privacy", who: () => buyer, fields: ["password", "confirm"] },
  { path: "/zh-CN/account", who: () => buyer, fields: ["currentPassword", "newPassword", "confirmPassword"] },
  { path: "/en/admin/users", who: () => admin, fields: ["displayName", "email", "password", "role"] },
  { path: "/en/logout", who: () => new TestClient(server.url), fields: ["anything"] },
  // Operations (issue 3).
  { path: "/pt-PT/account/company", who: () => buyer, fields: ["name", "country", "buyerType", "languages", "interests", "volumeBand", "requiredCertifications", "incoterms", "website"] },
  {
    path: "/en/account/requests/new",
    who: () => buyer,
    fields: ["title", "titleLocale", "hsCodes", "keywords", "quantity", "unit", "targetPriceUsd", "requiredCertifications", "destinationCountry", "deadline", "visibility"],
  },
  // Machine translation (issue 12): the bureau retries parked jobs.
  { path: "/en/bureau/translations", who: () => admin, fields: ["intent", "jobId"] },
  // Policy notices (issue 11): the bureau's notice form (admins are bureau).
  {
    path: "/en/bureau/notices/new",
    who: () => admin,
    fields: [
      "titleZh",
      "titleEn",
      "titlePt",
      "bodyZh",
      "bodyEn",
      "bodyPt",
      "category",
      "department",
      "validFrom",
      "validUntil",
      "deadline",
      "isPublic",
      "townIds",
      "clusterIds",
      "hsCodes",
      "markets",
      "certificationsHeld",
      "certificationsMissing",
      "sizeBands",
      "verified",
      "removeAttachmentIds",
    ],
  },
  // Training sessions (issue 11): the bureau's session form.
  {
    path: "/en/bureau/training/new",
    who: () => admin,
    fields: ["titleZh", "titleEn", "titlePt", "descriptionZh", "descriptionEn", "descriptionPt", "startsAt", "endsAt", "place", "videoLink", "capacity"],
  },
];

describe("hostile form input", () => {
  for (const form of forms) {
    it(`never fails on ${form.path}`, async () => {
      for (const value of values) {
        const body: Record<string, string> = Object.fromEntries(form.fields.map((field) => [field, value]));
        const response = await form.who().post(form.path, body);
        expect(response.status, `${form.path} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        const html = await response.text();
        expect(html).not.toContain('<script>alert("x")</script>');
        expect(html).not.toContain("<img src=x onerror");
      }
      // Repeated fields (arrays where strings are expected) and unknown fields.
      const repeated = new URLSearchParams();
      for (const field of form.fields) {
        repeated.append(field, "a");
        repeated.append(field, "b");
      }
      repeated.append("__proto__[admin]", "true");
      expect((await form.who().post(form.path, repeated)).status).toBeLessThan(500);
    });
  }

  // Issue 10: a buyer's meeting outcomes and the bureau's corrections on the fair report, at an edition whose schedule is published.
  it("never fails on the meeting outcome forms", async () => {
    const edition = await prisma.fairEdition.create({
      data: { slug: "hostile-meetings-2026", shortName: "HM 2026", name: { en: { text: "Hostile meetings", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2026-10-01"), endsOn: new Date("2026-10-04") },
    });
    const call = await prisma.delegationCall.create({ data: { editionId: edition.id, status: "ROSTER_PUBLISHED", opensAt: new Date("2026-01-01"), deadline: new Date("2026-03-01"), quota: 5 } });
    await prisma.meetingGrid.create({ data: { editionId: edition.id, status: "PUBLISHED" } });
    // A firm of the delegation records its own outcomes (the firm's form has the business fields).
    const supplier = await createSupplier();
    await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
    const firm = new TestClient(server.url);
    await signIn(firm, supplier.member.email, supplier.member.password);
    const outcomeFields = ["requestId", "attendance", "interest", "samplesRequested", "quotationSent", "intendedOrderUsd", "orderPlaced", "confirmedOrderUsd", "rating", "notes", "followUpStage"];
    const targets = [
      { path: `/pt-BR/meetings/${edition.slug}/buyer/outcomes`, who: buyer, fixed: {} as Record<string, string> },
      { path: `/zh-CN/meetings/${edition.slug}/firm/outcomes`, who: firm, fixed: {} as Record<string, string> },
      { path: `/en/bureau/meetings/${edition.slug}/report`, who: admin, fixed: { side: "FIRM" } },
      { path: `/en/bureau/meetings/${edition.slug}/report`, who: admin, fixed: { side: "BUYER" } },
    ];
    for (const target of targets) {
      for (const value of values) {
        const response = await target.who.post(target.path, { ...Object.fromEntries(outcomeFields.map((field) => [field, value])), ...target.fixed });
        expect(response.status, `${target.path} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        const html = await response.text();
        expect(html).not.toContain('<script>alert("x")</script>');
      }
      // A well-formed record for a meeting that does not exist: not found, not a failure.
      expect((await target.who.post(target.path, { requestId: "no-such-request", attendance: "HELD", ...target.fixed })).status).toBe(404);
    }
    // Self-booking (issue 10, item 4): odd slots and meeting ids on a firm's booking page, odd values of the bureau's switch.
    await prisma.meetingGrid.update({ where: { editionId: edition.id }, data: { selfBooking: true } });
    const bookPath = `/pt-BR/meetings/${edition.slug}/buyer/book/${supplier.firm.id}`;
    for (const value of values) {
      const bodies: Record<string, string>[] = [{ intent: "book", slotId: value }, { intent: "cancelBooking", meetingId: value }, { intent: value, slotId: value, meetingId: value }];
      for (const body of bodies) {
        const response = await buyer.post(bookPath, body);
        expect(response.status, `${bookPath} ${JSON.stringify(body).slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
      const switched = await admin.post(`/en/bureau/meetings/${edition.slug}`, { intent: "selfBooking", selfBooking: value });
      expect(switched.status, `selfBooking=${JSON.stringify(value.slice(0, 30))}`).toBe(400);
    }
    expect(await prisma.meeting.count({ where: { editionId: edition.id } })).toBe(0);
  }, 180_000);

  // Issue 9, the firm's side: the application form (apply and edit) and the withdrawal.
  it("never fails on a firm's delegation forms", async () => {
    const supplier = await createSupplier();
    const firm = new TestClient(server.url);
    await signIn(firm, supplier.member.email, supplier.member.password);
    const edition = await prisma.fairEdition.create({
      data: { slug: "hostile-input-fair", shortName: "HIF", name: { en: { text: "Hostile Input Fair", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2099-10-01"), endsOn: new Date("2099-10-04") },
    });
    const call = await prisma.delegationCall.create({
      data: { editionId: edition.id, status: "OPEN", opensAt: new Date("2026-01-01"), deadline: new Date("2099-01-01"), quota: 5, verifiedOnly: false, boothTypes: [{ code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 }] },
    });
    const other = await prisma.fairEdition.create({
      data: { slug: "hostile-input-fair-2", shortName: "HIF2", name: { en: { text: "Hostile Input Fair 2", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2099-10-01"), endsOn: new Date("2099-10-04") },
    });
    const applied = await prisma.delegationCall.create({
      data: { editionId: other.id, status: "OPEN", opensAt: new Date("2026-01-01"), deadline: new Date("2099-01-01"), quota: 5, verifiedOnly: false, boothTypes: [{ code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 }] },
    });
    const application = await prisma.delegationApplication.create({ data: { callId: applied.id, firmId: supplier.firm.id, boothTypeCode: "STD", productIds: [supplier.products[0].id], attendees: [{ name: "Wang" }] } });
    const fields = ["boothTypeCode", "productIds", "attendees", "keepWithCluster", "note"];
    const paths = [`/en/delegations/calls/${call.id}`, `/zh-CN/delegations/applications/${application.id}/edit`];
    for (const path of paths) {
      for (const value of values) {
        const response = await firm.post(path, Object.fromEntries(fields.map((field) => [field, value])));
        expect(response.status, `${path} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        const html = await response.text();
        expect(html).not.toContain('<script>alert("x")</script>');
      }
      // Odd values of a valid-looking form: a booth type that is a script, a product id of SQL, a note far too long.
      const odd = await firm.post(path, { boothTypeCode: SCRIPT, productIds: [SQL, supplier.products[0].id], attendees: `${SCRIPT}\n${HUGE}`, note: HUGE });
      expect(odd.status).toBe(400);
      expect(await odd.text()).not.toContain('<script>alert("x")</script>');
    }
    for (const value of values) {
      const response = await firm.post(`/en/delegations/applications/${application.id}`, { intent: value });
      expect(response.status).toBe(400);
    }
    expect(await prisma.delegationApplication.count({ where: { firmId: supplier.firm.id } })).toBe(1);
    expect((await prisma.delegationApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SUBMITTED");
    // About 60 posts, some of them megabytes: slow on a busy machine.
  }, 120_000);

  // Issue 11: a firm raises a problem and acts in its thread; the bureau assigns it.
  it("never fails on the problem forms", async () => {
    const supplier = await createSupplier();
    const firm = new TestClient(server.url);
    await signIn(firm, supplier.member.email, supplier.member.password);
    const problem = await prisma.problem.create({
      data: { firmId: supplier.firm.id, raisedById: supplier.member.id, category: "customs", subject: "海关", firstAnswerDueAt: new Date(Date.now() + 2 * 86_400_000) },
    });
    const posts: { who: TestClient; path: string; fields: string[]; fixed?: Record<string, string> }[] = [
      { who: firm, path: "/zh-CN/problems/new", fields: ["category", "subject", "body"] },
      { who: firm, path: `/en/problems/${problem.id}`, fields: ["body", "internal"], fixed: { intent: "message" } },
      { who: firm, path: `/en/problems/${problem.id}`, fields: ["rating", "comment"], fixed: { intent: "rate" } },
      { who: admin, path: `/en/problems/${problem.id}`, fields: ["assigneeId", "department"], fixed: { intent: "assign" } },
      { who: admin, path: `/en/problems/${problem.id}`, fields: ["intent"] },
    ];
    for (const post of posts) {
      for (const value of values) {
        const response = await post.who.post(post.path, { ...Object.fromEntries(post.fields.map((field) => [field, value])), ...post.fixed });
        expect(response.status, `${post.path} ${post.fixed?.intent ?? ""} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        const html = await response.text();
        expect(html).not.toContain('<script>alert("x")</script>');
        expect(html).not.toContain("<img src=x onerror");
      }
    }
    // Odd values of valid-looking forms: a category that is a script, a rating of SQL, a department far too long.
    expect((await firm.post("/en/problems/new", { category: SCRIPT, subject: SCRIPT, body: HUGE })).status).toBe(400);
    expect((await firm.post(`/en/problems/${problem.id}`, { intent: "rate", rating: SQL })).status).toBe(400);
    expect((await admin.post(`/en/problems/${problem.id}`, { intent: "assign", assigneeId: SQL, department: HUGE })).status).toBe(400);
    // The hostile message that was valid is kept as text, never run.
    const page = await (await firm.get(`/en/problems/${problem.id}`)).text();
    expect(page).not.toContain('<script>alert("x")</script>');
    expect(await prisma.problem.count({ where: { firmId: supplier.firm.id } })).toBe(1);
  });

  // Issue 11: a firm's training registration and the bureau's attendance form.
  it("never fails on the training registration and attendance forms", async () => {
    const supplier = await createSupplier();
    const firm = new TestClient(server.url);
    await signIn(firm, supplier.member.email, supplier.member.password);
    const session = await prisma.trainingSession.create({
      data: { title: { "zh-CN": { text: "敌意输入培训", origin: "author" } }, description: {}, startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), capacity: 2, place: "Room 1" },
    });
    for (const value of values) {
      for (const [client, path, body] of [
        [firm, "/en/training", { intent: value, sessionId: value }],
        [firm, "/en/training", { intent: "register", sessionId: value }],
        [admin, `/en/bureau/training/${session.id}`, { intent: "attendance", attended: value }],
        [admin, `/en/bureau/training/${session.id}`, { intent: value }],
      ] as const) {
        const response = await client.post(path, body);
        expect(response.status, `${path} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
    }
    expect(await prisma.trainingRegistration.count({ where: { sessionId: session.id } })).toBe(0);
  }, 120_000);

  // Issue 11: the bureau's training materials page (multipart with PDFs, or urlencoded for the recording and removals).
  it("never fails on the training materials forms", async () => {
    const session = await prisma.trainingSession.create({
      data: { title: { "zh-CN": { text: "敌意资料培训", origin: "author" } }, description: {}, startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), capacity: 2, place: "Room 2" },
    });
    const path = `/en/bureau/training/${session.id}/materials`;
    for (const value of values) {
      const bodies: Record<string, string>[] = [{ intent: value, materialId: value, recordingUrl: value }, { intent: "recording", recordingUrl: value }, { intent: "removeMaterial", materialId: value }];
      for (const body of bodies) {
        const response = await admin.post(path, body);
        expect(response.status, `${path} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
      const form = new FormData();
      form.append("intent", value);
      form.append("recordingUrl", value);
      form.append("attachment", new Blob([value.slice(0, 200)], { type: "application/pdf" }), `${value.slice(0, 40)}.pdf`);
      const multipart = await admin.post(path, form);
      expect(multipart.status, `${path} multipart with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
      expect(await multipart.text()).not.toContain('<script>alert("x")</script>');
      const upload = new FormData();
      upload.append("intent", "upload");
      upload.append("attachment", new Blob([value], { type: "application/pdf" }), `${value.slice(0, 40)}.pdf`);
      const refused = await admin.post(path, upload);
      expect(refused.status, `upload of ${JSON.stringify(value.slice(0, 30))}`).toBe(400);
      expect(await refused.text()).not.toContain('<script>alert("x")</script>');
    }
    const after = await prisma.trainingSession.findUniqueOrThrow({ where: { id: session.id }, select: { recordingUrl: true, materials: { select: { id: true } } } });
    expect(after.recordingUrl).toBeNull();
    expect(after.materials).toEqual([]);
  }, 120_000);

  it("shows hostile text back as text, escaped", async () => {
    const response = await new TestClient(server.url).post("/en/register", {
      accountType: "buyer",
      companyName: SCRIPT,
      country: "BR",
      displayName: SCRIPT,
      email: "bad",
      password: "short",
      confirmPassword: "short",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("keeps SQL fragments as data", async () => {
    const response = await new TestClient(server.url).post("/en/login", { email: `${SQL}@example.test`, password: SQL });
    expect(response.status).toBe(400);
    expect(await prisma.user.count()).toBeGreaterThan(0);
  });
});

describe("hostile values in the bureau's delegation forms (issue 9)", () => {
  const fixture = { base: "", applicationId: "" };
  beforeAll(async () => {
    const supplier = await createSupplier();
    const edition = await prisma.fairEdition.create({
      data: { slug: "hostile-bureau-fair", shortName: "Hostile 2027", name: { en: { text: "Hostile fair", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2027-10-21"), endsOn: new Date("2027-10-24") },
    });
    const call = await prisma.delegationCall.create({
      data: { editionId: edition.id, status: "CLOSED", opensAt: new Date("2026-11-01"), deadline: new Date("2027-08-31"), quota: 1, boothTypes: [{ code: "STD", name: "Standard", widthM: 3, depthM: 3, feeCny: 18000 }] },
    });
    const application = await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, boothTypeCode: "STD", productIds: supplier.products.map((product) => product.id) } });
    fixture.base = `/en/bureau/fairs/${edition.slug}`;
    fixture.applicationId = application.id;
  });
  const forms: { name: string; path: () => string; fixed: () => Record<string, string>; fields: string[] }[] = [
    { name: "new edition", path: () => "/en/bureau/fairs/new", fixed: () => ({}), fields: ["slug", "shortName", "nameZh", "nameEn", "cityZh", "cityEn", "startsOn", "endsOn", "timeZone", "website", "online", "seriesId", "phases[0].startsOn", "phases[0].categoriesZh"] },
    { name: "edition", path: () => fixture.base, fixed: () => ({}), fields: ["shortName", "nameZh", "nameEn", "cityZh", "cityEn", "startsOn", "endsOn", "timeZone", "phases[0].endsOn"] },
    {
      name: "call terms",
      path: () => `${fixture.base}/call`,
      fixed: () => ({ intent: "save" }),
      fields: ["opensAt", "deadline", "quota", "townIds", "clusterIds", "verifiedOnly", "minProducts", "boothTypes[0].code", "boothTypes[0].widthM", "boothTypes[0].feeCny", "subsidySharePercent", "subsidyCapCny", "documentsAsked[0]", "weights.marketFit", "weights.firstTime"],
    },
    { name: "call move", path: () => `${fixture.base}/call`, fixed: () => ({ intent: "move" }), fields: ["to"] },
    ...["decide", "withdraw", "booth", "subsidy"].map((intent) => ({
      name: intent,
      path: () => `${fixture.base}/applications`,
      fixed: () => ({ intent, applicationId: fixture.applicationId }),
      fields: ["decision", "reason", "reasonLocale", "booth", "subsidyPaidCny"],
    })),
    { name: "decide, any id", path: () => `${fixture.base}/applications`, fixed: () => ({ intent: "decide" }), fields: ["applicationId", "decision"] },
    { name: "floor plan", path: () => `${fixture.base}/applications`, fixed: () => ({ intent: "floorPlan" }), fields: ["floorPlan"] },
    { name: "weights", path: () => `${fixture.base}/applications`, fixed: () => ({ intent: "weights" }), fields: ["weights.marketFit", "weights.exportExperience"] },
    { name: "any intent", path: () => `${fixture.base}/applications`, fixed: () => ({}), fields: ["intent"] },
  ];
  for (const form of forms) {
    it(`never fails: ${form.name}`, async () => {
      for (const value of values) {
        const body = { ...Object.fromEntries(form.fields.map((field) => [field, value])), ...form.fixed() };
        const response = await admin.post(form.path(), body);
        expect(response.status, `${form.path()} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
    }, 120_000);
  }
  it("keeps a hostile reason bounded and answers odd what-if weights and export formats", async () => {
    const after = await prisma.delegationApplication.findUniqueOrThrow({ where: { id: fixture.applicationId } });
    expect((after.decisionReason ?? "").length).toBeLessThanOrEqual(1_000);
    for (const query of ["?w.marketFit=1e309", "?w.marketFit=-1&w.firstTime=x", "?w.verified=%00"]) {
      expect((await admin.get(`${fixture.base}/applications${query}`)).status).toBeLessThan(500);
    }
    expect((await admin.get(`${fixture.base}/export?kind=roster&format=../../etc`)).status).toBe(200);
  });
});

// Issue 14: the profile's credit code, the bureau's re-verification decision and its decision on a held firm.
describe("hostile values in re-verification and held-firm forms", () => {
  it("never fails, and changes nothing", async () => {
    const supplier = await createSupplier();
    const firmClient = new TestClient(server.url);
    await signIn(firmClient, supplier.member.email, supplier.member.password);
    await prisma.firmPendingChange.create({ data: { firmId: supplier.firm.id, uscc: "91442000MA4W00000X", fields: ["uscc"] } });
    const held = await prisma.firm.create({ data: { slug: `hostile-held-${supplier.firm.id}`, name: { en: { text: "Held", origin: "author" } }, description: {}, heldByBureauSince: new Date() } });
    const before = await prisma.firm.findUniqueOrThrow({ where: { id: supplier.firm.id } });
    for (const value of values) {
      const profile = await firmClient.post(`/en/catalog/firms/${supplier.firm.id}`, { nameZh: value, nameEn: value, uscc: value, townId: value });
      expect(profile.status, `profile with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
      expect(await profile.text()).not.toContain('<script>alert("x")</script>');
      const change = await admin.post(`/en/bureau/verification/${supplier.firm.id}/change`, { intent: value, reason: value });
      expect(change.status, `change with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
      expect(await change.text()).not.toContain('<script>alert("x")</script>');
      const decision = await admin.post(`/en/bureau/verification/${held.id}/held`, { intent: value, email: value, confirm: value });
      expect(decision.status, `held with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
      const assign = await admin.post(`/en/bureau/verification/${held.id}/held`, { intent: "assign", email: value });
      expect(assign.status).toBeGreaterThanOrEqual(400);
      expect(assign.status).toBeLessThan(500);
      expect(await assign.text()).not.toContain('<script>alert("x")</script>');
    }
    // A hostile reason is bounded; the change still waits.
    expect((await admin.post(`/en/bureau/verification/${supplier.firm.id}/change`, { intent: "reject", reason: HUGE })).status).toBe(400);
    expect(await prisma.firmPendingChange.count({ where: { firmId: supplier.firm.id } })).toBe(1);
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: held.id } })).heldByBureauSince).not.toBeNull();
    expect((await prisma.firm.findUniqueOrThrow({ where: { id: supplier.firm.id } })).uscc).toBe(before.uscc);
  }, 180_000);
});

describe("malformed requests", () => {
  const raw = (path: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method: "POST", body, headers: { Origin: server.url, ...headers }, redirect: "manual" });

  it("answers invalid UTF-8, wrong content types and broken encodings with 4xx", async () => {
    const invalidUtf8 = Buffer.concat([Buffer.from("email="), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("&password=%E0%A4%A")]);
    const cases: [BodyInit, Record<string, string>][] = [
      [invalidUtf8, { "Content-Type": "application/x-www-form-urlencoded" }],
      ['{"email":"a@b.c","password":"x"}', { "Content-Type": "application/json" }],
      ["not multipart at all", { "Content-Type": "multipart/form-data; boundary=xyz" }],
      ["--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nunterminated", { "Content-Type": "multipart/form-data; boundary=xyz" }],
      ["email=a%ZZ&password=%", { "Content-Type": "application/x-www-form-urlencoded" }],
      ["", { "Content-Type": "text/plain" }],
    ];
    for (const [body, headers] of cases) {
      for (const path of ["/en/login", "/en/register"]) {
        const response = await raw(path, body, headers);
        expect(response.status, `${path} ${headers["Content-Type"]}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${headers["Content-Type"]}`).toBeLessThan(500);
      }
    }
  });

  it("refuses oversized bodies before reading them", async () => {
    const response = await raw("/en/login", "email=" + "a".repeat(1024 * 1024 + 10), { "Content-Type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(413);
  });

  it("answers odd URLs without failing", async () => {
    for (const path of ["/%E0%A4%A", "/en/%00", "/%2e%2e/%2e%2e/etc/passwd", "/en/login?redirectTo=%ZZ", "/" + "a".repeat(5000), "/zh-hant/login", "/xx-YY"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it("answers a control character in any path segment with a localized 404 before a loader reads it", async () => {
    for (const path of ["/en/fairs/%00", "/en/fairs/mif-2026%00x", "/pt-PT/firms/%01", "/en/catalog/products/a%7Fb/edit"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(404);
    }
    const pt = await fetch(`${server.url}/pt-PT/fairs/%00`);
    expect(pt.headers.get("content-language")).toBe("pt-PT");
    expect(await pt.text()).toMatch(/Não existe nenhuma página/);
    const api = await fetch(`${server.url}/api/v1/requests/%00/matches`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe("notFound");
  });

  // Issue 10: the agenda page's calendar-feed form, and feed URLs with odd tokens (no session needed, so anyone can try).
  it("answers odd calendar-feed forms and feed addresses without failing", async () => {
    const edition = await prisma.fairEdition.create({
      data: { slug: "hostile-input-meetings", shortName: "HIM", name: { en: { text: "Hostile Input Meetings", origin: "author" } }, city: { en: { text: "Macao", origin: "author" } }, startsOn: new Date("2099-10-01"), endsOn: new Date("2099-10-04") },
    });
    const call = await prisma.delegationCall.create({ data: { editionId: edition.id, status: "OPEN", opensAt: new Date("2026-01-01"), deadline: new Date("2099-01-01"), quota: 5 } });
    const supplier = await createSupplier();
    await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
    const firm = new TestClient(server.url);
    await signIn(firm, supplier.member.email, supplier.member.password);
    for (const [who, path] of [
      [buyer, `/en/meetings/${edition.slug}/buyer/agenda`],
      [firm, `/zh-CN/meetings/${edition.slug}/firm/agenda`],
    ] as const) {
      for (const value of values) {
        const response = await who.post(path, { intent: value });
        expect(response.status, `${path} intent ${JSON.stringify(value.slice(0, 30))}`).toBe(400);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
    }
    // (An empty token is the folder `/feeds/meetings/`, a path without a language: sent to the reader's language like any such path.)
    for (const token of [...values.filter(Boolean).map((value) => encodeURIComponent(value)), "..%2f..%2fetc%2fpasswd.ics", "A".repeat(43), `${"A".repeat(43)}.ics.ics`, "%E0%A4%A.ics"]) {
      const response = await fetch(`${server.url}/feeds/meetings/${token}`, { redirect: "manual" });
      // Refused, never served and never a 500: 404 for a token that is no feed's, 400 for a broken escape, 431 for a request line too long.
      expect(response.status, token.slice(0, 30)).toBeGreaterThanOrEqual(400);
      expect(response.status, token.slice(0, 30)).toBeLessThan(500);
    }
  });

  it("answers odd fair addresses without failing", async () => {
    const slug = encodeURIComponent("澳门国际贸易投资展览会".repeat(40));
    for (const path of [`/en/fairs/${slug}`, "/en/fairs/..%2f..%2fetc%2fpasswd", "/en/fairs?page=1e309", "/en/fairs?page=-1", "/zh-CN/fairs/%E2%80%AE"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

describe("hostile values in the bureau's reference data forms (issue 14)", () => {
  const fixture = { townId: "", clusterId: "", aliasId: "" };
  beforeAll(async () => {
    const town = await prisma.town.create({ data: { slug: "hostile-town", name: { "zh-CN": { text: "敌意镇", origin: "author" }, en: { text: "Hostile Town", origin: "author" } } } });
    const cluster = await prisma.cluster.create({ data: { slug: "hostile-cluster", townId: town.id, name: { "zh-CN": { text: "敌意集群", origin: "author" }, en: { text: "Hostile cluster", origin: "author" } } } });
    const alias = await prisma.referenceAlias.create({ data: { kind: "town", key: "hostiletownalias", alias: "Hostile town alias", townId: town.id, origin: "bureau" } });
    Object.assign(fixture, { townId: town.id, clusterId: cluster.id, aliasId: alias.id });
  });
  const forms: { name: string; fixed: () => Record<string, string>; fields: string[] }[] = [
    { name: "rename a town", fixed: () => ({ intent: "rename", kind: "town", id: fixture.townId }), fields: ["nameZh", "nameEn", "namePt"] },
    { name: "rename a cluster", fixed: () => ({ intent: "rename", kind: "cluster", id: fixture.clusterId }), fields: ["nameEn", "hsHeadings"] },
    { name: "add an alias", fixed: () => ({ intent: "addAlias", kind: "cluster", id: fixture.clusterId }), fields: ["alias"] },
    { name: "rename an alias", fixed: () => ({ intent: "renameAlias", aliasId: fixture.aliasId }), fields: ["alias"] },
    { name: "any target", fixed: () => ({ intent: "addAlias", alias: "Target" }), fields: ["kind", "id"] },
    { name: "any intent", fixed: () => ({}), fields: ["intent", "aliasId"] },
    { name: "add a town", fixed: () => ({ intent: "addTown" }), fields: ["slug", "nameZh", "nameEn", "designation", "designatedBy"] },
    { name: "add a cluster", fixed: () => ({ intent: "addCluster", nameZh: "敌意新集群" }), fields: ["slug", "nameEn", "townId", "hsHeadings"] },
    { name: "remove a town or cluster", fixed: () => ({ intent: "removeReference" }), fields: ["kind", "id"] },
    { name: "designate a town", fixed: () => ({ intent: "designate", id: fixture.townId }), fields: ["designation", "designatedBy", "specialtyZh", "specialtyPt"] },
    { name: "certification rules", fixed: () => ({ intent: "certificationRules", id: "CE" }), fields: ["markets", "validityMonths", "expiryRequired", "reminderDays"] },
  ];
  for (const form of forms) {
    it(`never fails: ${form.name}`, async () => {
      for (const value of values) {
        const response = await admin.post("/en/bureau/reference", { ...Object.fromEntries(form.fields.map((field) => [field, value])), ...form.fixed() });
        expect(response.status, `${form.name} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
        expect(await response.text()).not.toContain('<script>alert("x")</script>');
      }
    }, 120_000);
  }
  it("keeps the town's names and bounds what was stored", async () => {
    const town = await prisma.town.findUniqueOrThrow({ where: { id: fixture.townId } });
    expect(JSON.stringify(town.name).length).toBeLessThan(1_000);
    const aliases = await prisma.referenceAlias.findMany({ where: { clusterId: fixture.clusterId } });
    for (const row of aliases) expect(row.alias.length).toBeLessThanOrEqual(100);
  });
});
