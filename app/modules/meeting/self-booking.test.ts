import { describe, expect, it } from "vitest";
import { freeSlots, placeBooking, slotTimes, type BookingState } from "./self-booking";

const grid = {
  days: ["2027-10-21"],
  dayFrom: "10:00",
  dayTo: "11:00",
  breaks: [],
  slotMinutes: 20,
  tables: 1,
  interpreters: [{ id: "I1", name: "Ana", languages: ["pt", "zh"], from: "10:00", to: "10:40" }],
  maxMeetingsPerFirm: 2,
  maxMeetingsPerBuyer: 2,
};
const state = (over: Partial<BookingState> = {}): BookingState => ({
  grid,
  timeZone: "Asia/Macau",
  firm: { firmId: "F1", languages: ["zh", "en"] },
  buyer: { buyerCompanyId: "B1", days: ["2027-10-21"], mode: "IN_PERSON", timeZone: "Asia/Macau", languages: ["en"], needsInterpreter: false },
  meetings: [],
  ...over,
});

describe("self-booking a firm's free slot", () => {
  it("offers every slot of the buyer's days, at a free table, without an interpreter when a language is shared", () => {
    const free = freeSlots(state());
    expect(free.map((slot) => slot.slotId)).toEqual(["2027-10-21T10:00", "2027-10-21T10:20", "2027-10-21T10:40"]);
    expect(free[0]).toMatchObject({ table: "T01", interpreterId: null, remote: false, start: "2027-10-21T10:00:00.000+08:00" });
  });

  it("leaves out slots where the firm or the buyer meets someone, or no table is left", () => {
    const meetings = [
      { slotId: "2027-10-21T10:00", table: "T01", interpreterId: null, firmId: "F1", buyerCompanyId: "B9" },
      { slotId: "2027-10-21T10:20", table: null, interpreterId: null, firmId: "F2", buyerCompanyId: "B1" },
    ];
    expect(placeBooking(state({ meetings }), "2027-10-21T10:00")).toEqual({ ok: false, reason: "slotTaken" });
    expect(placeBooking(state({ meetings }), "2027-10-21T10:20")).toEqual({ ok: false, reason: "buyerBusy" });
    const tableTaken = [{ slotId: "2027-10-21T10:40", table: "T01", interpreterId: null, firmId: "F3", buyerCompanyId: "B3" }];
    expect(placeBooking(state({ meetings: tableTaken }), "2027-10-21T10:40")).toEqual({ ok: false, reason: "noTable" });
    // A remote buyer takes no table.
    expect(placeBooking(state({ meetings: tableTaken, buyer: { ...state().buyer, mode: "REMOTE", timeZone: "Asia/Shanghai" } }), "2027-10-21T10:40")).toMatchObject({ ok: true, table: null, remote: true });
  });

  it("refuses slots outside the buyer's days, a remote buyer's night, unknown slots and caps", () => {
    expect(placeBooking(state(), "2027-10-22T10:00")).toEqual({ ok: false, reason: "unknownSlot" });
    expect(placeBooking(state({ buyer: { ...state().buyer, days: ["2027-10-22"] } }), "2027-10-21T10:00")).toEqual({ ok: false, reason: "outsideAvailability" });
    // 10:00 in Macao is 23:00 the day before in Brasília: outside 07:00–22:00.
    expect(placeBooking(state({ buyer: { ...state().buyer, mode: "REMOTE", timeZone: "America/Sao_Paulo" } }), "2027-10-21T10:00")).toEqual({ ok: false, reason: "outsideAvailability" });
    const two = (who: "firm" | "buyer") =>
      ["2027-10-21T10:00", "2027-10-21T10:20"].map((slotId, index) => ({ slotId, table: null, interpreterId: null, firmId: who === "firm" ? "F1" : `F${index + 5}`, buyerCompanyId: who === "buyer" ? "B1" : `B${index + 5}` }));
    expect(placeBooking(state({ meetings: two("firm") }), "2027-10-21T10:40")).toEqual({ ok: false, reason: "firmCapReached" });
    expect(placeBooking(state({ meetings: two("buyer") }), "2027-10-21T10:40")).toEqual({ ok: false, reason: "capReached" });
  });

  it("takes a free interpreter on duty when the sides share no language, and refuses when none is free", () => {
    const needs = state({ buyer: { ...state().buyer, languages: ["pt"], needsInterpreter: true } });
    expect(placeBooking(needs, "2027-10-21T10:00")).toMatchObject({ ok: true, interpreterId: "I1" });
    // Off duty from 10:40.
    expect(placeBooking(needs, "2027-10-21T10:40")).toEqual({ ok: false, reason: "noInterpreter" });
    const busy = { ...needs, grid: { ...grid, tables: 2 }, meetings: [{ slotId: "2027-10-21T10:00", table: "T02", interpreterId: "I1", firmId: "F7", buyerCompanyId: "B7" }] };
    expect(placeBooking(busy, "2027-10-21T10:00")).toEqual({ ok: false, reason: "noInterpreter" });
  });
});

describe("a bookable slot's times", () => {
  it("are shown in the fair's zone and, for a reader elsewhere, in theirs", () => {
    const times = slotTimes("2027-10-21T10:00:00.000+08:00", "2027-10-21T10:20:00.000+08:00", { fairZone: "Asia/Macau", ownZone: "Europe/Lisbon", locale: "en" });
    expect(times.fairTime).toBe("10:00–10:20");
    // Lisbon is on summer time (UTC+1) until 31 October 2027: 03:00.
    expect(times.ownTime).toBe("Thu, Oct 21 03:00–03:20");
    expect(slotTimes("2027-10-21T10:00:00.000+08:00", "2027-10-21T10:20:00.000+08:00", { fairZone: "Asia/Macau", ownZone: "Asia/Macau", locale: "en" }).ownTime).toBeNull();
  });
});
