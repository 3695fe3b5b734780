import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { sendFollowUpReminders } from "~/modules/meeting/followup-reminders.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Meetings at fairs after the fair (issue 10, items 7–8): the firm is
 * reminded to follow up each held meeting at 30, 90 and 180 days (once per
 * stage, whatever the number of workers; not when already answered), records
 * each follow-up on its outcomes page (the stages' history kept); results at
 * an earlier edition raise a firm in the next delegation call, with the
 * reason shown; a pair declined after publishing leaves the fair report and
 * the feed sends its meeting as CANCELLED.
 */
let server: TestServer;
const DAY = 86_400_000;
const EARLIER = "mif-2026";
const NEXT = "mif-2027";
let firms: Awaited<ReturnType<typeof createSupplier>>[];
let buyers: Awaited<ReturnType<typeof createBuyer>>[];
const ids: Record<string, string> = {};
const editions: Record<string, string> = {};
/** A meeting day long enough ago for the 30-day stage to be due today, not the 90-day one. */
const recent = new Date(Date.now() - 40 * DAY);

async function client(email: string, locale: string) {
  const signedIn = new TestClient(server.url);
  await signIn(signedIn, email, TEST_PASSWORD, locale);
  return signedIn;
}

async function pairOf(slug: string, firm: number, buyer: number, status: "ACCEPTED" | "DECLINED", startsAt: Date) {
  const editionId = editions[slug];
  const request = await prisma.meetingRequest.create({
    data: { editionId, firmId: firms[firm].firm.id, buyerCompanyId: buyers[buyer].company.id, status, buyerAskedAt: new Date(startsAt.getTime() - 30 * DAY), expiresAt: new Date(Date.now() + 30 * DAY) },
  });
  await prisma.meeting.create({ data: { editionId, requestId: request.id, slotId: startsAt.toISOString().slice(0, 16), startsAt, endsAt: new Date(startsAt.getTime() + 20 * 60_000), table: "T01" } });
  return request.id;
}

const held = (requestId: string, side: "FIRM" | "BUYER", extra: Record<string, unknown> = {}) =>
  prisma.meetingOutcome.create({ data: { requestId, side, attendance: "HELD", ...extra } });

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  firms = [await createSupplier({ locale: "zh-CN" }), await createSupplier({ locale: "zh-CN" }), await createSupplier({ locale: "zh-CN" })];
  buyers = [await createBuyer({ locale: "pt" }), await createBuyer({ locale: "pt" }), await createBuyer({ locale: "pt" }), await createBuyer({ locale: "pt" })];
  for (const slug of [EARLIER, NEXT]) {
    const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug } });
    editions[slug] = edition.id;
    // Only the earlier-results criterion weighs in the next call: the ranking shows it alone.
    const weights = { exportExperience: 0, marketFit: 0, certifications: 0, clusterPriority: 0, profileCompleteness: 0, verified: 0, earlierResults: 100, firstTime: 0 };
    const call = await prisma.delegationCall.create({ data: { editionId: edition.id, status: slug === NEXT ? "CLOSED" : "FINISHED", opensAt: new Date("2026-01-01T00:00:00Z"), deadline: new Date("2026-03-01T00:00:00Z"), quota: 10, weights } });
    for (const [index, supplier] of firms.entries()) {
      await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD", submittedAt: new Date(Date.UTC(2026, 1, 1 + index)) } });
    }
    await prisma.meetingGrid.create({ data: { editionId: edition.id, days: [], status: "PUBLISHED", publishedAt: new Date("2026-10-01T00:00:00Z") } });
  }
  // MIF 2026, 22 October, 10:00 in Zhongshan.
  const fair = new Date("2026-10-22T02:00:00Z");
  ids.heldA = await pairOf(EARLIER, 0, 0, "ACCEPTED", fair);
  await held(ids.heldA, "FIRM", { updatedAt: new Date("2026-10-22T03:00:00Z") });
  ids.noShowA = await pairOf(EARLIER, 0, 1, "ACCEPTED", fair);
  await prisma.meetingOutcome.create({ data: { requestId: ids.noShowA, side: "FIRM", attendance: "NO_SHOW_BUYER" } });
  // Held by the buyer's word: the firm recorded nothing.
  ids.heldB = await pairOf(EARLIER, 1, 2, "ACCEPTED", fair);
  await held(ids.heldB, "BUYER");
  // Declined after publishing, with an outcome recorded before: no follow-up, no result.
  ids.declinedA = await pairOf(EARLIER, 0, 2, "DECLINED", fair);
  await held(ids.declinedA, "FIRM", { orderPlaced: true, confirmedOrderUsd: 99_000 });
  // A recent meeting of firm A, answered over HTTP below.
  ids.recentA = await pairOf(EARLIER, 0, 3, "ACCEPTED", recent);
}, 180_000);
afterAll(async () => {
  await server.close();
});

