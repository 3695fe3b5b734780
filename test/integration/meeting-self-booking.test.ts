import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getMeetingEdition, type MeetingEdition } from "~/modules/meeting/edition.server";
import { bookSlot } from "~/modules/meeting/self-booking.server";
import { isDomainError } from "~/utils/domain-error";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Self-booking (issue 10, item 4): the bureau opens it on the published
 * schedule; a registered buyer books a delegation firm's free slot and the
 * meeting is placed at once, both sides told in their language, in both
 * agendas and feeds; fifty buyers taking the same slot at once: exactly one
 * gets it, the others a localized 409; cancelling frees the slot and the
 * feed carries the event as CANCELLED; reruns keep booked meetings.
 */
let server: TestServer;
let bureau: TestClient;
let edition: MeetingEdition;
const SLUG = "mif-2027";
const bureauPage = `/en/bureau/meetings/${SLUG}`;
const grid = { days: ["2027-10-21", "2027-10-22"], dayFrom: "10:00", dayTo: "11:00", breaks: "", slotMinutes: "20", tables: "60", interpreters: "", maxMeetingsPerFirm: "10", maxMeetingsPerBuyer: "5" };
const RACERS = 50;
const VIA_HTTP = 5;

let firms: Awaited<ReturnType<typeof createSupplier>>[];
let buyers: Awaited<ReturnType<typeof createBuyer>>[];
let clients: TestClient[];
const bookPage = (firm: number, lang = "pt-BR") => `/${lang}/meetings/${SLUG}/buyer/book/${firms[firm].firm.id}`;

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((event) => ({ uid: String(event.getFirstPropertyValue("uid")), status: String(event.getFirstPropertyValue("status")), sequence: Number(event.getFirstPropertyValue("sequence") ?? 0) }));
}

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  const editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const call = await prisma.delegationCall.create({ data: { editionId, status: "ROSTER_PUBLISHED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 10 } });
  // Firm 0 speaks Portuguese; firm 1 only Chinese (an interpreter is needed); firm 2 is not in the delegation.
  firms = [await createSupplier(), await createSupplier(), await createSupplier()];
  await prisma.firm.update({ where: { id: firms[0].firm.id }, data: { languages: ["zh", "pt"] } });
  await prisma.firm.update({ where: { id: firms[1].firm.id }, data: { languages: ["zh"] } });
  for (const supplier of firms.slice(0, 2)) await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
  buyers = [];
  for (let index = 0; index < RACERS; index++) buyers.push(await createBuyer({ locale: "pt" }));
  await prisma.meetingRegistration.createMany({
    data: buyers.map((buyer) => ({ editionId, buyerCompanyId: buyer.company.id, days: ["2027-10-21"], mode: "IN_PERSON" as const, timeZone: "America/Sao_Paulo", languages: ["pt"], needsInterpreter: false })),
  });
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
  expect((await bureau.post(bureauPage, grid)).status).toBe(200);
  expect((await bureau.post(bureauPage, { intent: "run" })).status).toBe(200);
  expect((await bureau.post(bureauPage, { intent: "publish" })).status).toBe(200);
  edition = await getMeetingEdition(SLUG, "en");
  clients = [];
  for (const buyer of buyers.slice(0, VIA_HTTP + 1)) {
    const client = new TestClient(server.url);
    await signIn(client, buyer.user.email, TEST_PASSWORD, "pt-BR");
    clients.push(client);
  }
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe("self-booking a firm's free slot", { timeout: 180_000 }, () => {
  it("is refused while the bureau has not switched it on, then switched on (audited)", async () => {
    const refused = await clients[0].post(bookPage(0), { intent: "book", slotId: "2027-10-21T10:00" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("A marcação direta de reuniões não está aberta nesta feira.");
    expect((await bureau.post(bureauPage, { intent: "selfBooking", selfBooking: "maybe" })).status).toBe(400);
    const on = await bureau.post(bureauPage, { intent: "selfBooking", selfBooking: "on" });
    expect(on.status).toBe(200);
    expect(await on.text()).toContain("Buyers may now book free slots themselves.");
    expect(await prisma.auditEvent.count({ where: { entityId: edition.id, action: "meetings.selfBooking" } })).toBe(1);
    const page = await (await clients[0].get(bookPage(0))).text();
    expect(page).toContain('data-slot="2027-10-21T10:00"');
    // The buyer registered for the 21st only: no slot of the 22nd is offered.
    expect(page).not.toContain('data-slot="2027-10-22T10:00"');
  });

  it(`gives one slot to exactly one of ${RACERS} buyers taking it at once; the others are told it was just taken (409)`, async () => {
    const slotId = "2027-10-21T10:00";
    const firmId = firms[0].firm.id;
    const viaService = buyers.slice(VIA_HTTP).map((buyer) =>
      bookSlot({ userId: buyer.user.id, buyerCompanyId: buyer.company.id }, edition, firmId, slotId).then(
        () => "booked" as const,
        (error: unknown) => (isDomainError(error) && error.status === 409 && error.code === "slotTaken" ? ("taken" as const) : Promise.reject(error)),
      ),
    );
    const viaHttp = clients.slice(0, VIA_HTTP).map(async (client) => {
      const response = await client.post(bookPage(0), { intent: "book", slotId });
      const body = await response.text();
      if (response.status === 200) return "booked" as const;
      expect(response.status).toBe(409);
      expect(body).toContain("Este horário acabou de ser reservado. Escolha outro.");
      return "taken" as const;
    });
    const results = await Promise.all([...viaService, ...viaHttp]);
    expect(results.filter((result) => result === "booked")).toHaveLength(1);
    expect(results.filter((result) => result === "taken")).toHaveLength(RACERS - 1);
    const meetings = await prisma.meeting.findMany({ where: { editionId: edition.id, slotId, request: { firmId } } });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ selfBooked: true, locked: true, table: "T01", remote: false, interpreterId: null });
    expect(await prisma.meetingRequest.count({ where: { editionId: edition.id, firmId, status: "ACCEPTED" } })).toBe(1);
  });

  it("tells both sides in their language and shows the meeting in both agendas; the slot is no longer offered", async () => {
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { editionId: edition.id, selfBooked: true }, include: { request: true } });
    const winner = buyers.find((buyer) => buyer.company.id === meeting.request.buyerCompanyId)!;
    const buyerMail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: winner.user.id, subject: { startsWith: "Reunião marcada" } } });
    expect(buyerMail.textBody).toMatch(/21 de out\. de 2027, 10:00 \(Asia\/Macau\)/);
    const firmMail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: firms[0].member.id, subject: { contains: "已预约会议" } } });
    expect(firmMail.textBody).toContain(winner.company.name);
    const other = clients.find((_, index) => buyers[index].company.id !== winner.company.id)!;
    const page = await (await other.get(bookPage(0))).text();
    expect(page).not.toContain('data-slot="2027-10-21T10:00"');
    expect(page).toContain('data-slot="2027-10-21T10:20"');
    const firmClient = new TestClient(server.url);
    await signIn(firmClient, firms[0].member.email, TEST_PASSWORD, "zh-CN");
    expect(await (await firmClient.get(`/zh-CN/meetings/${SLUG}/firm/agenda`)).text()).toContain(winner.company.name);
  });

  it("refuses bad bookings with a clear message in the buyer's language, never a 500", async () => {
    const booked = await prisma.meeting.findFirstOrThrow({ where: { editionId: edition.id, selfBooked: true }, include: { request: true } });
    const client = clients.find((_, index) => buyers[index].company.id !== booked.request.buyerCompanyId)!;
    const cases: [string, Record<string, string>, number, string][] = [
      [bookPage(0), { intent: "book", slotId: "2027-10-21T10:05" }, 400, "Este horário não está na grade."],
      [bookPage(0), { intent: "book", slotId: "2027-10-22T10:00" }, 400, "Este horário está fora dos dias ou horas da sua inscrição."],
      [bookPage(0), { intent: "book", slotId: "" }, 400, ""],
      [bookPage(0), { intent: "book", slotId: "x".repeat(500) }, 400, ""],
      [bookPage(2), { intent: "book", slotId: "2027-10-21T10:20" }, 404, ""],
      [bookPage(0), { intent: "cancelBooking", meetingId: "no-such-meeting" }, 404, ""],
    ];
    // Firm 1 speaks only Chinese and the pool is empty: no interpreter free.
    await prisma.meetingRegistration.updateMany({ where: { buyerCompanyId: buyers[0].company.id }, data: { needsInterpreter: true } });
    for (const [path, body, status, text] of cases) {
      const response = await client.post(path, body);
      expect(response.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(status);
      if (text) expect(await response.text()).toContain(text);
    }
    const noInterpreter = await clients[0].post(bookPage(1), { intent: "book", slotId: "2027-10-21T10:20" });
    expect(noInterpreter.status).toBe(409);
    expect(await noInterpreter.text()).toContain("Nenhum intérprete está livre a essa hora.");
    await prisma.meetingRegistration.updateMany({ where: { buyerCompanyId: buyers[0].company.id }, data: { needsInterpreter: false } });
    // Someone else's booking, cancelled by its id: not found, and the booking stays.
    expect((await client.post(bookPage(0), { intent: "cancelBooking", meetingId: booked.id })).status).toBe(404);
    expect(await prisma.meeting.count({ where: { id: booked.id } })).toBe(1);
  });

  it("is kept by a rerun of the scheduler, and cancelled by the buyer: the feed says CANCELLED and the slot is offered again", async () => {
    const booked = await prisma.meeting.findFirstOrThrow({ where: { editionId: edition.id, selfBooked: true }, include: { request: true } });
    expect((await bureau.post(bureauPage, { intent: "run" })).status).toBe(200);
    expect((await bureau.post(bureauPage, { intent: "publish" })).status).toBe(200);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ slotId: booked.slotId, table: booked.table, selfBooked: true });
    const index = buyers.findIndex((buyer) => buyer.company.id === booked.request.buyerCompanyId);
    const owner = new TestClient(server.url);
    await signIn(owner, buyers[index].user.email, TEST_PASSWORD, "pt-BR");
    const feedResponse = await owner.post(`/pt-BR/meetings/${SLUG}/buyer/agenda`, { intent: "feedRenew" });
    const feed = /\/feeds\/meetings\/[A-Za-z0-9_-]{43}\.ics/.exec(await feedResponse.text())![0];
    const before = parseIcs(await (await new TestClient(server.url).get(feed)).text()).find((event) => event.uid.startsWith(booked.requestId))!;
    expect(before.status).toBe("CONFIRMED");
    // Booking the same firm twice is refused.
    expect((await owner.post(bookPage(0), { intent: "book", slotId: "2027-10-21T10:40" })).status).toBe(409);
    const cancelled = await owner.post(bookPage(0), { intent: "cancelBooking", meetingId: booked.id });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain("A sua marcação foi cancelada");
    const after = parseIcs(await (await new TestClient(server.url).get(feed)).text()).filter((event) => event.uid.startsWith(booked.requestId));
    expect(after).toHaveLength(1);
    expect(after[0].status).toBe("CANCELLED");
    expect(after[0].sequence).toBeGreaterThan(before.sequence);
    expect(await prisma.notification.count({ where: { kind: "meeting.bookingCancelled", userId: firms[0].member.id } })).toBe(1);
    const page = await (await owner.get(bookPage(0))).text();
    expect(page).toContain(`data-slot="${booked.slotId}"`);
    // Booked again: the same UID comes back CONFIRMED with a SEQUENCE above the cancelled one.
    expect((await owner.post(bookPage(0), { intent: "book", slotId: booked.slotId })).status).toBe(200);
    const again = parseIcs(await (await new TestClient(server.url).get(feed)).text()).filter((event) => event.uid.startsWith(booked.requestId));
    expect(again).toHaveLength(1);
    expect(again[0].status).toBe("CONFIRMED");
    expect(again[0].sequence).toBeGreaterThan(after[0].sequence);
  });
});
