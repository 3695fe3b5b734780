import type { Locale } from "~/i18n/config";
import { recordAudit } from "~/modules/audit/audit.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { notify } from "~/modules/notification/notification.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { delegationFirmWhere, type MeetingEdition } from "./edition.server";
import { gridSlots, scheduleInputFrom, type Interpreter, type MeetingGrid } from "./grid";
import { editionDays } from "./registration.schema";
import { buildSchedule, type UnscheduledReason } from "./schedule";
import { validateScheduleInput, type InputProblem } from "./schedule-input";
import { isMove, placedSequence } from "./changes";
import { keepCancelled, noticeChanges, publishedChanges } from "./schedule-changes.server";
import { changingAgendas } from "./agenda-cache.server";

/**
 * The bureau's side of the schedule: the grid, a run of the pure scheduler
 * on what the database holds (agreed pairs, registrations, the delegation's
 * firms, locked meetings), locking and moving single meetings (checked by
 * the scheduler's own rules), and publishing. Every change is audited.
 */
type Staff = { userId: string };
type Tx = Prisma.TransactionClient;

export async function getGrid(edition: MeetingEdition): Promise<MeetingGrid & { selfBooking: boolean; status: "DRAFT" | "PUBLISHED"; lastRunAt: string | null; publishedAt: string | null; unscheduled: { request: string; reason: UnscheduledReason }[] }> {
  const row = await prisma.meetingGrid.findUnique({ where: { editionId: edition.id } });
  if (!row) {
    return {
      days: editionDays(edition.startsOn, edition.endsOn),
      dayFrom: "10:00",
      dayTo: "18:00",
      breaks: [{ from: "12:30", to: "14:00" }],
      slotMinutes: 20,
      tables: 10,
      interpreters: [],
      maxMeetingsPerFirm: 12,
      maxMeetingsPerBuyer: 8,
      selfBooking: false,
      status: "DRAFT",
      lastRunAt: null,
      publishedAt: null,
      unscheduled: [],
    };
  }
  return {
    days: row.days,
    dayFrom: row.dayFrom,
    dayTo: row.dayTo,
    breaks: row.breaks as MeetingGrid["breaks"],
    slotMinutes: row.slotMinutes,
    tables: row.tables,
    interpreters: row.interpreters as unknown as Interpreter[],
    maxMeetingsPerFirm: row.maxMeetingsPerFirm,
    maxMeetingsPerBuyer: row.maxMeetingsPerBuyer,
    selfBooking: row.selfBooking,
    status: row.status,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    unscheduled: row.unscheduled as { request: string; reason: UnscheduledReason }[],
  };
}

export async function saveGrid(staff: Staff, edition: MeetingEdition, grid: MeetingGrid) {
  const data = { ...grid, breaks: grid.breaks as Prisma.InputJsonValue, interpreters: grid.interpreters as unknown as Prisma.InputJsonValue };
  await changingAgendas(prisma.$transaction(async (tx) => {
    await tx.meetingGrid.upsert({ where: { editionId: edition.id }, create: { editionId: edition.id, ...data }, update: data });
    await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.grid", changes: { grid: { from: null, to: data } } });
  }));
}

const problemsError = (problems: InputProblem[]) =>
  new DomainError("scheduleProblems", {
    status: 409,
    messageKey: "meetings:errors.scheduleProblems",
    params: { problems: [...new Set(problems.map((problem) => `${problem.code}${problem.detail ? ` (${problem.detail})` : ""}`))].slice(0, 10).join("; ") },
  });

