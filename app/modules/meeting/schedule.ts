import type { ScheduleInput } from "./schedule-input";
import { buildModel, type ScheduleModel } from "./schedule-model";
import { ScheduleState } from "./schedule-state";
import { improve, KEEP_ONE, repairFairness } from "./schedule-improve";
import { mulberry32 } from "~/utils/random";

/**
 * The meeting scheduler (issue 10, item 3): pure, no I/O. Input is a checked
 * ScheduleInput (validateScheduleInput); output lists the meetings placed and
 * every request left out with the reason. Same input, same output.
 *
 * Method: locked meetings first; then greedy by priority (weight, then the
 * fewest feasible slots, then id), each meeting in the slot its two sides are
 * least wanted in by their other requests; then ejection moves that raise the
 * total weight; then a fairness repair for participants left with nothing.
 */
export interface ScheduledMeeting {
  request: string;
  slot: string;
  table: string | null;
  interpreter: string | null;
}

export const unscheduledReasons = [
  "noCommonSlot",
  "outsideLocalHours",
  "noInterpreterSpeaksBoth",
  "noInterpreterAvailable",
  "noTable",
  "participantCap",
  "interpreterPoolFull",
  "noCommonFreeSlot",
] as const;
export type UnscheduledReason = (typeof unscheduledReasons)[number];

export interface ScheduleOutput {
  meetings: ScheduledMeeting[];
  unscheduled: { request: string; reason: UnscheduledReason }[];
  weight: number;
}

export interface ScheduleOptions {
  /** Passes of the improvement step (0 = greedy only; default 3 on small instances, 1 on large). */
  improvementPasses?: number;
  /** Whether to run the fairness repair. */
  fairness?: boolean;
  /** How deep ejected meetings may eject others in turn (1 or 2; default 2 on small instances). */
  depth?: number;
  /** Number of greedy starts (default: by instance size, 1 for a fair-sized instance). */
  starts?: number;
}

export function buildSchedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleOutput {
  const model = buildModel(input);
  // Small instances get several starts (ties in priority and slot choice broken by a seeded
  // generator); the number depends on the size only, so the result never depends on the clock.
  const starts = options.starts ?? Math.max(1, Math.min(32, Math.floor(150_000 / Math.max(1, model.requestCount * model.slotCount))));
  // A fair-sized instance is bound by tables and caps, where one pass finds what three would.
  const depth = options.depth ?? (starts > 1 ? 2 : 1);
  const passes = options.improvementPasses ?? (starts > 1 ? 3 : 1);
  let best: { state: ScheduleState; order: Int32Array } | undefined;
  for (let start = 0; start < starts; start++) {
    const random = start === 0 ? null : mulberry32(start);
    const state = new ScheduleState(model);
    placeLocked(state);
    const order = priorityOrder(model, state, random);
    placeGreedily(state, order, random);
    improve(state, order, passes, depth);
    if (!best || state.weight > best.state.weight + 1e-9) best = { state, order };
  }
  const { state } = best!;
  if (options.fairness !== false) {
    repairFairness(state, depth);
    // Win back weight without undoing the repair: no move may leave anyone with no meeting.
    improve(state, best!.order, passes, depth, KEEP_ONE);
  }
  return toOutput(state);
}

function placeLocked(state: ScheduleState) {
  const { model } = state;
  for (const lock of model.input.locked) {
    const r = model.requestIndex.get(lock.request)!;
    const interpreter = lock.interpreter === null ? -1 : model.interpreterIndex.get(lock.interpreter)!;
    state.placeLocked(r, model.slotIndex.get(lock.slot)!, interpreter);
  }
}

/** Unlocked requests, heaviest first, then the scarcest (fewest feasible slots), then by id. */
function priorityOrder(model: ScheduleModel, state: ScheduleState, random: (() => number) | null): Int32Array {
  const ids = model.input.requests.map((request) => request.id);
  const order: number[] = [];
  const jitter = new Float64Array(model.requestCount);
  for (let r = 0; r < model.requestCount; r++) {
    if (!state.locked[r]) order.push(r);
    if (random) jitter[r] = random();
  }
  order.sort(
    (x, y) =>
      model.weight[y] - model.weight[x] ||
      (random ? jitter[x] - jitter[y] : 0) ||
      model.feasibleSlots[x].length - model.feasibleSlots[y].length ||
      (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0),
  );
  return Int32Array.from(order);
}

