import type { Locale } from "~/i18n/config";
import { recordAudit } from "~/modules/audit/audit.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { notify } from "~/modules/notification/notification.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { changingAgendas } from "./agenda-cache.server";
import { placedSequence } from "./changes";
import { isDelegationFirm, type MeetingEdition } from "./edition.server";
import { readerZone } from "./reminders";
import { keepCancelled } from "./schedule-changes.server";
import { getGrid } from "./schedule-run.server";
import { freeSlots, placeBooking, type BookingRefusal, type BookingState, type LiveMeeting } from "./self-booking";

/**
 * Self-booking (issue 10, item 4): when the bureau switched it on and the
 * schedule is published, a registered buyer books a delegation firm's free
 * slot itself; the meeting is placed at once (the pair counts as agreed),
 * locked, so reruns keep it. Bookings, scheduler runs and moves of one
 * edition serialise on the edition's advisory lock (the one runScheduler and
 * moveMeeting take), and every booking re-reads the live meetings under it:
 * of fifty buyers taking the same slot at once, exactly one gets it, the
 * others are told the slot was just taken (409). Both sides are told in their
 * language; the buyer may cancel its booking (calendars get it CANCELLED).
 */
type Tx = Prisma.TransactionClient;
type BuyerActor = { userId: string; buyerCompanyId: string };

const refusal = (reason: string, status = 409) => new DomainError(reason, { status, messageKey: `meetings:errors.${reason}` });

const refusalStatus: Record<BookingRefusal, number> = { unknownSlot: 400, outsideAvailability: 400, slotTaken: 409, buyerBusy: 409, firmCapReached: 409, capReached: 409, noTable: 409, noInterpreter: 409 };
const refusalKey: Record<BookingRefusal, string> = {
  unknownSlot: "unknownSlot",
  outsideAvailability: "slotOutsideAvailability",
  slotTaken: "slotTaken",
  buyerBusy: "buyerBusyAtSlot",
  firmCapReached: "counterpartCapReached",
  capReached: "capReached",
  noTable: "slotTaken",
  noInterpreter: "noInterpreterFree",
};

const lockEdition = (tx: Tx, editionId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meetings:schedule:${editionId}`}, 0))`;

export async function setSelfBooking(staff: { userId: string }, edition: MeetingEdition, on: boolean) {
  await changingAgendas(prisma.$transaction(async (tx) => {
    const grid = await tx.meetingGrid.findUnique({ where: { editionId: edition.id }, select: { selfBooking: true } });
    if (!grid) throw refusal("noGrid");
    await tx.meetingGrid.update({ where: { editionId: edition.id }, data: { selfBooking: on } });
    await recordAudit(tx, { actorId: staff.userId, entityType: "fair", entityId: edition.id, action: "meetings.selfBooking", changes: { selfBooking: { from: grid.selfBooking, to: on } } });
  }));
}

/** Whether buyers may book now: switched on and the schedule published. */
export async function selfBookingOpen(editionId: string) {
  const grid = await prisma.meetingGrid.findUnique({ where: { editionId }, select: { selfBooking: true, status: true } });
  return !!grid && grid.selfBooking && grid.status === "PUBLISHED";
}

async function liveMeetings(tx: Tx | typeof prisma, editionId: string): Promise<LiveMeeting[]> {
  const rows = await tx.meeting.findMany({
    where: { editionId, request: { status: "ACCEPTED" } },
    select: { slotId: true, table: true, interpreterId: true, request: { select: { firmId: true, buyerCompanyId: true } } },
  });
  return rows.map((row) => ({ slotId: row.slotId, table: row.table, interpreterId: row.interpreterId, firmId: row.request.firmId, buyerCompanyId: row.request.buyerCompanyId }));
}

/**
 * Everything a booking is checked against but the live meetings (read before
 * the transaction: a PGlite database has one connection, so nothing outside
 * the transaction may be awaited inside it); refuses what is not bookable at all.
 */
async function bookingBase(edition: MeetingEdition, buyerCompanyId: string, firmId: string): Promise<Omit<BookingState, "meetings">> {
  if (!(await selfBookingOpen(edition.id))) throw refusal("selfBookingOff");
  const registration = await prisma.meetingRegistration.findUnique({ where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId } } });
  if (!registration || registration.cancelledAt) throw refusal("notRegistered");
  if (!firmId || !(await isDelegationFirm(edition.id, firmId))) throw refusal("firmNotInDelegation", 404);
  const firm = await prisma.firm.findUniqueOrThrow({ where: { id: firmId }, select: { id: true, languages: true } });
  return bookingState(edition, buyerCompanyId, firm, registration);
}

