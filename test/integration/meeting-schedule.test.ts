import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { signIn } from "../support/session";

/**
 * Meetings at fairs, slice 3 (issue 10): the bureau sets the grid, runs the
 * scheduler on the agreed requests from the database, sees what was placed
 * and what was left out and why, moves and locks single meetings (checked
 * by the scheduler's rules), reruns without breaking locked ones, publishes;
 * participants are told once each.
 */
let server: TestServer;
let bureau: TestClient;
let editionId: string;
const SLUG = "mif-2027";
const page = `/en/bureau/meetings/${SLUG}`;
const grid = {
  days: ["2027-10-21"],
  dayFrom: "10:00",
  dayTo: "11:00",
  breaks: "",
  slotMinutes: "20",
  tables: "1",
  interpreters: "Ana Lopes; pt zh; 10:00-10:40",
  maxMeetingsPerFirm: "5",
  maxMeetingsPerBuyer: "5",
};

let placed: { withInterpreter: string; shared: string };
let firms: Awaited<ReturnType<typeof createSupplier>>[];
let buyers: Awaited<ReturnType<typeof createBuyer>>[];

async function agree(firmIndex: number, buyerIndex: number) {
  return prisma.meetingRequest.create({
    data: { editionId, firmId: firms[firmIndex].firm.id, buyerCompanyId: buyers[buyerIndex].company.id, status: "ACCEPTED", buyerAskedAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000), matchScore: 50 },
  });
}

