import { DEFAULT_LOCAL_HOURS, slotWithinLocalHours } from "./local-hours";
import type { InputProblem, ScheduleInput } from "./schedule-input";

type Participant = ScheduleInput["participants"][number];
type Slot = ScheduleInput["slots"][number];

export function sharesLanguage(a: { languages: string[] }, b: { languages: string[] }): boolean {
  return a.languages.some((language) => b.languages.includes(language));
}

/** Whether an interpreter can bridge the two sides: a language of each. */
export function interpreterBridges(interpreter: { languages: string[] }, a: { languages: string[] }, b: { languages: string[] }): boolean {
  return sharesLanguage(interpreter, a) && sharesLanguage(interpreter, b);
}

/** Whether a remote meeting in this slot falls in the local hours of a participant who has a time zone. */
export function remoteHoursFit(slot: Slot, participant: Participant): boolean {
  if (!participant.timeZone) return true;
  return slotWithinLocalHours(slot.start, slot.end, participant.timeZone, participant.localHours ?? DEFAULT_LOCAL_HOURS);
}

/**
 * Locked meetings are kept as given, so each must obey every rule on its own
 * and together with the others. Every broken rule is reported.
 */
export function checkLockedMeetings(input: ScheduleInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]));
  const slots = new Map(input.slots.map((slot) => [slot.id, slot]));
  const tables = new Set(input.tables);
  const interpreters = new Map(input.interpreters.map((interpreter) => [interpreter.id, interpreter]));
  const lockedRequests = new Set<string>();
  const busy = new Map<string, string>();
  const counts = new Map<string, number>();

  input.locked.forEach((lock, index) => {
    const at = (field?: string): (string | number)[] => (field ? ["locked", index, field] : ["locked", index]);
    const problem = (code: string, detail: string, field?: string) => problems.push({ path: at(field), code, detail });
    const request = requests.get(lock.request);
    if (!request) problem("unknownRequest", lock.request, "request");
    else if (lockedRequests.has(lock.request)) problem("duplicateLock", lock.request, "request");
    lockedRequests.add(lock.request);
    const slot = slots.get(lock.slot);
    if (!slot) problem("unknownSlot", lock.slot, "slot");
    const a = request && participants.get(request.a);
    const b = request && participants.get(request.b);
    const claim = (kind: string, who: string, code: string, field: string) => {
      const key = `${kind}\u0000${who}\u0000${lock.slot}`;
      if (busy.has(key)) problem(code, `${who} ${lock.slot} ${busy.get(key)}`, field);
      else busy.set(key, lock.request);
    };
    if (request && a && b && request.a !== request.b) {
      for (const participant of [a, b]) {
        if (slot && !participant.slots.includes(lock.slot)) problem("participantUnavailable", `${participant.id} ${lock.slot}`, "slot");
        if (slot && request.remote && !remoteHoursFit(slot, participant)) problem("outsideLocalHours", `${participant.id} ${lock.slot}`, "slot");
        if (slot) claim("participant", participant.id, "participantDoubleBooked", "slot");
        const count = (counts.get(participant.id) ?? 0) + 1;
        counts.set(participant.id, count);
        if (count === participant.maxMeetings + 1) problem("participantCapExceeded", `${participant.id} ${participant.maxMeetings}`, "request");
      }
    }
    if (request) {
      if (request.remote && lock.table !== null) problem("tableNotAllowed", lock.table, "table");
      if (!request.remote && lock.table === null) problem("tableRequired", lock.request, "table");
    }
    if (lock.table !== null) {
      if (!tables.has(lock.table)) problem("unknownTable", lock.table, "table");
      else if (slot) claim("table", lock.table, "tableDoubleBooked", "table");
    }
    const needsInterpreter = a && b ? !sharesLanguage(a, b) : null;
    if (lock.interpreter === null) {
      if (needsInterpreter) problem("interpreterRequired", lock.request, "interpreter");
      return;
    }
    const interpreter = interpreters.get(lock.interpreter);
    if (!interpreter) {
      problem("unknownInterpreter", lock.interpreter, "interpreter");
      return;
    }
    if (needsInterpreter === false) problem("interpreterNotNeeded", lock.interpreter, "interpreter");
    if (needsInterpreter && a && b && !interpreterBridges(interpreter, a, b)) problem("interpreterLanguageMismatch", `${interpreter.id} ${a.id} ${b.id}`, "interpreter");
    if (slot && !interpreter.slots.includes(lock.slot)) problem("interpreterUnavailable", `${interpreter.id} ${lock.slot}`, "interpreter");
    if (slot) claim("interpreter", interpreter.id, "interpreterDoubleBooked", "interpreter");
  });
  return problems;
}