/** The booking rules' input from a firm and a registration already read and checked. */
async function bookingState(
  edition: MeetingEdition,
  buyerCompanyId: string,
  firm: { id: string; languages: string[] },
  registration: Omit<BookingState["buyer"], "buyerCompanyId">,
): Promise<Omit<BookingState, "meetings">> {
  const { days, mode, timeZone, languages, needsInterpreter } = registration;
  return {
    grid: await getGrid(edition),
    timeZone: edition.timeZone,
    firm: { firmId: firm.id, languages: firm.languages },
    buyer: { buyerCompanyId, days, mode, timeZone, languages, needsInterpreter },
  };
}

/** A firm's page for a buyer: its free slots (fair's zone; the buyer's own when remote) and the buyer's bookings with it. */
export async function selfBookingView(edition: MeetingEdition, buyerCompanyId: string, firmId: string, locale: Locale) {
  const firm = firmId && (await isDelegationFirm(edition.id, firmId)) ? await prisma.firm.findUnique({ where: { id: firmId }, select: { id: true, name: true, languages: true } }) : null;
  if (!firm) throw notFoundError("firmNotInDelegation");
  const open = await selfBookingOpen(edition.id);
  const registration = await prisma.meetingRegistration.findUnique({ where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId } } });
  const registered = !!registration && !registration.cancelledAt;
  // Checked above already: the rules' input is built from what was read, not read again.
  const slots = open && registered ? freeSlots({ ...(await bookingState(edition, buyerCompanyId, firm, registration)), meetings: await liveMeetings(prisma, edition.id) }) : [];
  const booked = await prisma.meeting.findMany({
    where: { editionId: edition.id, selfBooked: true, request: { buyerCompanyId, firmId, status: "ACCEPTED" } },
    orderBy: { startsAt: "asc" },
    select: { id: true, slotId: true, startsAt: true, endsAt: true, table: true, remote: true },
  });
  return {
    firm: { id: firm.id, name: displayTextIn(firm.name, locale) },
    open,
    registered,
    ownZone: registration ? readerZone("buyer", edition.timeZone, registration) : edition.timeZone,
    slots: slots.map((slot) => ({ slotId: slot.slotId, start: slot.start, end: slot.end, remote: slot.remote })),
    booked: booked.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() })),
  };
}

