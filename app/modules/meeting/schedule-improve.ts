import type { ScheduleState } from "./schedule-state";

/** Places r in the first of its feasible slots where it fits as things are. */
export function placeAnywhere(state: ScheduleState, r: number): boolean {
  for (const s of state.model.feasibleSlots[r]) if (state.tryPlace(r, s)) return true;
  return false;
}

export const ANY = 0;
/** Fairness: a move may not leave anyone who had a meeting with none. */
export const KEEP_ONE = 1;
type EjectionRule = typeof ANY | typeof KEEP_ONE;

/**
 * Ejection moves. To put unplaced request r into slot s, take out what blocks
 * it there (a meeting of either side in s, the lightest meeting of a side at
 * its cap, the lightest in-person meeting when the tables are full, the
 * lightest meeting holding a bridging interpreter), place r, then put the
 * ejected meetings back wherever they fit. Written without closures: it runs
 * hundreds of thousands of times on a fair-sized instance.
 */
class Ejector {
  private rule: EjectionRule = ANY;
  private inner: Ejector | null = null;
  /** Set while every table of every slot is taken (see move). */
  noFreeTables = false;

  /** `depth` 1: ejected meetings go back only where they fit; 2: they may eject in turn (no loss allowed there). */
  constructor(
    private readonly state: ScheduleState,
    private readonly depth: number,
  ) {}

  private eject(m: number, ejected: number[]): boolean {
    const { state } = this;
    if (m < 0 || state.locked[m]) return false;
    ejected.push(m);
    state.remove(m);
    return true;
  }

  private reinsert(m: number): boolean {
    if (placeAnywhere(this.state, m)) return true;
    if (this.depth < 2) return false;
    this.inner ??= new Ejector(this.state, this.depth - 1);
    const full = this.state.model.weight[m];
    for (const s of this.state.model.feasibleSlots[m]) {
      if (this.inner.move(m, s, this.rule, false, true) === full && this.state.slotOf[m] >= 0) return true;
    }
    return false;
  }

  /**
   * The change of total weight when r goes into s, or null when it cannot.
   * The move is kept when `keep` is true, or when nothing was lost and `keepFull` is true; otherwise undone.
   */
  move(r: number, s: number, rule: EjectionRule, keep: boolean, keepFull: boolean): number | null {
    const { state } = this;
    const { model } = state;
    const S = model.slotCount;
    const a = model.requestA[r];
    const b = model.requestB[r];
    // With every table taken and neither side at its cap, no in-person meeting taken out can
    // find a table again: the move gains only if the in-person meetings it must eject weigh less than r.
    if (this.noFreeTables && !model.remote[r] && state.count[a] < model.cap[a] && state.count[b] < model.cap[b]) {
      const atA = state.participantAt[a * S + s];
      const atB = state.participantAt[b * S + s];
      let bound = 0;
      if (atA >= 0 && !model.remote[atA]) bound += model.weight[atA];
      if (atB >= 0 && !model.remote[atB]) bound += model.weight[atB];
      if (bound === 0) {
        const lightest = state.lightestInPerson(s);
        bound = lightest >= 0 ? model.weight[lightest] : Infinity;
      }
      if (bound >= model.weight[r]) return null;
    }
    const ejected: number[] = [];
    this.rule = rule;
    const mark = state.checkpoint();
    let ok = true;
    const atA = state.participantAt[a * S + s];
    if (atA >= 0) ok = this.eject(atA, ejected);
    const atB = ok ? state.participantAt[b * S + s] : -1;
    if (ok && atB >= 0) ok = this.eject(atB, ejected);
    if (ok && state.count[a] >= model.cap[a]) ok = this.eject(state.lightestOf(a), ejected);
    if (ok && state.count[b] >= model.cap[b]) ok = this.eject(state.lightestOf(b), ejected);
    if (ok && !model.remote[r] && state.tablesUsed[s] >= model.tableCount) ok = this.eject(state.lightestInPerson(s), ejected);
    let placed = ok && state.tryPlace(r, s);
    if (ok && !placed && model.needsInterpreter[r] && state.fitsWithoutInterpreter(r, s) && this.eject(state.lightestWithInterpreterFor(s, r), ejected)) {
      placed = state.tryPlace(r, s);
    }
    if (!placed) {
      state.rollback(mark);
      return null;
    }
    let lost = 0;
    // Heaviest back first (ejection order breaks ties); at most five were taken out.
    const order = ejected.map((_, k) => k).sort((x, y) => model.weight[ejected[y]] - model.weight[ejected[x]] || x - y);
    for (const k of order) {
      if (!this.reinsert(ejected[k])) lost += model.weight[ejected[k]];
    }
    if (rule === KEEP_ONE && lost > 0) {
      for (const m of ejected) {
        if (state.slotOf[m] < 0 && (state.count[model.requestA[m]] === 0 || state.count[model.requestB[m]] === 0)) {
          state.rollback(mark);
          return null;
        }
      }
    }
    const gain = model.weight[r] - lost;
    if (keep || (keepFull && lost === 0)) state.release(mark);
    else state.rollback(mark);
    return gain;
  }

  /** Tries every feasible slot of each request in `requests` and keeps the best move that gains at least `minGain`. */
  best(requests: ArrayLike<number>, rule: EjectionRule, minGain: number): boolean {
    const { model } = this.state;
    let bestRequest = -1;
    let bestSlot = -1;
    let bestGain = -Infinity;
    for (let k = 0; k < requests.length; k++) {
      const r = requests[k];
      const full = model.weight[r];
      for (const s of model.feasibleSlots[r]) {
        // A move that loses nothing is kept at once: no other can beat it for this request.
        const gain = this.move(r, s, rule, false, full >= minGain && requests.length === 1);
        if (gain === null) continue;
        if (gain === full && full >= minGain && requests.length === 1) return true;
        if (gain > bestGain) {
          bestGain = gain;
          bestRequest = r;
          bestSlot = s;
        }
      }
    }
    if (bestRequest < 0 || bestGain < minGain) return false;
    return this.move(bestRequest, bestSlot, rule, true, true) !== null;
  }
}

/**
 * Local improvement: unplaced requests, heaviest first, each tried with an
 * ejection move that raises the total weight. Repeats while a pass improves,
 * at most `passes` times (a count, not a clock, so the result is deterministic).
 */
export function improve(state: ScheduleState, order: Int32Array, passes: number, depth: number, rule: EjectionRule = ANY) {
  const { model } = state;
  const ejector = new Ejector(state, depth);
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (const r of order) {
      if (state.slotOf[r] >= 0 || model.feasibleSlots[r].length === 0) continue;
      ejector.noFreeTables = state.freeTables() === 0;
      if (ejector.best([r], rule, 1e-9)) improved = true;
    }
    if (!improved) break;
  }
}

/**
 * Fairness repair: a participant with requests but no meeting gets one when a
 * swap allows it, even at some cost in weight, as long as nobody who had a
 * meeting is left with none; the cheapest such swap is taken.
 */
export function repairFairness(state: ScheduleState, depth: number) {
  const { model } = state;
  const ejector = new Ejector(state, depth);
  for (let p = 0; p < model.participantCount; p++) {
    if (state.count[p] > 0 || model.cap[p] === 0) continue;
    const candidates = Array.from(model.requestsOf[p]).filter((r) => !state.locked[r] && model.feasibleSlots[r].length > 0);
    // The swap that costs the least weight, over all of p's requests.
    ejector.best(candidates, KEEP_ONE, -Infinity);
  }
}
