import { z } from "zod";
import { isoMillis, isValidTimeZone, parseHhMm } from "./local-hours";
import { checkLockedMeetings } from "./schedule-locked";

/**
 * The scheduler's input, as the bureau's grid and the CLI's IN.json give it
 * (README, "schedule-file"). Ids are strings; slots carry ISO times with offset.
 */
const id = z.string().min(1).max(200);
const hhmm = z.string().refine((value) => parseHhMm(value) !== null, { message: "invalidLocalTime" });

export const ScheduleInputSchema = z.object({
  slots: z.array(z.object({ id, start: z.string().datetime({ offset: true }), end: z.string().datetime({ offset: true }) })),
  tables: z.array(id),
  interpreters: z.array(z.object({ id, languages: z.array(z.string().min(1)), slots: z.array(id) })).default([]),
  participants: z.array(
    z.object({
      id,
      languages: z.array(z.string().min(1)),
      slots: z.array(id),
      maxMeetings: z.number().int().min(0),
      /** IANA zone of a participant who may meet remotely, e.g. "America/Sao_Paulo". */
      timeZone: z.string().optional(),
      /** Local hours in which remote meetings may fall (default 07:00–22:00). */
      localHours: z.object({ from: hhmm, to: hhmm }).optional(),
    }),
  ),
  requests: z.array(
    z.object({
      id,
      a: id,
      b: id,
      weight: z.number().finite().nonnegative(),
      remote: z.boolean().default(false),
    }),
  ),
  locked: z
    .array(z.object({ request: id, slot: id, table: id.nullable().default(null), interpreter: id.nullable().default(null) }))
    .default([]),
});

export type ScheduleInput = z.infer<typeof ScheduleInputSchema>;
export type ScheduleInputRaw = z.input<typeof ScheduleInputSchema>;

/** One thing wrong with an input: where (a JSON path) and a stable code. */
export interface InputProblem {
  path: (string | number)[];
  code: string;
  detail?: string;
}

export type ValidationResult = { ok: true; input: ScheduleInput } | { ok: false; problems: InputProblem[] };

/** Parses and checks an input, returning every problem found, not only the first. */
export function validateScheduleInput(raw: unknown): ValidationResult {
  const parsed = ScheduleInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path, code: issue.code === "custom" ? issue.message : `invalid:${issue.code}`, detail: issue.message })),
    };
  }
  const input = parsed.data;
  const problems = [...checkReferences(input), ...checkLockedMeetings(input)];
  return problems.length ? { ok: false, problems } : { ok: true, input };
}

function duplicates(kind: string, ids: string[], problems: InputProblem[]) {
  const seen = new Set<string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) problems.push({ path: [kind, index, "id"], code: "duplicateId", detail: value });
    seen.add(value);
  });
  return seen;
}

function checkReferences(input: ScheduleInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const slotIds = duplicates("slots", input.slots.map((slot) => slot.id), problems);
  const tableSeen = new Set<string>();
  input.tables.forEach((table, index) => {
    if (tableSeen.has(table)) problems.push({ path: ["tables", index], code: "duplicateId", detail: table });
    tableSeen.add(table);
  });
  duplicates("interpreters", input.interpreters.map((interpreter) => interpreter.id), problems);
  const participantIds = duplicates("participants", input.participants.map((participant) => participant.id), problems);
  duplicates("requests", input.requests.map((request) => request.id), problems);

  const spans = input.slots.map((slot, index) => ({ index, id: slot.id, start: isoMillis(slot.start), end: isoMillis(slot.end) }));
  for (const span of spans) {
    if (span.end < span.start) problems.push({ path: ["slots", span.index, "end"], code: "slotEndsBeforeStart", detail: span.id });
    else if (span.end === span.start) problems.push({ path: ["slots", span.index, "end"], code: "slotHasNoLength", detail: span.id });
  }
  // Two slots that overlap in time would let one person be in two meetings at once.
  const ordered = spans.filter((span) => span.end > span.start).sort((x, y) => x.start - y.start || x.index - y.index);
  let latest = ordered[0];
  for (const span of ordered.slice(1)) {
    if (span.start < latest.end) problems.push({ path: ["slots", span.index], code: "slotsOverlap", detail: `${latest.id} ${span.id}` });
    if (span.end > latest.end) latest = span;
  }

  const checkSlots = (path: (string | number)[], slots: string[]) => {
    const seen = new Set<string>();
    slots.forEach((slot, index) => {
      if (!slotIds.has(slot)) problems.push({ path: [...path, index], code: "unknownSlot", detail: slot });
      else if (seen.has(slot)) problems.push({ path: [...path, index], code: "duplicateId", detail: slot });
      seen.add(slot);
    });
  };
  input.interpreters.forEach((interpreter, index) => {
    checkSlots(["interpreters", index, "slots"], interpreter.slots);
    if (!interpreter.languages.length) problems.push({ path: ["interpreters", index, "languages"], code: "noLanguage", detail: interpreter.id });
  });
  input.participants.forEach((participant, index) => {
    checkSlots(["participants", index, "slots"], participant.slots);
    if (!participant.languages.length) problems.push({ path: ["participants", index, "languages"], code: "noLanguage", detail: participant.id });
    if (participant.timeZone !== undefined && !isValidTimeZone(participant.timeZone)) {
      problems.push({ path: ["participants", index, "timeZone"], code: "unknownTimeZone", detail: participant.timeZone });
    }
    const hours = participant.localHours;
    if (hours && (parseHhMm(hours.from) ?? 0) >= (parseHhMm(hours.to) ?? 0)) {
      problems.push({ path: ["participants", index, "localHours"], code: "localHoursEmpty", detail: `${hours.from}-${hours.to}` });
    }
  });
  const pairs = new Map<string, string>();
  input.requests.forEach((request, index) => {
    for (const side of ["a", "b"] as const) {
      if (!participantIds.has(request[side])) problems.push({ path: ["requests", index, side], code: "unknownParticipant", detail: request[side] });
    }
    if (request.a === request.b) problems.push({ path: ["requests", index, "b"], code: "requestToSelf", detail: request.id });
    const pair = request.a < request.b ? `${request.a}\u0000${request.b}` : `${request.b}\u0000${request.a}`;
    const earlier = pairs.get(pair);
    if (earlier !== undefined) problems.push({ path: ["requests", index], code: "duplicatePair", detail: `${earlier} ${request.id}` });
    else pairs.set(pair, request.id);
  });
  return problems;
}
