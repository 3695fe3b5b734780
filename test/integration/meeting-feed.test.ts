import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { VERSION_TTL_MS } from "~/modules/meeting/agenda-cache.server";
import { feedTokenHash } from "~/modules/meeting/feed";
import { sendMeetingReminders } from "~/modules/meeting/reminders.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Meetings at fairs (issue 10): each participant's calendar feed at a secret,
 * revocable URL that needs no session and carries only the owner's
 * meetings; meetings cancelled after publishing stay in the feed as
 * CANCELLED with the same UID and a higher SEQUENCE; a change is told once
 * per participant, in their language; reminders the evening before, once.
 */
let server: TestServer;
let bureau: TestClient;
let editionId: string;
const SLUG = "mif-2027";
const page = `/en/bureau/meetings/${SLUG}`;
const grid = { days: ["2027-10-21"], dayFrom: "10:00", dayTo: "11:00", breaks: "", slotMinutes: "20", tables: "2", interpreters: "", maxMeetingsPerFirm: "5", maxMeetingsPerBuyer: "5" };
const FEED = /\/feeds\/meetings\/[A-Za-z0-9_-]{43}\.ics/;

let firms: Awaited<ReturnType<typeof createSupplier>>[];
let buyers: Awaited<ReturnType<typeof createBuyer>>[];
let pairs: { f0b0: string; f1b0: string; f0b1: string };
let buyerClient: TestClient;
let firmClient: TestClient;
const anonymous = () => new TestClient(server.url);

type Event = { uid: string; status: string; sequence: number; tzid: string | null; summary: string };
function parseIcs(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    status: String(event.getFirstPropertyValue("status")),
    sequence: Number(event.getFirstPropertyValue("sequence") ?? 0),
    tzid: (event.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined) ?? null,
    summary: String(event.getFirstPropertyValue("summary")),
  }));
}
const uid = (requestId: string) => `${requestId}@meetings.ponte`;

async function makeFeed(client: TestClient, path: string) {
  const response = await client.post(path, { intent: "feedRenew" });
  expect(response.status).toBe(200);
  const url = FEED.exec(await response.text())?.[0];
  expect(url).toBeTruthy();
  return url!;
}

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const call = await prisma.delegationCall.create({ data: { editionId, status: "ROSTER_PUBLISHED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 10 } });
  firms = [await createSupplier(), await createSupplier()];
  for (const supplier of firms) {
    await prisma.firm.update({ where: { id: supplier.firm.id }, data: { languages: ["zh", "pt"] } });
    await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
  }
  buyers = [await createBuyer({ locale: "pt" }), await createBuyer({ locale: "pt" })];
  for (const buyer of buyers) {
    await prisma.meetingRegistration.create({ data: { editionId, buyerCompanyId: buyer.company.id, days: ["2027-10-21"], mode: "IN_PERSON", timeZone: "America/Sao_Paulo", languages: ["pt"] } });
  }
  const agree = async (firm: number, buyer: number) =>
    (
      await prisma.meetingRequest.create({
        data: { editionId, firmId: firms[firm].firm.id, buyerCompanyId: buyers[buyer].company.id, status: "ACCEPTED", buyerAskedAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000), matchScore: 50 },
      })
    ).id;
  pairs = { f0b0: await agree(0, 0), f1b0: await agree(1, 0), f0b1: await agree(0, 1) };
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  expect((await bureau.post(page, grid)).status).toBe(200);
  expect((await bureau.post(page, { intent: "run" })).status).toBe(200);
  expect((await bureau.post(page, { intent: "publish" })).status).toBe(200);
  expect(await prisma.meeting.count({ where: { editionId } })).toBe(3);
  buyerClient = new TestClient(server.url);
  await signIn(buyerClient, buyers[0].user.email, TEST_PASSWORD, "pt-BR");
  firmClient = new TestClient(server.url);
  await signIn(firmClient, firms[0].member.email, TEST_PASSWORD, "zh-CN");
}, 180_000);
afterAll(async () => {
  await server.close();
});