/** Everything the scheduler reads for an edition, as its input (unchecked). */
async function scheduleInputFor(tx: Tx, edition: MeetingEdition, grid: MeetingGrid, lockedOverride?: { requestId: string; slotId: string; table: string | null; interpreterId: string | null }[]) {
  const [firms, buyers, pairs, locked] = await Promise.all([
    tx.firm.findMany({ where: delegationFirmWhere(edition.id), select: { id: true, languages: true } }),
    tx.meetingRegistration.findMany({ where: { editionId: edition.id, cancelledAt: null }, select: { buyerCompanyId: true, days: true, mode: true, timeZone: true, languages: true, needsInterpreter: true } }),
    tx.meetingRequest.findMany({
      where: { editionId: edition.id, status: "ACCEPTED" },
      orderBy: { id: "asc" },
      select: { id: true, firmId: true, buyerCompanyId: true, buyerAskedAt: true, firmAskedAt: true, matchScore: true },
    }),
    lockedOverride ? Promise.resolve(lockedOverride) : tx.meeting.findMany({ where: { editionId: edition.id, OR: [{ locked: true }, { selfBooked: true }] }, select: { requestId: true, slotId: true, table: true, interpreterId: true } }),
  ]);
  return scheduleInputFrom({ grid, timeZone: edition.timeZone, firms: firms.map((firm) => ({ firmId: firm.id, languages: firm.languages })), buyers, pairs, locked });
}

function slotTimes(grid: MeetingGrid, timeZone: string) {
  return new Map(gridSlots(grid, timeZone).map((slot) => [slot.id, slot]));
}

export async function runScheduler(staff: Staff, edition: MeetingEdition) {
  const grid = await getGrid(edition);
  return changingAgendas(prisma.$transaction(
    async (tx) => {
      // One run at a time per edition; a participant editing meanwhile waits for it or is read before it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meetings:schedule:${edition.id}`}, 0))`;
      const raw = await scheduleInputFor(tx, edition, grid);
      const checked = validateScheduleInput(raw);
      if (!checked.ok) throw problemsError(checked.problems);
      const out = buildSchedule(checked.input);
      const kept = new Set(checked.input.locked.map((lock) => lock.request));
      const remote = new Map(checked.input.requests.map((request) => [request.id, request.remote]));
      const times = slotTimes(grid, edition.timeZone);
      // Meetings that stay where they were keep their row; moved ones are updated (their SEQUENCE grows, their
      // calendar UID stays); new ones are created; those no longer placed are removed.
      const existing = new Map((await tx.meeting.findMany({ where: { editionId: edition.id } })).map((meeting) => [meeting.requestId, meeting]));
      const placedIds = new Set(out.meetings.map((meeting) => meeting.request));
      // Once a schedule has been published, calendars hold its meetings: one no longer placed is kept as
      // cancelled (same UID, higher SEQUENCE) for the feeds, and placed again later with a SEQUENCE above that.
      const removed = [...existing.values()].filter((meeting) => !placedIds.has(meeting.requestId));
      if (grid.publishedAt) await keepCancelled(tx, removed);
      await tx.meeting.deleteMany({ where: { editionId: edition.id, requestId: { notIn: [...placedIds] } } });
      const cancelledBefore = new Map(
        (await tx.meetingCancellation.findMany({ where: { editionId: edition.id, requestId: { in: [...placedIds] } }, select: { requestId: true, sequence: true } })).map((row) => [row.requestId, row]),
      );
      for (const meeting of out.meetings) {
        if (kept.has(meeting.request)) continue;
        const slot = times.get(meeting.slot)!;
        const data = { slotId: meeting.slot, startsAt: new Date(slot.start), endsAt: new Date(slot.end), table: meeting.table, interpreterId: meeting.interpreter, remote: remote.get(meeting.request) ?? false };
        const before = existing.get(meeting.request);
        if (!before) await tx.meeting.create({ data: { ...data, editionId: edition.id, requestId: meeting.request, sequence: placedSequence(cancelledBefore.get(meeting.request)) } });
        else if (isMove(before, data)) {
          await tx.meeting.update({ where: { id: before.id }, data: { ...data, sequence: { increment: 1 } } });
        }
      }
      if (cancelledBefore.size) await tx.meetingCancellation.deleteMany({ where: { requestId: { in: [...cancelledBefore.keys()] } } });
      await tx.meetingGrid.upsert({
        where: { editionId: edition.id },
        create: { editionId: edition.id, days: grid.days, unscheduled: out.unscheduled as unknown as Prisma.InputJsonValue, lastRunAt: new Date(), status: "DRAFT" },
        update: { unscheduled: out.unscheduled as unknown as Prisma.InputJsonValue, lastRunAt: new Date(), status: "DRAFT" },
      });
      await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.schedule", changes: { meetings: { from: null, to: out.meetings.length }, unscheduled: { from: null, to: out.unscheduled.length }, locked: { from: null, to: kept.size } } });
      return { meetings: out.meetings.length, unscheduled: out.unscheduled.length, weight: out.weight };
    },
    { timeout: 60_000 },
  ));
}