beforeAll(async () => {
  await seedReference();
  server = await startTestServer();
  editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const call = await prisma.delegationCall.create({ data: { editionId, status: "ROSTER_PUBLISHED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 10 } });
  firms = [await createSupplier(), await createSupplier()];
  await prisma.firm.update({ where: { id: firms[0].firm.id }, data: { languages: ["zh"] } });
  await prisma.firm.update({ where: { id: firms[1].firm.id }, data: { languages: ["zh", "pt"] } });
  for (const supplier of firms) await prisma.delegationApplication.create({ data: { callId: call.id, firmId: supplier.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
  buyers = [await createBuyer(), await createBuyer(), await createBuyer()];
  const registrations = [
    { mode: "IN_PERSON" as const, timeZone: "America/Sao_Paulo", languages: ["pt"], needsInterpreter: true },
    // 10:00 in Macao is 03:00 in Lisbon: a remote buyer there cannot meet in this grid.
    { mode: "REMOTE" as const, timeZone: "Europe/Lisbon", languages: ["pt"], needsInterpreter: false, videoLink: "https://meet.example.com/x" },
    { mode: "IN_PERSON" as const, timeZone: "Africa/Luanda", languages: ["pt"], needsInterpreter: false },
  ];
  for (const [index, buyer] of buyers.entries()) {
    await prisma.meetingRegistration.create({ data: { editionId, buyerCompanyId: buyer.company.id, days: ["2027-10-21"], ...registrations[index] } });
  }
  const staff = await createUser("BUREAU_STAFF");
  bureau = new TestClient(server.url);
  await signIn(bureau, staff.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe("the bureau's schedule", { timeout: 180_000 }, () => {
  it("refuses a broken grid with the reasons, and saves a good one", async () => {
    const bad = await bureau.post(page, { ...grid, days: ["2027-11-30"], breaks: "lunch", interpreters: "Ana; pt; 10:00-11:00", slotMinutes: "0" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choose days within the fair&#x27;s dates.");
    // Odd values in every field: a 4xx or the form, never a 500.
    for (const field of Object.keys(grid)) {
      for (const value of ["", "-1", "1e309", "99:99", "<script>x</script>", "长".repeat(20_000), "\u0000", "a;b;c\n".repeat(200)]) {
        expect((await bureau.post(page, { ...grid, [field]: value })).status, `${field}=${value.slice(0, 10)}`).toBeLessThan(500);
      }
    }
    const odd: Record<string, string>[] = [{ intent: "move", meetingId: "", slotId: "" }, { intent: "lock", meetingId: "<x>" }, { intent: "nonsense" }, { intent: "publish", extra: "1" }];
    for (const body of odd) {
      expect((await bureau.post(page, body)).status).toBeLessThan(500);
    }
    expect((await bureau.post(page, grid)).status).toBe(200);
    const saved = await prisma.meetingGrid.findUniqueOrThrow({ where: { editionId } });
    expect(saved).toMatchObject({ days: ["2027-10-21"], slotMinutes: 20, tables: 1, interpreters: [{ id: "I1", name: "Ana Lopes", languages: ["pt", "zh"], from: "10:00", to: "10:40" }] });
  });

  it("runs, moves and locks, reruns keeping the locked meeting, and publishes", async () => {
    const withInterpreter = await agree(0, 0); // zh firm × pt buyer who needs an interpreter
    const remote = await agree(1, 1); // remote buyer in Lisbon at 03:00: left out
    const shared = await agree(1, 2); // both speak pt
    placed = { withInterpreter: withInterpreter.id, shared: shared.id };
    const run = await bureau.post(page, { intent: "run" });
    expect(run.status).toBe(200);
    const meetings = await prisma.meeting.findMany({ where: { editionId }, orderBy: { startsAt: "asc" } });
    expect(meetings.map((meeting) => meeting.requestId).sort()).toEqual([withInterpreter.id, shared.id].sort());
    const interpreted = meetings.find((meeting) => meeting.requestId === withInterpreter.id)!;
    expect(interpreted.interpreterId).toBe("I1");
    expect(["2027-10-21T10:00", "2027-10-21T10:20"]).toContain(interpreted.slotId);
    // One table: the two in-person meetings are in different slots.
    expect(new Set(meetings.map((meeting) => meeting.slotId)).size).toBe(2);
    const view = await (await bureau.get(page)).text();
    expect(view).toContain(`data-request="${remote.id}" data-reason="outsideLocalHours"`);
    expect(view).toContain("no common slot within the remote side&#x27;s local hours");

    // Move the shared meeting to the last slot (no interpreter needed) and lock it there.
    const target = "2027-10-21T10:40";
    const sharedMeeting = meetings.find((meeting) => meeting.requestId === shared.id)!;
    expect((await bureau.post(page, { intent: "move", meetingId: sharedMeeting.id, slotId: target, table: "T01" })).status).toBe(200);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: sharedMeeting.id } })).toMatchObject({ slotId: target, locked: true });
    // The interpreted meeting cannot go where the interpreter is off duty.
    const refused = await bureau.post(page, { intent: "move", meetingId: interpreted.id, slotId: target, table: "T01" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("The schedule cannot be built this way");
    expect((await bureau.post(page, { intent: "move", meetingId: "no-such-meeting", slotId: target, table: "T01" })).status).toBe(404);
    expect((await bureau.post(page, { intent: "move", meetingId: interpreted.id, slotId: "2027-10-21T23:00", table: "T01" })).status).toBe(400);

    // A rerun keeps the locked meeting exactly where it was put.
    expect((await bureau.post(page, { intent: "run" })).status).toBe(200);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { requestId: shared.id } })).toMatchObject({ id: sharedMeeting.id, slotId: target, table: "T01", locked: true });
    expect(await prisma.meeting.count({ where: { editionId } })).toBe(2);

    expect((await bureau.post(page, { intent: "publish" })).status).toBe(200);
    expect((await prisma.meetingGrid.findUniqueOrThrow({ where: { editionId } })).status).toBe("PUBLISHED");
    // One notice per person with meetings (buyers 0 and 2, both firms' members), none for the buyer left out.
    const notices = await prisma.notification.findMany({ where: { kind: "meeting.published" }, select: { userId: true } });
    expect(notices.map((notice) => notice.userId).sort()).toEqual([buyers[0].user.id, buyers[2].user.id, firms[0].member.id, firms[1].member.id].sort());
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { userId: firms[0].member.id }, orderBy: { id: "desc" } });
    expect(mail.subject).toContain("洽谈已排定");
    // Two runs and one publication audited (grid saves are audited too, one per save above).
    expect(await prisma.auditEvent.count({ where: { entityId: editionId, action: { in: ["meetings.schedule", "meetings.publish"] } } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { entityId: editionId, action: "meetings.grid" } })).toBeGreaterThanOrEqual(1);
  });

  it("gives each side its own agenda once published, on the web and as a calendar file whose UID survives a move", async () => {
    const buyer = new TestClient(server.url);
    await signIn(buyer, buyers[0].user.email, TEST_PASSWORD, "pt-BR");
    const agenda = await buyer.get(`/pt-PT/meetings/${SLUG}/buyer/agenda`);
    expect(agenda.status).toBe(200);
    const html = await agenda.text();
    expect(html).toContain(`data-request="${placed.withInterpreter}"`);
    expect(html).not.toContain(`data-request="${placed.shared}"`);
    expect(html).toContain("Mesa / 洽谈桌");
    expect(html).toContain("Ana Lopes");
    // Printable in both languages: the title in Portuguese and in Chinese, each naming the fair in its language.
    const edition = await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG }, select: { name: true } });
    const names = edition.name as Record<string, { text: string }>;
    expect(html).toContain(`我在${names["zh-CN"].text}的洽谈`);
    expect(html).toContain(names.pt.text);
    const ics = await buyer.get(`/pt-PT/meetings/${SLUG}/buyer/agenda.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const calendar = await ics.text();
    expect(calendar).toContain("BEGIN:VTIMEZONE");
    expect(calendar).toContain(`UID:${placed.withInterpreter}@meetings.ponte`);
    expect(calendar).toMatch(/DTSTART;TZID=Asia\/Macau:20271021T10[02]000/);
    expect(calendar).not.toContain(placed.shared);

    const firm = new TestClient(server.url);
    await signIn(firm, firms[1].member.email, TEST_PASSWORD, "zh-CN");
    const firmHtml = await (await firm.get(`/zh-CN/meetings/${SLUG}/firm/agenda`)).text();
    expect(firmHtml).toContain(`data-request="${placed.shared}"`);
    expect(firmHtml).toContain(buyers[2].company.name);
    expect(firmHtml).toContain("洽谈桌");
    const sequence = (text: string) => Number(/SEQUENCE:(\d+)/.exec(text)?.[1]);
    const before = await (await firm.get(`/zh-CN/meetings/${SLUG}/firm/agenda.ics`)).text();
    // The bureau moves the meeting: same UID, a higher SEQUENCE, the new time.
    const taken = (await prisma.meeting.findUniqueOrThrow({ where: { requestId: placed.withInterpreter } })).slotId;
    const free = ["2027-10-21T10:00", "2027-10-21T10:20"].find((slot) => slot !== taken)!;
    const meetingId = (await prisma.meeting.findUniqueOrThrow({ where: { requestId: placed.shared } })).id;
    expect((await bureau.post(page, { intent: "move", meetingId, slotId: free, table: "T01" })).status).toBe(200);
    const after = await (await firm.get(`/zh-CN/meetings/${SLUG}/firm/agenda.ics`)).text();
    expect(after).toContain(`UID:${placed.shared}@meetings.ponte`);
    expect(sequence(after)).toBeGreaterThan(sequence(before));
    expect(after).toContain(`DTSTART;TZID=Asia/Macau:20271021T${free.slice(11).replace(":", "")}00`);

    // Neither side opens the other's agenda.
    expect((await buyer.get(`/pt-PT/meetings/${SLUG}/firm/agenda`)).status).toBe(403);
    expect((await firm.get(`/zh-CN/meetings/${SLUG}/buyer/agenda.ics`)).status).toBe(403);
  });

  it("is the bureau's only", async () => {
    const buyer = new TestClient(server.url);
    await signIn(buyer, buyers[0].user.email, TEST_PASSWORD, "pt-BR");
    expect((await buyer.get(page)).status).toBe(403);
    expect((await buyer.post(page, { intent: "run" })).status).toBe(403);
  });
});
