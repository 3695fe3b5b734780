import { DateTime } from "luxon";
import { z } from "zod";
import { parseHhMm } from "./local-hours";
import { editionDays } from "./registration.schema";
import type { ScheduleInputRaw } from "./schedule-input";
import { pairWeight } from "./requests";

/**
 * The bureau's meeting grid for an edition (issue 10, slice 3), pure: the
 * days, the hours and breaks of each day, the slot length, the tables, the
 * interpreter pool (languages and hours) and the caps per participant; and
 * the scheduler's input built from it and from the agreed meeting requests.
 */
export const MAX_INTERPRETERS = 50;
export const MAX_TABLES = 500;

export interface Interpreter {
  id: string;
  name: string;
  languages: string[];
  from: string;
  to: string;
}

export interface MeetingGrid {
  days: string[];
  dayFrom: string;
  dayTo: string;
  breaks: { from: string; to: string }[];
  slotMinutes: number;
  tables: number;
  interpreters: Interpreter[];
  maxMeetingsPerFirm: number;
  maxMeetingsPerBuyer: number;
}

const hhmm = z.string().trim().refine((value) => parseHhMm(value) !== null, "meetings:errors.time");
const int = (min: number, max: number) =>
  z.coerce.number({ invalid_type_error: "validation:invalid" }).int("validation:invalid").min(min, "meetings:errors.tooSmall").max(max, "meetings:errors.tooLarge");

/** "12:00-13:30, 15:00-15:15" → breaks. */
function parseBreaks(text: string): { from: string; to: string }[] | null {
  const parts = text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean);
  const breaks = parts.map((part) => /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part)).map((match) => (match ? { from: match[1], to: match[2] } : null));
  if (breaks.some((entry) => !entry || (parseHhMm(entry.from) ?? 0) >= (parseHhMm(entry.to) ?? 0))) return null;
  return breaks as { from: string; to: string }[];
}

/** One interpreter a line: "Ana Lopes; pt zh; 09:00-18:00". */
export function parseInterpreters(text: string): { interpreters: Interpreter[]; badLines: number[] } {
  const interpreters: Interpreter[] = [];
  const badLines: number[] = [];
  text
    .split("\n")
    .map((line) => line.trim())
    .forEach((line, index) => {
      if (!line) return;
      const [name, languages, hours] = line.split(";").map((part) => part.trim());
      const codes = (languages ?? "").split(/[\s,]+/).filter(Boolean);
      const span = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(hours ?? "");
      if (!name || name.length > 100 || codes.length < 2 || codes.some((code) => !/^[a-z]{2}$/.test(code)) || !span || (parseHhMm(span[1]) ?? 0) >= (parseHhMm(span[2]) ?? 0)) {
        badLines.push(index + 1);
        return;
      }
      interpreters.push({ id: `I${interpreters.length + 1}`, name, languages: [...new Set(codes)], from: span[1], to: span[2] });
    });
  return { interpreters, badLines };
}

export function interpretersText(interpreters: readonly Interpreter[]): string {
  return interpreters.map((entry) => `${entry.name}; ${entry.languages.join(" ")}; ${entry.from}-${entry.to}`).join("\n");
}

export function gridSchema(edition: { startsOn: string; endsOn: string }) {
  const allowed = new Set(editionDays(edition.startsOn, edition.endsOn));
  return z
    .object({
      days: z
        .array(z.string().max(10))
        .max(allowed.size || 1, "validation:tooMany")
        .default([])
        .refine((days) => days.length > 0, "meetings:errors.noDays")
        .refine((days) => days.every((day) => allowed.has(day)), "meetings:errors.dayOutsideFair")
        .transform((days) => [...new Set(days)].sort()),
      dayFrom: hhmm,
      dayTo: hhmm,
      breaks: z.string().max(500, "validation:tooLong").optional().default(""),
      slotMinutes: int(5, 240),
      tables: int(0, MAX_TABLES),
      interpreters: z.string().max(10_000, "validation:tooLong").optional().default(""),
      maxMeetingsPerFirm: int(1, 100),
      maxMeetingsPerBuyer: int(1, 100),
    })
    .transform((value, ctx): MeetingGrid => {
      const breaks = parseBreaks(value.breaks);
      if (!breaks) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["breaks"], message: "meetings:errors.breaks" });
      if ((parseHhMm(value.dayFrom) ?? 0) >= (parseHhMm(value.dayTo) ?? 0)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dayTo"], message: "meetings:errors.dayHours" });
      const { interpreters, badLines } = parseInterpreters(value.interpreters);
      if (badLines.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["interpreters"], message: `meetings:errors.interpreterLines|lines=${badLines.join(", ")}` });
      if (interpreters.length > MAX_INTERPRETERS) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["interpreters"], message: "validation:tooMany" });
      return { ...value, breaks: breaks ?? [], interpreters };
    });
}

export interface GridSlot {
  id: string;
  day: string;
  start: string;
  end: string;
}

const minutes = (value: string) => parseHhMm(value) ?? 0;