/**
 * Each request, in priority order, goes to the feasible slot where its two
 * sides are least in demand by their requests still to place, so the slots
 * other requests need stay free.
 */
function placeGreedily(state: ScheduleState, order: Int32Array, random: (() => number) | null) {
  const { model } = state;
  const S = model.slotCount;
  const demand = new Int32Array(model.participantCount * S);
  const release = (r: number, delta: number) => {
    const a = model.requestA[r] * S;
    const b = model.requestB[r] * S;
    for (const s of model.feasibleSlots[r]) {
      demand[a + s] += delta;
      demand[b + s] += delta;
    }
  };
  for (const r of order) release(r, 1);
  const candidates: number[] = [];
  const score = new Float64Array(S);
  for (const r of order) {
    release(r, -1);
    const a = model.requestA[r];
    const b = model.requestB[r];
    if (state.count[a] >= model.cap[a] || state.count[b] >= model.cap[b]) continue;
    candidates.length = 0;
    for (const s of model.feasibleSlots[r]) {
      if (!state.fitsWithoutInterpreter(r, s)) continue;
      score[s] = demand[a * S + s] + demand[b * S + s] + (random ? 3 * random() : 0);
      candidates.push(s);
    }
    candidates.sort((x, y) => score[x] - score[y] || x - y);
    for (const s of candidates) if (state.tryPlace(r, s)) break;
  }
}

function toOutput(state: ScheduleState): ScheduleOutput {
  const { model } = state;
  const { input } = model;
  const lockedTable = new Map(input.locked.map((lock) => [lock.request, lock.table]));
  const meetings: ScheduledMeeting[] = [];
  const unscheduled: ScheduleOutput["unscheduled"] = [];
  const bySlot: number[][] = Array.from({ length: model.slotCount }, () => []);
  for (let r = 0; r < model.requestCount; r++) {
    if (state.slotOf[r] >= 0) bySlot[state.slotOf[r]].push(r);
    else unscheduled.push({ request: input.requests[r].id, reason: explain(state, r) });
  }
  for (let s = 0; s < model.slotCount; s++) {
    // Locked meetings keep their table; the others take the free tables in the input's order.
    const taken = new Set<string>();
    for (const r of bySlot[s]) if (state.locked[r] && lockedTable.get(input.requests[r].id)) taken.add(lockedTable.get(input.requests[r].id)!);
    const free = input.tables.filter((table) => !taken.has(table));
    let next = 0;
    const rows = bySlot[s].map((r) => ({ r, id: input.requests[r].id })).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const { r, id } of rows) {
      const table = model.remote[r] ? null : state.locked[r] ? (lockedTable.get(id) ?? null) : free[next++];
      const interpreter = state.interpreterOf[r] >= 0 ? input.interpreters[state.interpreterOf[r]].id : null;
      meetings.push({ request: id, slot: input.slots[model.slotInput[s]].id, table, interpreter });
    }
  }
  let weight = 0;
  for (let r = 0; r < model.requestCount; r++) if (state.slotOf[r] >= 0) weight += model.weight[r];
  return { meetings, unscheduled, weight };
}

/** Why r was left out: the first of the static reasons, else what blocks it in its feasible slots. */
function explain(state: ScheduleState, r: number): UnscheduledReason {
  const { model } = state;
  if (model.commonSlotCount[r] === 0) return "noCommonSlot";
  if (model.hoursSlotCount[r] === 0) return "outsideLocalHours";
  if (model.needsInterpreter[r] && model.bridgingInterpreters[r].length === 0) return "noInterpreterSpeaksBoth";
  if (model.feasibleSlots[r].length === 0) return "noInterpreterAvailable";
  if (!model.remote[r] && model.tableCount === 0) return "noTable";
  const a = model.requestA[r];
  const b = model.requestB[r];
  if (state.count[a] >= model.cap[a] || state.count[b] >= model.cap[b]) return "participantCap";
  const S = model.slotCount;
  let tableBlocked = false;
  let interpreterBlocked = false;
  for (const s of model.feasibleSlots[r]) {
    if (state.participantAt[a * S + s] >= 0 || state.participantAt[b * S + s] >= 0) continue;
    if (!model.remote[r] && state.tablesUsed[s] >= model.tableCount) tableBlocked = true;
    else interpreterBlocked = true;
  }
  if (interpreterBlocked) return "interpreterPoolFull";
  if (tableBlocked) return "noTable";
  return "noCommonFreeSlot";
}