describe("follow-up reminders", { timeout: 180_000 }, () => {
  it("reach the firm of each held meeting at 30 days, once, however many workers run", async () => {
    expect((await sendFollowUpReminders(new Date("2026-11-21T00:59:00Z"))).reminded).toBe(0);
    const due = new Date("2026-11-21T01:00:00Z");
    const both = await Promise.all([sendFollowUpReminders(due), sendFollowUpReminders(due)]);
    // The held meetings of firm A and firm B; not the no-show, not the declined pair.
    expect(both[0].reminded + both[1].reminded).toBe(2);
    expect((await sendFollowUpReminders(due)).reminded).toBe(0);
    expect(await prisma.meetingFollowUp.findMany({ where: { requestId: { in: [ids.heldA, ids.heldB, ids.noShowA, ids.declinedA] } }, select: { requestId: true, stage: true }, orderBy: { requestId: "asc" } })).toEqual(
      [ids.heldA, ids.heldB].sort().map((requestId) => ({ requestId, stage: 30 })),
    );
    const notices = await prisma.notification.findMany({ where: { kind: "meeting.followUp", userId: firms[0].member.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0].params).toMatchObject({ followUpDays: 30, path: `/meetings/${EARLIER}/firm/outcomes` });
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: firms[0].member.id, subject: { contains: "洽谈跟进" } } });
    expect(mail.subject).toContain("30 天");
    expect(mail.textBody).toContain(`/zh-CN/meetings/${EARLIER}/firm/outcomes#meeting-${ids.heldA}`);
    expect(mail.textBody).toContain("是否已下单");
  });

  it("skip a stage the firm already answered by updating its outcome, and remind the others at 90 days", async () => {
    // Firm A updated its record after the 90-day stage fell due (20 January 2027, 09:00 in Zhongshan).
    await prisma.meetingOutcome.update({ where: { requestId_side: { requestId: ids.heldA, side: "FIRM" } }, data: { orderPlaced: true, confirmedOrderUsd: 30_000, updatedAt: new Date("2027-01-21T00:00:00Z") } });
    const run = await sendFollowUpReminders(new Date("2027-01-22T00:00:00Z"));
    expect(run.reminded).toBe(1);
    expect(await prisma.meetingFollowUp.findUnique({ where: { requestId_stage: { requestId: ids.heldB, stage: 90 } } })).not.toBeNull();
    expect(await prisma.meetingFollowUp.findUnique({ where: { requestId_stage: { requestId: ids.heldA, stage: 90 } } })).toBeNull();
  });
});