async function meetingOf(edition: MeetingEdition, meetingId: string) {
  const meeting = meetingId ? await prisma.meeting.findFirst({ where: { id: meetingId, editionId: edition.id } }) : null;
  if (!meeting) throw notFoundError("meetingNotFound");
  return meeting;
}

export async function setMeetingLocked(staff: Staff, edition: MeetingEdition, meetingId: string, locked: boolean) {
  const meeting = await meetingOf(edition, meetingId);
  await changingAgendas(prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { locked } });
    await recordAudit(tx, { actorId: staff.userId, entityType: "meeting", entityId: meeting.id, action: locked ? "meetings.lock" : "meetings.unlock" });
  }));
}

/**
 * Moves one meeting to another slot and table by hand, and locks it there.
 * Checked with the scheduler's rules for locked meetings against every other
 * placed meeting: nobody double-booked, both sides available, a table free,
 * an interpreter on duty when one is needed (the first free one is taken).
 */
export async function moveMeeting(staff: Staff, edition: MeetingEdition, meetingId: string, target: { slotId: string; table: string | null }) {
  const meeting = await meetingOf(edition, meetingId);
  const grid = await getGrid(edition);
  const times = slotTimes(grid, edition.timeZone);
  if (!times.has(target.slotId)) throw new DomainError("unknownSlot", { status: 400, messageKey: "meetings:errors.unknownSlot", field: "slotId" });
  return changingAgendas(prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meetings:schedule:${edition.id}`}, 0))`;
    const others = await tx.meeting.findMany({ where: { editionId: edition.id, id: { not: meeting.id } }, select: { requestId: true, slotId: true, table: true, interpreterId: true } });
    const table = meeting.remote ? null : target.table;
    const candidates = [meeting.interpreterId, ...grid.interpreters.map((entry) => entry.id)].filter((id, index, all) => all.indexOf(id) === index);
    let problems: InputProblem[] = [];
    for (const interpreterId of [null, ...candidates]) {
      const raw = await scheduleInputFor(tx, edition, grid, [...others, { requestId: meeting.requestId, slotId: target.slotId, table, interpreterId }]);
      const checked = validateScheduleInput(raw);
      if (checked.ok) {
        const slot = times.get(target.slotId)!;
        await tx.meeting.update({ where: { id: meeting.id }, data: { slotId: target.slotId, startsAt: new Date(slot.start), endsAt: new Date(slot.end), table, interpreterId, locked: true, sequence: { increment: 1 } } });
        await recordAudit(tx, { actorId: staff.userId, entityType: "meeting", entityId: meeting.id, action: "meetings.move", changes: { slot: { from: meeting.slotId, to: target.slotId }, table: { from: meeting.table, to: table } } });
        const published = await tx.meetingGrid.findUnique({ where: { editionId: edition.id }, select: { status: true } });
        if (published?.status === "PUBLISHED") {
          const pair = await tx.meetingRequest.findUniqueOrThrow({ where: { id: meeting.requestId }, select: { firmId: true, buyerCompanyId: true } });
          await noticeChanges(tx, edition, [{ requestId: meeting.requestId, ...pair, kind: "moved" }]);
        }
        return { interpreterId };
      }
      if (!problems.length || checked.problems.length < problems.length) problems = checked.problems;
    }
    throw problemsError(problems);
  }));
}

