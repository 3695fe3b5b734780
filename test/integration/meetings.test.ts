import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { askToMeet, respondToRequest, sweepExpiredRequests } from "~/modules/meeting/meeting-requests.server";
import { MEETING_REQUEST_RULES } from "~/modules/meeting/requests";
import { seedReference } from "../../prisma/seed/seed.server";
import { createFirm, createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Meetings at fairs, slices 1–2 (issue 10): a buyer registers for an
 * edition and asks the delegation's firms to meet; firms see who asked,
 * accept, decline and ask back; mutual pairs rank first; declines remove the
 * pair; requests expire; nobody is asked twice; caps hold; each side sees
 * only its own, in its language, and is told by notice and mail.
 */
let server: TestServer;
let editionId: string;
let callId: string;
const SLUG = "mif-2027";
const base = `/pt-PT/meetings/${SLUG}`;

async function delegationFirm(status: "APPROVED" | "SUBMITTED" = "APPROVED") {
  const supplier = await createSupplier();
  await prisma.firm.update({ where: { id: supplier.firm.id }, data: { exportMarkets: ["BR"], languages: ["zh", "pt"] } });
  await prisma.product.updateMany({ where: { firmId: supplier.firm.id }, data: { published: true, certifications: ["INMETRO"] } });
  await prisma.delegationApplication.create({ data: { callId, firmId: supplier.firm.id, status, boothTypeCode: "STD" } });
  const client = new TestClient(server.url);
  await signIn(client, supplier.member.email, TEST_PASSWORD, "zh-CN");
  return { ...supplier, client };
}

async function buyerClient(country = "BR") {
  const buyer = await createBuyer({ locale: "pt-PT", country });
  await prisma.buyerCompany.update({ where: { id: buyer.company.id }, data: { languages: ["pt"] } });
  await prisma.sourcingRequest.create({
    data: { buyerCompanyId: buyer.company.id, createdById: buyer.user.id, title: { pt: { text: "Luminárias de teto LED", origin: "author" } }, hsCodes: ["940511"], requiredCertifications: ["INMETRO"] },
  });
  const client = new TestClient(server.url);
  await signIn(client, buyer.user.email, TEST_PASSWORD, "pt-BR");
  return { ...buyer, client };
}

const registration = { days: ["2027-10-21", "2027-10-22"], mode: "REMOTE", timeZone: "America/Sao_Paulo", videoLink: "https://meet.example.com/abc", languages: ["pt", "en"], needsInterpreter: "on" };

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  callId = (
    await prisma.delegationCall.create({
      data: { editionId, status: "SELECTED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 50 },
    })
  ).id;
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe("registration", { timeout: 60_000 }, () => {
  it("refuses days outside the fair, a remote buyer without a link and an unknown zone, keeping what was typed", async () => {
    const buyer = await buyerClient();
    const bad = await buyer.client.post(base + "/buyer", { ...registration, days: ["2027-10-25"], timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Escolha dias dentro das datas da feira.");
    expect(html).toContain("Escolha um fuso horário da lista.");
    expect(html).toContain('value="https://meet.example.com/abc"');
    const noLink = await buyer.client.post(base + "/buyer", { ...registration, videoLink: "" });
    expect(noLink.status).toBe(400);
    expect(await noLink.text()).toContain("As reuniões à distância precisam de um link de vídeo.");
    expect(await prisma.meetingRegistration.count({ where: { buyerCompanyId: buyer.company.id } })).toBe(0);
  });

  it("registers, edits and cancels", async () => {
    const buyer = await buyerClient();
    expect((await buyer.client.post(base + "/buyer", registration)).status).toBe(200);
    let row = await prisma.meetingRegistration.findUniqueOrThrow({ where: { editionId_buyerCompanyId: { editionId, buyerCompanyId: buyer.company.id } } });
    expect(row).toMatchObject({ days: ["2027-10-21", "2027-10-22"], mode: "REMOTE", timeZone: "America/Sao_Paulo", videoLink: "https://meet.example.com/abc", languages: ["pt", "en"], needsInterpreter: true, cancelledAt: null });

    expect((await buyer.client.post(base + "/buyer", { ...registration, mode: "IN_PERSON", timeZone: "Africa/Luanda", needsInterpreter: [] })).status).toBe(200);
    row = await prisma.meetingRegistration.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ mode: "IN_PERSON", timeZone: "Africa/Luanda", videoLink: null, needsInterpreter: false });

    expect((await buyer.client.post(base + "/buyer", { intent: "cancel" })).status).toBe(200);
    expect((await prisma.meetingRegistration.findUniqueOrThrow({ where: { id: row.id } })).cancelledAt).not.toBeNull();
    expect((await buyer.client.post(base + "/buyer", { intent: "cancel" })).status).toBe(409);
  });
});

const SCRIPT = `<script>alert("x")</script>"><img src=x onerror=alert(1)>`;
const hostile = ["", " ", SCRIPT, "' OR '1'='1'; --", "长".repeat(30_000), "\u0000\u0001", "-1", "1e309", "[object Object]", "null", "2027-10-21T00:00", "Etc/GMT+99", "javascript:alert(1)"];

describe("hostile values in the meeting forms", { timeout: 240_000 }, () => {
  it("answers every odd value in every field with a 4xx or the form, never a 500, and shows nothing as markup", async () => {
    const buyer = await buyerClient();
    const firm = await delegationFirm();
    await buyer.client.post(base + "/buyer", registration);
    const forms: { client: TestClient; path: string; base: Record<string, string | string[]>; fields: string[] }[] = [
      { client: buyer.client, path: base + "/buyer", base: registration, fields: ["days", "mode", "timeZone", "videoLink", "languages", "needsInterpreter", "intent"] },
      { client: buyer.client, path: base + "/buyer", base: { intent: "ask", counterpartId: firm.firm.id, message: "Olá" }, fields: ["counterpartId", "message"] },
      { client: buyer.client, path: base + "/buyer", base: { intent: "accept", requestId: "x" }, fields: ["requestId", "intent"] },
      { client: firm.client, path: `/zh-CN/meetings/${SLUG}/firm`, base: { intent: "ask", counterpartId: buyer.company.id, message: "你好" }, fields: ["counterpartId", "message", "intent"] },
    ];
    for (const form of forms) {
      for (const field of form.fields) {
        for (const value of hostile) {
          const response = await form.client.post(form.path, { ...form.base, [field]: value });
          expect(response.status, `${form.path} ${field}=${value.slice(0, 20)}`).toBeLessThan(500);
          if (response.status !== 413) expect(await response.text()).not.toContain(SCRIPT);
        }
      }
    }
  });
});

describe("meeting requests", { timeout: 120_000 }, () => {
  it("runs both ways: ranked firms with reasons, asks, accepts, mutual first, declines remove the pair", async () => {
    const buyer = await buyerClient();
    await buyer.client.post(base + "/buyer", registration);
    const firmA = await delegationFirm();
    const firmB = await delegationFirm();
    const outsider = await delegationFirm("SUBMITTED");

    // The buyer sees the delegation's firms (not the one still applying) with the matching's reasons, in Portuguese.
    const page = await (await buyer.client.get(base + "/buyer")).text();
    expect(page).toContain(`data-firm="${firmA.firm.id}"`);
    expect(page).toContain(`data-firm="${firmB.firm.id}"`);
    expect(page).not.toContain(`data-firm="${outsider.firm.id}"`);
    expect(page).toContain('data-code="hs.exact"');

    // Ask firm A; the firm is told in Chinese by notice and mail.
    expect((await buyer.client.post(base + "/buyer", { intent: "ask", counterpartId: firmA.firm.id, message: "Gostaríamos de ver as luminárias." })).status).toBe(200);
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: firmA.member.id }, orderBy: { id: "desc" } });
    expect(mail.locale).toBe("zh-CN");
    expect(mail.subject).toContain("洽谈申请");
    expect(mail.textBody).toContain("Gostaríamos de ver as luminárias.");
    // Nobody is asked twice by the same party; a firm outside the delegation cannot be asked.
    const again = await buyer.client.post(base + "/buyer", { intent: "ask", counterpartId: firmA.firm.id, message: "" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Já pediu uma reunião com eles nesta feira.");
    expect((await buyer.client.post(base + "/buyer", { intent: "ask", counterpartId: outsider.firm.id })).status).toBe(404);

    // Firm B asks the buyer; the buyer asks back: mutual, agreed at once.
    expect((await firmB.client.post(`/zh-CN/meetings/${SLUG}/firm`, { intent: "ask", counterpartId: buyer.company.id, message: "欢迎来访" })).status).toBe(200);
    expect((await buyer.client.post(base + "/buyer", { intent: "ask", counterpartId: firmB.firm.id })).status).toBe(200);
    const mutual = await prisma.meetingRequest.findFirstOrThrow({ where: { buyerCompanyId: buyer.company.id, firmId: firmB.firm.id } });
    expect(mutual.status).toBe("ACCEPTED");
    expect(mutual.buyerAskedAt && mutual.firmAskedAt).toBeTruthy();
    // Mutual first on the buyer's list.
    const ranked = await (await buyer.client.get(base + "/buyer")).text();
    expect(ranked.indexOf(`data-firm="${firmB.firm.id}"`)).toBeLessThan(ranked.indexOf(`data-firm="${firmA.firm.id}"`));

    // Firm A sees who asked, with what they want to buy (in Chinese UI), and accepts.
    const firmPage = await (await firmA.client.get(`/zh-CN/meetings/${SLUG}/firm`)).text();
    expect(firmPage).toContain(buyer.company.name);
    expect(firmPage).toContain("Luminárias de teto LED");
    expect(firmPage).toContain("采购需求");
    const pairA = await prisma.meetingRequest.findFirstOrThrow({ where: { buyerCompanyId: buyer.company.id, firmId: firmA.firm.id } });
    // The buyer cannot accept its own request.
    expect((await buyer.client.post(base + "/buyer", { intent: "accept", requestId: pairA.id })).status).toBe(409);
    expect((await firmA.client.post(`/zh-CN/meetings/${SLUG}/firm`, { intent: "accept", requestId: pairA.id })).status).toBe(200);
    expect((await prisma.meetingRequest.findUniqueOrThrow({ where: { id: pairA.id } })).status).toBe("ACCEPTED");
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: buyer.user.id, kind: "meeting.accepted" } });
    expect(told.params).toMatchObject({ path: `/meetings/${SLUG}/buyer` });
    const buyerMail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: buyer.user.id }, orderBy: { id: "desc" } });
    expect(buyerMail.subject).toContain("Reunião combinada");

    // Another firm cannot answer firm A's request (it is not theirs): 404.
    expect((await firmB.client.post(`/zh-CN/meetings/${SLUG}/firm`, { intent: "decline", requestId: pairA.id })).status).toBe(404);

    // The buyer declines the agreed meeting with firm A: the pair is gone from both sides, and firm A cannot ask again.
    expect((await buyer.client.post(base + "/buyer", { intent: "decline", requestId: pairA.id })).status).toBe(200);
    expect(await (await buyer.client.get(base + "/buyer")).text()).not.toContain(`data-firm="${firmA.firm.id}"`);
    expect(await (await firmA.client.get(`/zh-CN/meetings/${SLUG}/firm`)).text()).not.toContain(`data-buyer="${buyer.company.id}"`);
    const reAsk = await firmA.client.post(`/zh-CN/meetings/${SLUG}/firm`, { intent: "ask", counterpartId: buyer.company.id });
    expect(reAsk.status).toBe(409);
  });

  it("lets pending requests expire, after which they cannot be accepted", async () => {
    const buyer = await buyerClient();
    await buyer.client.post(base + "/buyer", registration);
    const firm = await delegationFirm();
    const edition = await getMeetingEdition(SLUG, "en");
    const asked = await askToMeet({ userId: buyer.user.id, side: "BUYER", buyerCompanyId: buyer.company.id }, edition, firm.firm.id, "", new Date(Date.now() - (MEETING_REQUEST_RULES.ttlDays + 1) * 86_400_000));
    expect(asked.status).toBe("PENDING");
    await expect(respondToRequest({ userId: firm.member.id, side: "FIRM", firmId: firm.firm.id }, edition, asked.id, "accept")).rejects.toMatchObject({ code: "expired" });
    expect(await sweepExpiredRequests()).toBeGreaterThanOrEqual(1);
    expect((await prisma.meetingRequest.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("EXPIRED");
  });

  it("holds the cap per participant, also under concurrent requests", async () => {
    const buyer = await buyerClient();
    await buyer.client.post(base + "/buyer", registration);
    const edition = await getMeetingEdition(SLUG, "en");
    const cap = MEETING_REQUEST_RULES.maxOpenPerParticipant;
    const firms = [];
    for (let i = 0; i < cap + 3; i++) {
      const firm = await createFirm();
      await prisma.delegationApplication.create({ data: { callId, firmId: firm.id, status: "APPROVED", boothTypeCode: "STD" } });
      firms.push(firm);
    }
    const actor = { userId: buyer.user.id, side: "BUYER" as const, buyerCompanyId: buyer.company.id };
    const results = await Promise.allSettled(firms.map((firm) => askToMeet(actor, edition, firm.id, "")));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(cap);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused.map((result) => (result.reason as { code: string }).code)).toEqual(["capReached", "capReached", "capReached"]);
    expect(await prisma.meetingRequest.count({ where: { buyerCompanyId: buyer.company.id, status: "PENDING" } })).toBe(cap);
  });

  it("keeps each side to its own pages: a firm outside the delegation, a buyer not registered", async () => {
    const outsider = await delegationFirm("SUBMITTED");
    expect((await outsider.client.get(`/zh-CN/meetings/${SLUG}/firm`)).status).toBe(403);
    const firm = await delegationFirm();
    const stranger = await buyerClient();
    // A firm cannot ask a buyer who did not register.
    expect((await firm.client.post(`/zh-CN/meetings/${SLUG}/firm`, { intent: "ask", counterpartId: stranger.company.id })).status).toBe(404);
    // A buyer not registered cannot ask.
    expect((await stranger.client.post(base + "/buyer", { intent: "ask", counterpartId: firm.firm.id })).status).toBe(409);
    const bureau = await createUser("BUREAU_STAFF");
    const bureauClient = new TestClient(server.url);
    await signIn(bureauClient, bureau.email, TEST_PASSWORD);
    expect((await bureauClient.get(base + "/buyer")).status).toBe(403);
    expect((await bureauClient.get(base + "/firm")).status).toBe(403);
  });
});
