import { DateTime } from "luxon";
import type { ScheduleInput } from "./schedule-input";
import type { ScheduleOutput } from "./schedule";

/**
 * An independent check of a schedule against every rule of issue 10, item 3,
 * written apart from the scheduler (plain string maps, its own local-hours
 * test) so the tests and the CLI do not trust the scheduler's bookkeeping.
 * Returns the problems found; none means the schedule is valid.
 */
export function checkSchedule(input: ScheduleInput, output: ScheduleOutput): string[] {
  const problems: string[] = [];
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]));
  const slots = new Map(input.slots.map((slot) => [slot.id, slot]));
  const interpreters = new Map(input.interpreters.map((interpreter) => [interpreter.id, interpreter]));
  const tables = new Set(input.tables);
  const busy = new Set<string>();
  const meetingsOf = new Map<string, number>();
  const placed = new Map<string, (typeof output.meetings)[number]>();
  let weight = 0;

  for (const meeting of output.meetings) {
    const request = requests.get(meeting.request);
    const slot = slots.get(meeting.slot);
    if (!request || !slot) {
      problems.push(`${meeting.request}: unknown request or slot ${meeting.slot}`);
      continue;
    }
    if (placed.has(meeting.request)) problems.push(`${meeting.request}: placed twice`);
    placed.set(meeting.request, meeting);
    weight += request.weight;
    const sides = [participants.get(request.a)!, participants.get(request.b)!];
    const occupy = (who: string) => {
      const key = `${who}@${meeting.slot}`;
      if (busy.has(key)) problems.push(`${meeting.request}: ${who} is in two meetings in ${meeting.slot}`);
      busy.add(key);
    };
    for (const side of sides) {
      if (!side.slots.includes(meeting.slot)) problems.push(`${meeting.request}: ${side.id} is not available in ${meeting.slot}`);
      if (request.remote && side.timeZone && !inLocalHours(slot, side.timeZone, side.localHours)) {
        problems.push(`${meeting.request}: ${meeting.slot} is outside the local hours of ${side.id}`);
      }
      occupy(`participant ${side.id}`);
      meetingsOf.set(side.id, (meetingsOf.get(side.id) ?? 0) + 1);
    }
    if (request.remote && meeting.table !== null) problems.push(`${meeting.request}: a remote meeting has table ${meeting.table}`);
    if (!request.remote) {
      if (meeting.table === null || !tables.has(meeting.table)) problems.push(`${meeting.request}: an in-person meeting needs a table`);
      else occupy(`table ${meeting.table}`);
    }
    const common = sides[0].languages.some((language) => sides[1].languages.includes(language));
    if (common && meeting.interpreter !== null) problems.push(`${meeting.request}: interpreter ${meeting.interpreter} is not needed`);
    if (!common) {
      const interpreter = meeting.interpreter === null ? undefined : interpreters.get(meeting.interpreter);
      if (!interpreter) problems.push(`${meeting.request}: needs an interpreter`);
      else {
        if (!sides.every((side) => side.languages.some((language) => interpreter.languages.includes(language)))) {
          problems.push(`${meeting.request}: ${interpreter.id} does not speak a language of each side`);
        }
        if (!interpreter.slots.includes(meeting.slot)) problems.push(`${meeting.request}: ${interpreter.id} is not on duty in ${meeting.slot}`);
        occupy(`interpreter ${interpreter.id}`);
      }
    }
  }
  for (const participant of input.participants) {
    const count = meetingsOf.get(participant.id) ?? 0;
    if (count > participant.maxMeetings) problems.push(`${participant.id}: ${count} meetings, more than ${participant.maxMeetings}`);
  }
  for (const lock of input.locked) {
    const meeting = placed.get(lock.request);
    if (!meeting || meeting.slot !== lock.slot || meeting.table !== lock.table || meeting.interpreter !== lock.interpreter) {
      problems.push(`${lock.request}: locked meeting not kept as given`);
    }
  }
  const listed = new Set<string>();
  for (const row of output.unscheduled) {
    if (placed.has(row.request)) problems.push(`${row.request}: both placed and unscheduled`);
    if (listed.has(row.request)) problems.push(`${row.request}: unscheduled twice`);
    listed.add(row.request);
  }
  for (const request of input.requests) {
    if (!placed.has(request.id) && !listed.has(request.id)) problems.push(`${request.id}: neither placed nor explained`);
  }
  if (Math.abs(weight - output.weight) > 1e-6 * Math.max(1, weight)) problems.push(`weight ${output.weight} is not the sum ${weight}`);
  return problems;
}

function inLocalHours(slot: { start: string; end: string }, zone: string, hours?: { from: string; to: string }): boolean {
  const [from, to] = [hours?.from ?? "07:00", hours?.to ?? "22:00"].map((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));
  const start = DateTime.fromISO(slot.start, { setZone: true }).setZone(zone);
  const end = DateTime.fromISO(slot.end, { setZone: true }).setZone(zone);
  // Wall-clock minutes of the local day; a slot ending at local midnight ends at 24:00.
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes = end.hasSame(start, "day") ? end.hour * 60 + end.minute : end.hour === 0 && end.minute === 0 ? 24 * 60 : Infinity;
  return startMinutes >= from && endMinutes <= to;
}