export async function publishSchedule(staff: Staff, edition: MeetingEdition, now = new Date()) {
  await changingAgendas(prisma.$transaction(async (tx) => {
    const grid = await tx.meetingGrid.findUnique({ where: { editionId: edition.id }, select: { lastRunAt: true, publishedAt: true } });
    if (!grid?.lastRunAt) throw new DomainError("notScheduled", { status: 409, messageKey: "meetings:errors.notScheduled" });
    await tx.meetingGrid.update({ where: { editionId: edition.id }, data: { status: "PUBLISHED", publishedAt: now } });
    if (grid.publishedAt) {
      // Published again: only those whose agenda changed since are told, one message each.
      await noticeChanges(tx, edition, await publishedChanges(tx, edition.id, grid.publishedAt));
      await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.publish" });
      return;
    }
    const pairs = await tx.meeting.findMany({ where: { editionId: edition.id }, select: { request: { select: { firmId: true, buyerCompanyId: true } } } });
    const firmIds = [...new Set(pairs.map((row) => row.request.firmId))];
    const buyerIds = [...new Set(pairs.map((row) => row.request.buyerCompanyId))];
    const fair = await tx.fairEdition.findUnique({ where: { id: edition.id }, select: { name: true } });
    // One notice per person, whatever the number of their meetings.
    for (const [side, where] of [
      ["firm", { firmId: { in: firmIds }, role: "FIRM_MEMBER" as const }],
      ["buyer", { buyerCompanyId: { in: buyerIds }, role: "BUYER" as const }],
    ] as const) {
      const recipients = await tx.user.findMany({ where: { ...where, status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
      const href = `/meetings/${edition.slug}/${side}`;
      await notify(tx, { recipients, kind: "meeting.published", params: { fairName: fair?.name, path: href }, link: (locale) => `/${locale}${href}` });
    }
    await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.publish" });
  }));
}

/** The bureau's view of the schedule: meetings by time with names, and the requests left out with the reason. */
export async function scheduleView(edition: MeetingEdition, locale: Locale) {
  const grid = await getGrid(edition);
  const [meetings, left] = await Promise.all([
    prisma.meeting.findMany({
      where: { editionId: edition.id },
      orderBy: [{ startsAt: "asc" }, { table: "asc" }, { id: "asc" }],
      select: { id: true, slotId: true, startsAt: true, table: true, interpreterId: true, remote: true, locked: true, request: { select: { firm: { select: { name: true } }, buyerCompany: { select: { name: true } } } } },
    }),
    prisma.meetingRequest.findMany({
      where: { id: { in: grid.unscheduled.map((entry) => entry.request) } },
      select: { id: true, firm: { select: { name: true } }, buyerCompany: { select: { name: true } } },
    }),
  ]);
  const interpreterName = new Map(grid.interpreters.map((entry) => [entry.id, entry.name]));
  const leftById = new Map(left.map((row) => [row.id, row]));
  return {
    grid,
    slots: gridSlots(grid, edition.timeZone).map((slot) => slot.id),
    tables: Array.from({ length: grid.tables }, (_, index) => `T${String(index + 1).padStart(2, "0")}`),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      slotId: meeting.slotId,
      table: meeting.table,
      interpreter: meeting.interpreterId ? (interpreterName.get(meeting.interpreterId) ?? meeting.interpreterId) : null,
      remote: meeting.remote,
      locked: meeting.locked,
      firm: displayTextIn(meeting.request.firm.name, locale),
      buyer: meeting.request.buyerCompany.name,
    })),
    unscheduled: grid.unscheduled.flatMap((entry) => {
      const row = leftById.get(entry.request);
      return row ? [{ requestId: entry.request, reason: entry.reason, firm: displayTextIn(row.firm.name, locale), buyer: row.buyerCompany.name }] : [];
    }),
  };
}