async function tellBoth(tx: Tx, edition: MeetingEdition, kind: "meeting.booked" | "meeting.bookingCancelled", pair: { firmId: string; buyerCompanyId: string }, startsAt: Date) {
  const [firm, buyer, fair, registration] = await Promise.all([
    tx.firm.findUnique({ where: { id: pair.firmId }, select: { name: true } }),
    tx.buyerCompany.findUnique({ where: { id: pair.buyerCompanyId }, select: { name: true } }),
    tx.fairEdition.findUnique({ where: { id: edition.id }, select: { name: true } }),
    tx.meetingRegistration.findUnique({ where: { editionId_buyerCompanyId: { editionId: edition.id, buyerCompanyId: pair.buyerCompanyId } }, select: { mode: true, timeZone: true } }),
  ]);
  for (const side of ["firm", "buyer"] as const) {
    const where = side === "firm" ? { firmId: pair.firmId, role: "FIRM_MEMBER" as const } : { buyerCompanyId: pair.buyerCompanyId, role: "BUYER" as const };
    const recipients = await tx.user.findMany({ where: { ...where, status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
    const href = `/meetings/${edition.slug}/${side}/agenda`;
    await notify(tx, {
      recipients,
      kind,
      params: { fairName: fair?.name, firmName: firm?.name, buyerCompany: buyer?.name ?? "", startsAt: startsAt.toISOString(), timeZone: readerZone(side, edition.timeZone, registration), path: href },
      link: (locale) => `/${locale}${href}`,
    });
  }
}

export async function bookSlot(actor: BuyerActor, edition: MeetingEdition, firmId: string, slotId: string, now = new Date()) {
  if (edition.past) throw refusal("fairOver");
  const base = await bookingBase(edition, actor.buyerCompanyId, firmId);
  // Agendas read in this instance see the change at once (agenda-cache.server.ts).
  return changingAgendas(prisma.$transaction(
    async (tx) => {
      // One booking, run or move of the edition at a time: whoever comes second sees the first one's meeting.
      await lockEdition(tx, edition.id);
      const grid = await tx.meetingGrid.findUnique({ where: { editionId: edition.id }, select: { selfBooking: true, status: true } });
      if (!grid?.selfBooking || grid.status !== "PUBLISHED") throw refusal("selfBookingOff");
      const state: BookingState = { ...base, meetings: await liveMeetings(tx, edition.id) };
      const key = { editionId_buyerCompanyId_firmId: { editionId: edition.id, buyerCompanyId: actor.buyerCompanyId, firmId } };
      const pair = await tx.meetingRequest.findUnique({ where: key, select: { id: true, status: true, declinedBy: true, selfBookedAt: true, buyerAskedAt: true, meeting: { select: { id: true } } } });
      if (pair?.meeting && pair.status === "ACCEPTED") throw refusal("alreadyBooked");
      // A pair declined by either side stays ended, unless the buyer cancelled its own booking.
      if (pair?.status === "DECLINED" && !(pair.declinedBy === "BUYER" && pair.selfBookedAt)) throw refusal("declined");
      const placement = placeBooking(state, slotId);
      if (!placement.ok) throw refusal(refusalKey[placement.reason], refusalStatus[placement.reason]);
      const agreed = { status: "ACCEPTED" as const, declinedBy: null, decidedAt: now, decidedById: actor.userId, selfBookedAt: now };
      const request = pair
        ? await tx.meetingRequest.update({ where: { id: pair.id }, data: { ...agreed, buyerAskedAt: pair.buyerAskedAt ?? now, buyerAskedById: actor.userId } })
        : await tx.meetingRequest.create({ data: { ...agreed, editionId: edition.id, buyerCompanyId: actor.buyerCompanyId, firmId, buyerAskedAt: now, buyerAskedById: actor.userId, expiresAt: new Date(`${edition.endsOn}T23:59:59Z`) } });
      // A leftover meeting row of a pair no longer agreed (declined after placing) gives way to the booking.
      if (pair?.meeting) await tx.meeting.delete({ where: { id: pair.meeting.id } });
      const cancelled = await tx.meetingCancellation.findUnique({ where: { requestId: request.id }, select: { sequence: true } });
      const meeting = await tx.meeting.create({
        data: {
          editionId: edition.id,
          requestId: request.id,
          slotId: placement.slotId,
          startsAt: new Date(placement.start),
          endsAt: new Date(placement.end),
          table: placement.table,
          interpreterId: placement.interpreterId,
          remote: placement.remote,
          locked: true,
          selfBooked: true,
          sequence: placedSequence(cancelled),
        },
      });
      if (cancelled) await tx.meetingCancellation.delete({ where: { requestId: request.id } });
      await recordAudit(tx, { actorId: actor.userId, entityType: "meeting", entityId: meeting.id, action: "meetings.selfBook", changes: { slot: { from: null, to: placement.slotId }, table: { from: null, to: placement.table } } });
      await tellBoth(tx, edition, "meeting.booked", { firmId, buyerCompanyId: actor.buyerCompanyId }, meeting.startsAt);
      return { meetingId: meeting.id, slotId: placement.slotId, table: placement.table, interpreterId: placement.interpreterId };
    },
    { maxWait: 60_000, timeout: 60_000 },
  ));
}

/** The buyer cancels one of its own bookings: calendars get it as CANCELLED, the slot is free again. */
export async function cancelBooking(actor: BuyerActor, edition: MeetingEdition, meetingId: string, now = new Date()) {
  // Agendas read in this instance see the change at once (agenda-cache.server.ts).
  return changingAgendas(prisma.$transaction(
    async (tx) => {
      await lockEdition(tx, edition.id);
      const meeting = meetingId
        ? await tx.meeting.findFirst({ where: { id: meetingId, editionId: edition.id, selfBooked: true, request: { buyerCompanyId: actor.buyerCompanyId, status: "ACCEPTED" } }, include: { request: { select: { firmId: true, buyerCompanyId: true } } } })
        : null;
      // Someone else's booking, or no booking: not found (ids are not probed).
      if (!meeting) throw notFoundError("meetingNotFound");
      if (meeting.startsAt <= now) throw refusal("meetingStarted");
      await keepCancelled(tx, [meeting]);
      await tx.meeting.delete({ where: { id: meeting.id } });
      await tx.meetingRequest.update({ where: { id: meeting.requestId }, data: { status: "DECLINED", declinedBy: "BUYER", decidedAt: now, decidedById: actor.userId } });
      await recordAudit(tx, { actorId: actor.userId, entityType: "meeting", entityId: meeting.id, action: "meetings.selfBookCancel", changes: { slot: { from: meeting.slotId, to: null } } });
      await tellBoth(tx, edition, "meeting.bookingCancelled", meeting.request, meeting.startsAt);
    },
    { maxWait: 60_000, timeout: 60_000 },
  ));
}