describe("a participant's calendar feed", { timeout: 120_000 }, () => {
  it("is made on the agenda page, opens without a session, carries only the owner's meetings, and keeps only a hash", async () => {
    const agenda = `/pt-BR/meetings/${SLUG}/buyer/agenda`;
    expect(await (await buyerClient.get(agenda)).text()).toContain("Ainda não há endereço de subscrição.");
    const url = await makeFeed(buyerClient, agenda);
    const token = url.slice("/feeds/meetings/".length, -".ics".length);
    const stored = await prisma.meetingFeed.findFirstOrThrow({ where: { editionId, buyerCompanyId: buyers[0].company.id } });
    expect(stored.tokenHash).toBe(feedTokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    // The page no longer shows the URL, only that one is active.
    const later = await (await buyerClient.get(agenda)).text();
    expect(later).not.toMatch(FEED);
    expect(later).toContain("Há um endereço de subscrição ativo");

    const response = await anonymous().get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const events = parseIcs(await response.text());
    expect(events.map((event) => event.uid).sort()).toEqual([uid(pairs.f0b0), uid(pairs.f1b0)].sort());
    expect(events.every((event) => event.status === "CONFIRMED" && event.tzid === "Asia/Macau")).toBe(true);
    // In the language of the user who made it.
    expect(events[0].summary).toMatch(/^Reunião com /);

    // The firm's own feed, in Chinese: its two meetings, not the other firm's.
    const firmEvents = parseIcs(await (await anonymous().get(await makeFeed(firmClient, `/zh-CN/meetings/${SLUG}/firm/agenda`))).text());
    expect(firmEvents.map((event) => event.uid).sort()).toEqual([uid(pairs.f0b0), uid(pairs.f0b1)].sort());
    expect(firmEvents[0].summary).toMatch(/洽谈/);
  });

  it("stops working when made anew or revoked, and a wrong token is 404", async () => {
    const agenda = `/pt-BR/meetings/${SLUG}/buyer/agenda`;
    const first = await makeFeed(buyerClient, agenda);
    const second = await makeFeed(buyerClient, agenda);
    expect(second).not.toBe(first);
    expect((await anonymous().get(first)).status).toBe(404);
    expect((await anonymous().get(second)).status).toBe(200);
    const revoked = await buyerClient.post(agenda, { intent: "feedRevoke" });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain("foi revogado");
    expect((await anonymous().get(second)).status).toBe(404);
    expect(await prisma.meetingFeed.count({ where: { buyerCompanyId: buyers[0].company.id } })).toBe(0);
    for (const wrong of ["/feeds/meetings/nope.ics", `/feeds/meetings/${"A".repeat(43)}.ics`, `/feeds/meetings/${"A".repeat(43)}`, "/feeds/meetings/%00.ics", `/feeds/meetings/${"長".repeat(500)}.ics`]) {
      expect((await anonymous().get(wrong)).status, wrong).toBe(404);
    }
    // Odd bodies on the agenda forms: 400, never a 500 (an undeclared field is dropped); another side's page is refused.
    expect((await buyerClient.post(agenda, { intent: "feedRevoke", extra: "1" })).status).toBe(200);
    const odd: Record<string, string | string[]>[] = [{ intent: "nonsense" }, {}, { intent: ["feedRenew", "feedRevoke"] }, { intent: "feedRevoke".repeat(1000) }];
    for (const body of odd) {
      expect((await buyerClient.post(agenda, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await buyerClient.post(`/pt-BR/meetings/${SLUG}/firm/agenda`, { intent: "feedRenew" })).status).toBe(403);
    expect((await anonymous().post(agenda, { intent: "feedRenew" })).status).toBe(302);
  });
});

describe("changes after publishing", { timeout: 180_000 }, () => {
  it("keep a cancelled meeting in the feed as CANCELLED with the same UID and a higher SEQUENCE, and tell each side once in its language", async () => {
    const feed = await makeFeed(firmClient, `/zh-CN/meetings/${SLUG}/firm/agenda`);
    const before = parseIcs(await (await anonymous().get(feed)).text()).find((event) => event.uid === uid(pairs.f0b1))!;
    // The buyer's company drops out: the pair is declined (as when it cancels its registration).
    // Written past this instance's services (as another instance would): the feed shows it once the remembered version has lapsed.
    await prisma.meetingRequest.update({ where: { id: pairs.f0b1 }, data: { status: "DECLINED", declinedBy: "BUYER", decidedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 50));
    const declined = parseIcs(await (await anonymous().get(feed)).text()).find((event) => event.uid === uid(pairs.f0b1))!;
    expect(declined.status).toBe("CANCELLED");
    expect(declined.sequence).toBeGreaterThan(before.sequence);

    // The bureau reruns and publishes again: the meeting is gone from the schedule, still cancelled in the feed.
    const noticesBefore = await prisma.notification.count({ where: { kind: "meeting.changed" } });
    expect((await bureau.post(page, { intent: "run" })).status).toBe(200);
    expect(await prisma.meeting.count({ where: { requestId: pairs.f0b1 } })).toBe(0);
    expect((await bureau.post(page, { intent: "publish" })).status).toBe(200);
    const events = parseIcs(await (await anonymous().get(feed)).text());
    const cancelled = events.find((event) => event.uid === uid(pairs.f0b1))!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(before.sequence);
    expect(events.filter((event) => event.uid === uid(pairs.f0b1))).toHaveLength(1);
    expect(events.find((event) => event.uid === uid(pairs.f0b0))?.status).toBe("CONFIRMED");

    // Told once each: the firm's member (Chinese) and the buyer's user (Portuguese); nobody else.
    const told = await prisma.notification.findMany({ where: { kind: "meeting.changed" }, select: { userId: true } });
    expect(told.length - noticesBefore).toBe(2);
    expect(told.map((row) => row.userId).sort()).toEqual([firms[0].member.id, buyers[1].user.id].sort());
    const changedIds = (await prisma.notification.findMany({ where: { kind: "meeting.changed" }, select: { id: true } })).map((row) => row.id);
    const mails = await prisma.mailOutbox.findMany({ where: { notificationId: { in: changedIds } }, select: { userId: true, locale: true, subject: true, textBody: true } });
    const firmMail = mails.find((mail) => mail.userId === firms[0].member.id);
    const buyerMail = mails.find((mail) => mail.userId === buyers[1].user.id);
    expect(firmMail?.subject).toContain("洽谈有变动");
    expect(buyerMail?.subject).toContain("mudaram");
    expect(firmMail?.textBody).toContain("1场已取消");
    expect(buyerMail?.textBody).toContain("canceladas: 1");

    // Asked again and agreed: placed again with a SEQUENCE above the cancelled event's, CONFIRMED under the same UID.
    await prisma.meetingRequest.update({ where: { id: pairs.f0b1 }, data: { status: "ACCEPTED", declinedBy: null } });
    expect((await bureau.post(page, { intent: "run" })).status).toBe(200);
    expect((await bureau.post(page, { intent: "publish" })).status).toBe(200);
    const again = parseIcs(await (await anonymous().get(feed)).text()).filter((event) => event.uid === uid(pairs.f0b1));
    expect(again).toHaveLength(1);
    expect(again[0].status).toBe("CONFIRMED");
    expect(again[0].sequence).toBeGreaterThan(cancelled.sequence);
    expect(await prisma.meetingCancellation.count({ where: { requestId: pairs.f0b1 } })).toBe(0);
  });

  it("tells both sides when the bureau moves a published meeting, and the feed keeps the UID with a higher SEQUENCE", async () => {
    const feed = await makeFeed(buyerClient, `/pt-BR/meetings/${SLUG}/buyer/agenda`);
    const meetings = await prisma.meeting.findMany({ where: { editionId } });
    const moving = meetings.find((meeting) => meeting.requestId === pairs.f1b0)!;
    const before = parseIcs(await (await anonymous().get(feed)).text()).find((event) => event.uid === uid(pairs.f1b0))!;
    const busy = new Set(meetings.filter((meeting) => meeting.requestId !== pairs.f1b0).flatMap((meeting) => [`${meeting.slotId}|${meeting.table}`]));
    const buyerSlots = new Set(meetings.filter((meeting) => meeting.requestId === pairs.f0b0).map((meeting) => meeting.slotId));
    const target = ["2027-10-21T10:00", "2027-10-21T10:20", "2027-10-21T10:40"]
      .filter((slot) => !buyerSlots.has(slot) && slot !== moving.slotId)
      .flatMap((slot) => ["T01", "T02"].filter((table) => !busy.has(`${slot}|${table}`)).map((table) => ({ slot, table })))[0];
    const told = await prisma.notification.count({ where: { kind: "meeting.changed", userId: { in: [buyers[0].user.id, firms[1].member.id] } } });
    expect((await bureau.post(page, { intent: "move", meetingId: moving.id, slotId: target.slot, table: target.table })).status).toBe(200);
    expect(await prisma.notification.count({ where: { kind: "meeting.changed", userId: { in: [buyers[0].user.id, firms[1].member.id] } } })).toBe(told + 2);
    const after = parseIcs(await (await anonymous().get(feed)).text()).filter((event) => event.uid === uid(pairs.f1b0));
    expect(after).toHaveLength(1);
    expect(after[0].sequence).toBeGreaterThan(before.sequence);
  });
});

describe("meeting reminders", { timeout: 120_000 }, () => {
  it("go to both sides the evening before, in the reader's zone and language, once", async () => {
    const meetings = await prisma.meeting.findMany({ where: { editionId, request: { status: "ACCEPTED" } } });
    // 17:59 in Macao the day before: too early.
    expect((await sendMeetingReminders(new Date("2027-10-20T09:59:00Z"))).reminded).toBe(0);
    const evening = new Date("2027-10-20T10:30:00Z");
    const run = await sendMeetingReminders(evening);
    expect(run.reminded).toBe(meetings.length * 2);
    expect((await sendMeetingReminders(evening)).reminded).toBe(0);
    // Two instances at once remind nobody twice.
    const both = await Promise.all([sendMeetingReminders(new Date("2027-10-20T11:00:00Z")), sendMeetingReminders(new Date("2027-10-20T11:00:00Z"))]);
    expect(both[0].reminded + both[1].reminded).toBe(0);
    const mine = await prisma.notification.count({ where: { kind: "meeting.reminder", userId: buyers[0].user.id } });
    expect(mine).toBe(meetings.filter((meeting) => [pairs.f0b0, pairs.f1b0].includes(meeting.requestId)).length);
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: buyers[0].user.id, subject: { startsWith: "Reunião amanhã" } } });
    expect(mail.textBody).toMatch(/21 de out\. de 2027, 10:[024]0 \(Asia\/Macau\)/);
    // After the meeting started, nothing more.
    expect((await sendMeetingReminders(new Date("2027-10-21T05:00:00Z"))).reminded).toBe(0);
  });
});
