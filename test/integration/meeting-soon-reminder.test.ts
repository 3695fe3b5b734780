import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { gridSchema } from "~/modules/meeting/grid";
import { sendMeetingReminders } from "~/modules/meeting/reminders.server";
import { publishSchedule, runScheduler, saveGrid } from "~/modules/meeting/schedule-run.server";
import { seedReference } from "../../prisma/seed/seed.server";
import { createUser } from "../support/factories";
import { createBuyer, createSupplier } from "../support/inquiry-factories";
import { recipientsOf, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * The reminder shortly before each meeting (issue 10, item 5): 30 minutes
 * before, to both sides, in each reader's language, with the time in the
 * fair's zone and a remote participant's own, and the video link of a remote
 * meeting; sent once per meeting and side even when two workers run at
 * once; never for a cancelled meeting or one that started. Delivered to a
 * real SMTP server.
 */
let smtp: TestSmtpServer;
const SLUG = "mif-2027";
let firm: Awaited<ReturnType<typeof createSupplier>>;
let buyers: Awaited<ReturnType<typeof createBuyer>>[];
const VIDEO = "https://meet.example.org/ponte-dili";

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  await seedReference();
  const editionId = (await prisma.fairEdition.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  const call = await prisma.delegationCall.create({ data: { editionId, status: "ROSTER_PUBLISHED", opensAt: new Date("2027-01-01T00:00:00Z"), deadline: new Date("2027-03-01T00:00:00Z"), quota: 10 } });
  firm = await createSupplier({ locale: "zh-CN" });
  await prisma.firm.update({ where: { id: firm.firm.id }, data: { languages: ["zh", "pt"] } });
  await prisma.delegationApplication.create({ data: { callId: call.id, firmId: firm.firm.id, status: "APPROVED", boothTypeCode: "STD" } });
  const edition = await getMeetingEdition(SLUG, "en");
  // Buyer 0 meets in person (Portuguese), buyer 1 remotely from Dili (English), buyer 2 will cancel.
  buyers = [await createBuyer({ locale: "pt" }), await createBuyer({ locale: "en" }), await createBuyer({ locale: "pt" })];
  const registration = { editionId: edition.id, days: ["2027-10-21"], languages: ["pt"], timeZone: "America/Sao_Paulo", mode: "IN_PERSON" as const };
  await prisma.meetingRegistration.create({ data: { ...registration, buyerCompanyId: buyers[0].company.id } });
  await prisma.meetingRegistration.create({ data: { ...registration, buyerCompanyId: buyers[1].company.id, mode: "REMOTE", timeZone: "Asia/Dili", videoLink: VIDEO } });
  await prisma.meetingRegistration.create({ data: { ...registration, buyerCompanyId: buyers[2].company.id } });
  for (const [index, buyer] of buyers.entries()) {
    // Weights decide the order: buyer 0 at 10:00, buyer 1 at 10:20, buyer 2 at 10:40.
    await prisma.meetingRequest.create({ data: { editionId: edition.id, firmId: firm.firm.id, buyerCompanyId: buyer.company.id, status: "ACCEPTED", buyerAskedAt: new Date(), expiresAt: new Date("2027-12-01T00:00:00Z"), matchScore: 90 - index * 10 } });
  }
  const staff = { userId: (await createUser("BUREAU_STAFF")).id };
  const grid = gridSchema(edition).parse({ days: ["2027-10-21"], dayFrom: "10:00", dayTo: "11:00", breaks: "", slotMinutes: "20", tables: "2", interpreters: "", maxMeetingsPerFirm: "5", maxMeetingsPerBuyer: "5" });
  await saveGrid(staff, edition, grid);
  await runScheduler(staff, edition);
  await publishSchedule(staff, edition);
  expect(await prisma.meeting.count({ where: { editionId: edition.id } })).toBe(3);
}, 180_000);

afterAll(async () => {
  await smtp?.stop();
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe("the reminder shortly before a meeting", { timeout: 120_000 }, () => {
  it("goes to both sides 30 minutes before, once, in their language, with the video link of a remote meeting", async () => {
    const meetings = await prisma.meeting.findMany({ orderBy: { startsAt: "asc" }, include: { request: true } });
    const first = meetings[0].startsAt.getTime();
    // The evening before: only the evening reminders.
    const evening = await sendMeetingReminders(new Date(first - 15 * 3_600_000));
    expect(evening.reminded).toBe(6);
    expect(await prisma.notification.count({ where: { kind: "meeting.soon" } })).toBe(0);
    // 31 minutes before the first meeting: nothing yet.
    expect((await sendMeetingReminders(new Date(first - 31 * 60_000))).reminded).toBe(0);
    // 9 minutes before the first (29 before the second): both meetings, both sides; two workers at once send nothing twice.
    const at = new Date(first - 9 * 60_000);
    const runs = await Promise.all([sendMeetingReminders(at), sendMeetingReminders(at)]);
    expect(runs[0].reminded + runs[1].reminded).toBe(4);
    expect((await sendMeetingReminders(at)).reminded).toBe(0);
    expect(await prisma.meetingReminder.count({ where: { kind: "soon" } })).toBe(4);

    while ((await drainMailOutbox({ limit: 500 })).sent > 0);
    const remote = await smtp.waitFor((mail) => recipientsOf(mail).includes(buyers[1].user.email) && /Meeting in 30 minutes/.test(mail.subject ?? ""));
    expect(remote.text).toContain(VIDEO);
    // Her own time in Dili (UTC+9) and the fair's in Macao (UTC+8).
    expect(remote.text).toMatch(/Oct 21, 2027, 11:20 AM \(Asia\/Dili\)/);
    expect(remote.text).toMatch(/at the fair: Oct 21, 2027, 10:20 AM \(Asia\/Macau\)/);
    const inPerson = await smtp.waitFor((mail) => recipientsOf(mail).includes(buyers[0].user.email) && /Reunião dentro de 30 minutos/.test(mail.subject ?? ""));
    expect(inPerson.text).toMatch(/10:00 \(Asia\/Macau\)/);
    expect(inPerson.text).not.toContain(VIDEO);
    const chinese = await smtp.waitFor((mail) => recipientsOf(mail).includes(firm.member.email) && /30分钟后有会议/.test(mail.subject ?? ""));
    expect(chinese.text).toContain("Asia/Macau");
  });

  it("is not sent for a cancelled meeting, nor once a meeting has started", async () => {
    const last = await prisma.meeting.findFirstOrThrow({ orderBy: { startsAt: "desc" } });
    await prisma.meetingRequest.update({ where: { id: last.requestId }, data: { status: "DECLINED", declinedBy: "BUYER" } });
    expect((await sendMeetingReminders(new Date(last.startsAt.getTime() - 10 * 60_000))).reminded).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "meeting.soon", userId: buyers[2].user.id } })).toBe(0);
    await prisma.meetingRequest.update({ where: { id: last.requestId }, data: { status: "ACCEPTED", declinedBy: null } });
    expect((await sendMeetingReminders(new Date(last.startsAt.getTime() + 60_000))).reminded).toBe(0);
  });
});