describe("recording a follow-up", { timeout: 180_000 }, () => {
  it("updates the outcome and keeps the stage's answer in the history, in Chinese", async () => {
    const firmA = await client(firms[0].member.email, "zh-CN");
    const page = `/zh-CN/meetings/${EARLIER}/firm/outcomes`;
    const base = { requestId: ids.recentA, attendance: "HELD", interest: "HIGH", quotationSent: "on", intendedOrderUsd: "50000" };
    expect((await firmA.post(page, base)).status).toBe(200);
    // The 30-day stage is open now: the form offers it.
    const form = await (await firmA.get(page)).text();
    expect(form).toContain(`id="meeting-${ids.recentA}"`);
    expect(form).toMatch(/<option value="30"[^>]*>30 天<\/option>/);
    expect(form).not.toContain('<option value="90"');

    const answered = await firmA.post(page, { ...base, followUpStage: "30", orderPlaced: "on", confirmedOrderUsd: "42000", notes: "首单 1×40HQ" });
    expect(answered.status).toBe(200);
    expect(await prisma.meetingOutcome.findUniqueOrThrow({ where: { requestId_side: { requestId: ids.recentA, side: "FIRM" } } })).toMatchObject({ orderPlaced: true, confirmedOrderUsd: 42_000 });
    expect(await prisma.meetingFollowUp.findUniqueOrThrow({ where: { requestId_stage: { requestId: ids.recentA, stage: 30 } } })).toMatchObject({ orderPlaced: true, confirmedOrderUsd: 42_000, notes: "首单 1×40HQ", answeredById: firms[0].member.id, remindedAt: null });
    // A later plain update changes the outcome, not the 30-day answer.
    expect((await firmA.post(page, { ...base, orderPlaced: "on", confirmedOrderUsd: "45000" })).status).toBe(200);
    expect((await prisma.meetingFollowUp.findUniqueOrThrow({ where: { requestId_stage: { requestId: ids.recentA, stage: 30 } } })).confirmedOrderUsd).toBe(42_000);
    const history = await (await firmA.get(page)).text();
    expect(history).toMatch(/data-stage="30">30 天（[^）]+）：已下单，42,000 美元/);

    // The 90-day stage is not due yet; an unknown stage is refused; nothing changes.
    const early = await firmA.post(page, { ...base, followUpStage: "90", orderPlaced: "on", confirmedOrderUsd: "1" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("此跟进尚未到期");
    expect((await firmA.post(page, { ...base, followUpStage: "45" })).status).toBe(400);
    expect((await firmA.post(page, { ...base, attendance: "NO_SHOW_BUYER", intendedOrderUsd: "", quotationSent: "", followUpStage: "30" })).status).toBe(400);
    expect(await prisma.meetingFollowUp.count({ where: { requestId: ids.recentA } })).toBe(1);
    // Answered before any reminder: the job does not remind this stage.
    expect((await sendFollowUpReminders()).reminded).toBe(0);
    // Another firm cannot answer A's meeting.
    const firmB = await client(firms[1].member.email, "zh-CN");
    expect((await firmB.post(page, { ...base, followUpStage: "30" })).status).toBe(404);
  });
});

describe("results at earlier fairs in the delegation score", { timeout: 180_000 }, () => {
  it("rank a firm with meetings held and orders placed at MIF 2026 above firms with fewer, with the reason shown", async () => {
    const bureau = await client((await createUser("BUREAU_STAFF")).email, "en");
    const html = await (await bureau.get(`/en/bureau/fairs/${NEXT}/applications`)).text();
    const applications = await Promise.all(firms.map((supplier) => prisma.delegationApplication.findFirstOrThrow({ where: { firmId: supplier.firm.id, call: { editionId: editions[NEXT] } } })));
    const [a, b, c] = applications.map((application) => html.indexOf(`data-application="${application.id}"`));
    expect(a).toBeGreaterThan(-1);
    // A: two held (one order placed, the other's order recorded at its follow-up); B: one held by the buyer's word; C: none.
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(html).toContain("2 meetings, 2 orders");
    expect(html).toContain("1 meetings, 0 orders");
    // The declined pair's recorded order of US$ 99,000 counts for nothing: never "3 meetings".
    expect(html).not.toContain("3 meetings");
  });
});

describe("a pair declined after publishing", { timeout: 180_000 }, () => {
  it("leaves the report's scheduled and held meetings, and the feed sends its meeting as cancelled", async () => {
    const start = new Date("2027-10-21T02:00:00Z");
    const kept = await pairOf(NEXT, 0, 0, "ACCEPTED", start);
    const declined = await pairOf(NEXT, 1, 0, "ACCEPTED", new Date(start.getTime() + 20 * 60_000));
    const bureau = await client((await createUser("BUREAU_STAFF")).email, "en");
    const figure = (html: string, name: string) => new RegExp(`data-figure="${name}"><th scope="row">[^<]*</th><td data-value="([^"]*)"`).exec(html)?.[1];
    const before = await (await bureau.get(`/en/bureau/meetings/${NEXT}/report`)).text();
    expect(figure(before, "scheduled")).toBe("2");

    const buyer = await client(buyers[0].user.email, "pt-BR");
    expect((await buyer.post(`/pt-BR/meetings/${NEXT}/buyer`, { intent: "decline", requestId: declined })).status).toBe(200);
    expect((await prisma.meetingRequest.findUniqueOrThrow({ where: { id: declined } })).status).toBe("DECLINED");

    const after = await (await bureau.get(`/en/bureau/meetings/${NEXT}/report`)).text();
    expect(figure(after, "requested")).toBe("2");
    expect(figure(after, "agreed")).toBe("1");
    expect(figure(after, "scheduled")).toBe("1");

    const firmB = await client(firms[1].member.email, "zh-CN");
    const ics = await (await firmB.get(`/zh-CN/meetings/${NEXT}/firm/agenda.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((event) => ({ uid: String(event.getFirstPropertyValue("uid")), status: String(event.getFirstPropertyValue("status")) }));
    expect(events).toEqual([{ uid: `${declined}@meetings.ponte`, status: "CANCELLED" }]);
    const firmA = await client(firms[0].member.email, "zh-CN");
    expect(await (await firmA.get(`/zh-CN/meetings/${NEXT}/firm/agenda.ics`)).text()).toContain(`UID:${kept}@meetings.ponte`);
  });
});
