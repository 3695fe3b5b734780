import { DateTime } from "luxon";
import { gridSlots, tableIds, type FairBuyer, type Interpreter, type MeetingGrid } from "./grid";
import { parseHhMm, slotWithinLocalHours } from "./local-hours";

/**
 * Self-booking (issue 10, item 4), pure: which of a firm's slots a buyer may
 * book in the published schedule, and where a booking goes (a free table for
 * an in-person meeting, a free interpreter on duty when the two sides share
 * no language, none of them for a remote meeting). The rules are the
 * scheduler's (grid.ts, schedule-check.ts): nobody in two meetings in one
 * slot, caps per participant, the buyer's days, a remote buyer's local hours.
 */
/** A registered buyer, as the scheduler sees one. */
export type BookingBuyer = FairBuyer;

export interface BookingFirm {
  firmId: string;
  languages: string[];
}

/** A live meeting of the edition (placed, published, locked or self-booked). */
export interface LiveMeeting {
  slotId: string;
  table: string | null;
  interpreterId: string | null;
  firmId: string;
  buyerCompanyId: string;
}

export interface BookingState {
  grid: Pick<MeetingGrid, "days" | "dayFrom" | "dayTo" | "breaks" | "slotMinutes" | "tables" | "interpreters" | "maxMeetingsPerFirm" | "maxMeetingsPerBuyer">;
  timeZone: string;
  firm: BookingFirm;
  buyer: BookingBuyer;
  meetings: readonly LiveMeeting[];
}

/** Why a slot cannot be booked: the first rule it breaks. */
export type BookingRefusal = "unknownSlot" | "outsideAvailability" | "slotTaken" | "buyerBusy" | "firmCapReached" | "capReached" | "noTable" | "noInterpreter";

export type BookingPlacement = { ok: true; slotId: string; start: string; end: string; table: string | null; interpreterId: string | null; remote: boolean } | { ok: false; reason: BookingRefusal };

/** The languages each side speaks for the scheduler: a buyer who needs an interpreter counts as speaking Portuguese only. */
export function sideLanguages(firm: BookingFirm, buyer: BookingBuyer) {
  return {
    firm: firm.languages.length ? firm.languages : ["zh"],
    buyer: buyer.needsInterpreter ? ["pt"] : buyer.languages.length ? buyer.languages : ["pt"],
  };
}

function onDuty(interpreter: Interpreter, slotId: string, slotMinutes: number) {
  const at = parseHhMm(slotId.slice(11)) ?? -1;
  return slotId.slice(11) >= interpreter.from && at + slotMinutes <= (parseHhMm(interpreter.to) ?? 0);
}

export function placeBooking(state: BookingState, slotId: string): BookingPlacement {
  const slot = gridSlots(state.grid, state.timeZone).find((entry) => entry.id === slotId);
  if (!slot) return { ok: false, reason: "unknownSlot" };
  const { buyer, firm } = state;
  const remote = buyer.mode === "REMOTE";
  if (!buyer.days.includes(slot.day)) return { ok: false, reason: "outsideAvailability" };
  if (remote && !slotWithinLocalHours(slot.start, slot.end, buyer.timeZone)) return { ok: false, reason: "outsideAvailability" };
  const inSlot = state.meetings.filter((meeting) => meeting.slotId === slotId);
  if (inSlot.some((meeting) => meeting.firmId === firm.firmId)) return { ok: false, reason: "slotTaken" };
  if (inSlot.some((meeting) => meeting.buyerCompanyId === buyer.buyerCompanyId)) return { ok: false, reason: "buyerBusy" };
  if (state.meetings.filter((meeting) => meeting.firmId === firm.firmId).length >= state.grid.maxMeetingsPerFirm) return { ok: false, reason: "firmCapReached" };
  if (state.meetings.filter((meeting) => meeting.buyerCompanyId === buyer.buyerCompanyId).length >= state.grid.maxMeetingsPerBuyer) return { ok: false, reason: "capReached" };
  let table: string | null = null;
  if (!remote) {
    const used = new Set(inSlot.map((meeting) => meeting.table));
    table = tableIds(state.grid.tables).find((id) => !used.has(id)) ?? null;
    if (!table) return { ok: false, reason: "noTable" };
  }
  let interpreterId: string | null = null;
  const speaks = sideLanguages(firm, buyer);
  if (!speaks.firm.some((language) => speaks.buyer.includes(language))) {
    const busy = new Set(inSlot.map((meeting) => meeting.interpreterId));
    const free = state.grid.interpreters.find(
      (interpreter) =>
        !busy.has(interpreter.id) &&
        onDuty(interpreter, slotId, state.grid.slotMinutes) &&
        interpreter.languages.some((language) => speaks.firm.includes(language)) &&
        interpreter.languages.some((language) => speaks.buyer.includes(language)),
    );
    if (!free) return { ok: false, reason: "noInterpreter" };
    interpreterId = free.id;
  }
  return { ok: true, slotId, start: slot.start, end: slot.end, table, interpreterId, remote };
}

/** The firm's slots the buyer may book now, in the grid's order. */
export function freeSlots(state: BookingState) {
  return gridSlots(state.grid, state.timeZone)
    .map((slot) => placeBooking(state, slot.id))
    .filter((placement): placement is Extract<BookingPlacement, { ok: true }> => placement.ok);
}

/** A slot's day and hours in the fair's zone and, when the reader sits elsewhere, in theirs (luxon, ICU zone rules). */
export function slotTimes(start: string, end: string, options: { fairZone: string; ownZone: string | null; locale: string }) {
  const from = DateTime.fromISO(start, { zone: options.fairZone }).setLocale(options.locale);
  const to = DateTime.fromISO(end, { zone: options.fairZone });
  const span = (a: DateTime, b: DateTime) => `${a.toFormat("HH:mm")}–${b.toFormat("HH:mm")}`;
  const own =
    options.ownZone && options.ownZone !== options.fairZone
      ? `${from.setZone(options.ownZone).toLocaleString({ weekday: "short", day: "numeric", month: "short" })} ${span(from.setZone(options.ownZone), to.setZone(options.ownZone))}`
      : null;
  return { day: from.toLocaleString({ weekday: "long", day: "numeric", month: "long" }), fairTime: span(from, to), ownTime: own };
}
