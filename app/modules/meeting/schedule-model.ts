import { isoMillis } from "./local-hours";
import type { ScheduleInput } from "./schedule-input";
import { interpreterBridges, remoteHoursFit, sharesLanguage } from "./schedule-locked";

/**
 * The input turned into integer-indexed typed arrays, so the scheduler's
 * inner loops touch no Map or string. Slots are ordered by start time (id as
 * tiebreak), so the schedule does not depend on the order of the input's lists.
 */
export interface ScheduleModel {
  input: ScheduleInput;
  slotCount: number;
  participantCount: number;
  interpreterCount: number;
  tableCount: number;
  requestCount: number;
  /** Input index of the slot at each ordered position. */
  slotInput: Int32Array;
  /** Ordered slot position of each input slot id. */
  slotIndex: Map<string, number>;
  participantIndex: Map<string, number>;
  requestIndex: Map<string, number>;
  interpreterIndex: Map<string, number>;
  available: Uint8Array; // participant * slotCount + slot
  cap: Int32Array;
  requestA: Int32Array;
  requestB: Int32Array;
  weight: Float64Array;
  remote: Uint8Array;
  needsInterpreter: Uint8Array;
  /** Slots where both sides are free to meet (availability, local hours, an interpreter on duty when needed). */
  feasibleSlots: Int32Array[];
  /** Slots where both sides are available, whatever else. */
  commonSlotCount: Int32Array;
  /** Common slots that also fit the remote sides' local hours. */
  hoursSlotCount: Int32Array;
  /** Interpreters who speak a language of each side (empty when none is needed). */
  bridgingInterpreters: Int32Array[];
  interpreterOnDuty: Uint8Array; // interpreter * slotCount + slot
  /** Requests of each participant, as request indices. */
  requestsOf: Int32Array[];
}

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export function buildModel(input: ScheduleInput): ScheduleModel {
  const slotCount = input.slots.length;
  const order = input.slots
    .map((slot, index) => ({ index, id: slot.id, start: isoMillis(slot.start) }))
    .sort((x, y) => x.start - y.start || byId(x.id, y.id));
  const slotInput = Int32Array.from(order.map((slot) => slot.index));
  const slotIndex = new Map(order.map((slot, position) => [slot.id, position]));
  const participantIndex = new Map(input.participants.map((participant, index) => [participant.id, index]));
  const requestIndex = new Map(input.requests.map((request, index) => [request.id, index]));
  const interpreterIndex = new Map(input.interpreters.map((interpreter, index) => [interpreter.id, index]));
  const participantCount = input.participants.length;
  const interpreterCount = input.interpreters.length;
  const requestCount = input.requests.length;

  const available = new Uint8Array(participantCount * slotCount);
  const cap = new Int32Array(participantCount);
  input.participants.forEach((participant, p) => {
    cap[p] = participant.maxMeetings;
    for (const slot of participant.slots) available[p * slotCount + slotIndex.get(slot)!] = 1;
  });
  const interpreterOnDuty = new Uint8Array(interpreterCount * slotCount);
  input.interpreters.forEach((interpreter, i) => {
    for (const slot of interpreter.slots) interpreterOnDuty[i * slotCount + slotIndex.get(slot)!] = 1;
  });

  // Local hours depend only on (zone, hours, slot): computed once per distinct zone, not per participant.
  const hoursCache = new Map<string, Uint8Array>();
  const hoursFit = (p: number): Uint8Array | null => {
    const participant = input.participants[p];
    if (!participant.timeZone) return null;
    const key = `${participant.timeZone} ${participant.localHours?.from ?? ""}-${participant.localHours?.to ?? ""}`;
    let fits = hoursCache.get(key);
    if (!fits) {
      fits = new Uint8Array(slotCount);
      for (let s = 0; s < slotCount; s++) fits[s] = remoteHoursFit(input.slots[slotInput[s]], participant) ? 1 : 0;
      hoursCache.set(key, fits);
    }
    return fits;
  };

  const requestA = new Int32Array(requestCount);
  const requestB = new Int32Array(requestCount);
  const weight = new Float64Array(requestCount);
  const remote = new Uint8Array(requestCount);
  const needsInterpreter = new Uint8Array(requestCount);
  const feasibleSlots: Int32Array[] = [];
  const commonSlotCount = new Int32Array(requestCount);
  const hoursSlotCount = new Int32Array(requestCount);
  const bridgingInterpreters: Int32Array[] = [];
  const requestsOf: number[][] = input.participants.map(() => []);
  const slotsBuffer = new Int32Array(slotCount);

  input.requests.forEach((request, r) => {
    const a = participantIndex.get(request.a)!;
    const b = participantIndex.get(request.b)!;
    requestA[r] = a;
    requestB[r] = b;
    weight[r] = request.weight;
    remote[r] = request.remote ? 1 : 0;
    requestsOf[a].push(r);
    requestsOf[b].push(r);
    const pa = input.participants[a];
    const pb = input.participants[b];
    const needs = !sharesLanguage(pa, pb);
    needsInterpreter[r] = needs ? 1 : 0;
    const bridging: number[] = [];
    if (needs) input.interpreters.forEach((interpreter, i) => interpreterBridges(interpreter, pa, pb) && bridging.push(i));
    bridgingInterpreters.push(Int32Array.from(bridging));
    const hoursA = request.remote ? hoursFit(a) : null;
    const hoursB = request.remote ? hoursFit(b) : null;
    let common = 0;
    let inHours = 0;
    let feasible = 0;
    for (let s = 0; s < slotCount; s++) {
      if (!available[a * slotCount + s] || !available[b * slotCount + s]) continue;
      common++;
      if ((hoursA && !hoursA[s]) || (hoursB && !hoursB[s])) continue;
      inHours++;
      if (needs && !bridging.some((i) => interpreterOnDuty[i * slotCount + s])) continue;
      slotsBuffer[feasible++] = s;
    }
    commonSlotCount[r] = common;
    hoursSlotCount[r] = inHours;
    feasibleSlots.push(slotsBuffer.slice(0, feasible));
  });

  return {
    input,
    slotCount,
    participantCount,
    interpreterCount,
    tableCount: input.tables.length,
    requestCount,
    slotInput,
    slotIndex,
    participantIndex,
    requestIndex,
    interpreterIndex,
    available,
    cap,
    requestA,
    requestB,
    weight,
    remote,
    needsInterpreter,
    feasibleSlots,
    commonSlotCount,
    hoursSlotCount,
    bridgingInterpreters,
    interpreterOnDuty,
    requestsOf: requestsOf.map((list) => Int32Array.from(list)),
  };
}