/** The grid's slots, in the fair's zone: each day from its first hour, one slot length at a time, none crossing a break or the day's end. */
export function gridSlots(grid: Pick<MeetingGrid, "days" | "dayFrom" | "dayTo" | "breaks" | "slotMinutes">, timeZone: string): GridSlot[] {
  const slots: GridSlot[] = [];
  if (grid.slotMinutes <= 0) return slots;
  const end = minutes(grid.dayTo);
  for (const day of grid.days) {
    let at = minutes(grid.dayFrom);
    while (at + grid.slotMinutes <= end && slots.length < 5000) {
      const slotEnd = at + grid.slotMinutes;
      const clash = grid.breaks.find((entry) => at < minutes(entry.to) && slotEnd > minutes(entry.from));
      if (clash) {
        at = minutes(clash.to);
        continue;
      }
      const start = DateTime.fromISO(day, { zone: timeZone }).plus({ minutes: at });
      slots.push({ id: `${day}T${start.toFormat("HH:mm")}`, day, start: start.toISO()!, end: start.plus({ minutes: grid.slotMinutes }).toISO()! });
      at = slotEnd;
    }
  }
  return slots;
}

export const tableIds = (count: number) => Array.from({ length: count }, (_, index) => `T${String(index + 1).padStart(2, "0")}`);

export interface AgreedPair {
  id: string;
  firmId: string;
  buyerCompanyId: string;
  buyerAskedAt: Date | null;
  firmAskedAt: Date | null;
  matchScore: number;
}

export interface FairBuyer {
  buyerCompanyId: string;
  days: string[];
  mode: "IN_PERSON" | "REMOTE";
  timeZone: string;
  languages: string[];
  needsInterpreter: boolean;
}

export interface FairFirm {
  firmId: string;
  languages: string[];
}

export const firmParticipant = (firmId: string) => `F:${firmId}`;
export const buyerParticipant = (buyerCompanyId: string) => `B:${buyerCompanyId}`;

/**
 * The scheduler's input from the grid and the agreed pairs. A buyer who needs
 * a Portuguese–Chinese interpreter is counted as speaking Portuguese only, so
 * the scheduler brings an interpreter unless the firm speaks Portuguese; firms
 * speak their profile's languages (Chinese when none is given). A remote
 * buyer's meetings are remote and fall in their local hours.
 */
export function scheduleInputFrom(input: {
  grid: MeetingGrid;
  timeZone: string;
  firms: FairFirm[];
  buyers: FairBuyer[];
  pairs: AgreedPair[];
  locked: { requestId: string; slotId: string; table: string | null; interpreterId: string | null }[];
}): ScheduleInputRaw {
  const slots = gridSlots(input.grid, input.timeZone);
  const allSlotIds = slots.map((slot) => slot.id);
  const buyers = new Map(input.buyers.map((buyer) => [buyer.buyerCompanyId, buyer]));
  const firms = new Map(input.firms.map((firm) => [firm.firmId, firm]));
  const pairs = input.pairs.filter((pair) => buyers.has(pair.buyerCompanyId) && firms.has(pair.firmId));
  const usedFirms = new Set(pairs.map((pair) => pair.firmId));
  const usedBuyers = new Set(pairs.map((pair) => pair.buyerCompanyId));
  const slotIds = new Set(allSlotIds);
  const pairIds = new Set(pairs.map((pair) => pair.id));
  return {
    slots: slots.map((slot) => ({ id: slot.id, start: slot.start, end: slot.end })),
    tables: tableIds(input.grid.tables),
    interpreters: input.grid.interpreters.map((interpreter) => ({
      id: interpreter.id,
      languages: interpreter.languages,
      slots: slots.filter((slot) => slot.id.slice(11) >= interpreter.from && minutes(slot.id.slice(11)) + input.grid.slotMinutes <= minutes(interpreter.to)).map((slot) => slot.id),
    })),
    participants: [
      ...input.firms
        .filter((firm) => usedFirms.has(firm.firmId))
        .map((firm) => ({ id: firmParticipant(firm.firmId), languages: firm.languages.length ? firm.languages : ["zh"], slots: allSlotIds, maxMeetings: input.grid.maxMeetingsPerFirm })),
      ...input.buyers
        .filter((buyer) => usedBuyers.has(buyer.buyerCompanyId))
        .map((buyer) => ({
          id: buyerParticipant(buyer.buyerCompanyId),
          languages: buyer.needsInterpreter ? ["pt"] : buyer.languages.length ? buyer.languages : ["pt"],
          slots: slots.filter((slot) => buyer.days.includes(slot.day)).map((slot) => slot.id),
          maxMeetings: input.grid.maxMeetingsPerBuyer,
          ...(buyer.mode === "REMOTE" ? { timeZone: buyer.timeZone } : {}),
        })),
    ],
    requests: pairs.map((pair) => ({
      id: pair.id,
      a: firmParticipant(pair.firmId),
      b: buyerParticipant(pair.buyerCompanyId),
      weight: pairWeight(pair),
      remote: buyers.get(pair.buyerCompanyId)!.mode === "REMOTE",
    })),
    // A locked meeting whose slot left the grid or whose pair was declined is not kept.
    locked: input.locked
      .filter((lock) => slotIds.has(lock.slotId) && pairIds.has(lock.requestId))
      .map((lock) => ({ request: lock.requestId, slot: lock.slotId, table: lock.table, interpreter: lock.interpreterId })),
  };
}
