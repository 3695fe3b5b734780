import type { ScheduleModel } from "./schedule-model";

/**
 * A schedule under construction: who is where in which slot, kept in typed
 * arrays so placing, removing and testing a meeting are O(1) (interpreters:
 * a short augmenting-path search among the few bridging interpreters).
 * Tables are interchangeable, so only their count per slot is tracked; the
 * table ids are handed out at the end (locked meetings keep theirs).
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly interpreterOf: Int32Array;
  readonly locked: Uint8Array;
  readonly participantAt: Int32Array;
  readonly interpreterAt: Int32Array;
  readonly tablesUsed: Int32Array;
  readonly count: Int32Array;
  /** Meetings placed in each slot: slotMeetings[slot * requestCount + k], k < slotSize[slot]. */
  readonly slotMeetings: Int32Array;
  readonly slotSize: Int32Array;
  private readonly positionInSlot: Int32Array;
  private readonly visited: Int32Array;
  private stamp = 0;
  /** Bumped whenever a slot's meetings change; keys the cache of lightestInPerson. */
  private readonly slotVersion: Int32Array;
  private readonly lightestVersion: Int32Array;
  private readonly lightestCache: Int32Array;
  weight = 0;
  /** Placements and removals since the last checkpoint, as (request, slot) pairs; a removal is stored as ~request. */
  private readonly journal: number[] = [];
  private journalDepth = 0;

  constructor(readonly model: ScheduleModel) {
    const { requestCount, slotCount, participantCount, interpreterCount } = model;
    this.slotOf = new Int32Array(requestCount).fill(-1);
    this.interpreterOf = new Int32Array(requestCount).fill(-1);
    this.locked = new Uint8Array(requestCount);
    this.participantAt = new Int32Array(participantCount * slotCount).fill(-1);
    this.interpreterAt = new Int32Array(interpreterCount * slotCount).fill(-1);
    this.tablesUsed = new Int32Array(slotCount);
    this.count = new Int32Array(participantCount);
    this.slotMeetings = new Int32Array(Math.max(1, slotCount * requestCount));
    this.slotSize = new Int32Array(slotCount);
    this.positionInSlot = new Int32Array(requestCount).fill(-1);
    this.visited = new Int32Array(interpreterCount);
    this.slotVersion = new Int32Array(slotCount);
    this.lightestVersion = new Int32Array(slotCount).fill(-1);
    this.lightestCache = new Int32Array(slotCount);
  }

  /** Whether r fits in s without moving anyone (interpreters aside), caps included. */
  fitsWithoutInterpreter(r: number, s: number): boolean {
    const { model } = this;
    const a = model.requestA[r];
    const b = model.requestB[r];
    const S = model.slotCount;
    return (
      this.participantAt[a * S + s] === -1 &&
      this.participantAt[b * S + s] === -1 &&
      this.count[a] < model.cap[a] &&
      this.count[b] < model.cap[b] &&
      (model.remote[r] === 1 || this.tablesUsed[s] < model.tableCount)
    );
  }

  /** Places r in s if it fits (finding it an interpreter when it needs one). */
  tryPlace(r: number, s: number): boolean {
    if (!this.fitsWithoutInterpreter(r, s)) return false;
    if (this.model.needsInterpreter[r] && !this.assignInterpreter(r, s)) return false;
    this.occupy(r, s);
    return true;
  }

  /** Places a locked meeting exactly as given (the input was checked). */
  placeLocked(r: number, s: number, interpreter: number) {
    this.locked[r] = 1;
    if (interpreter >= 0) {
      this.interpreterAt[interpreter * this.model.slotCount + s] = r;
      this.interpreterOf[r] = interpreter;
    }
    this.occupy(r, s);
  }

  /** Starts recording changes, so rollback() can undo them. Checkpoints nest. */
  checkpoint(): number {
    this.journalDepth++;
    return this.journal.length;
  }

  /** Keeps the changes since the checkpoint. */
  release(mark: number) {
    this.journalDepth--;
    if (this.journalDepth === 0) this.journal.length = 0;
    else if (this.journal.length < mark) throw new Error("scheduler: journal out of order");
  }

  /** Undoes every change since the checkpoint, newest first. */
  rollback(mark: number) {
    while (this.journal.length > mark) {
      const s = this.journal.pop()!;
      const entry = this.journal.pop()!;
      if (entry >= 0) this.remove(entry);
      else if (!this.tryPlace(~entry, s)) throw new Error("scheduler: could not undo a removal");
      // Undo operations record themselves too: drop them.
      this.journal.length -= 2;
    }
    this.release(mark);
  }

  remove(r: number) {
    const { model } = this;
    const s = this.slotOf[r];
    if (this.journalDepth) this.journal.push(~r, s);
    const S = model.slotCount;
    this.participantAt[model.requestA[r] * S + s] = -1;
    this.participantAt[model.requestB[r] * S + s] = -1;
    this.count[model.requestA[r]]--;
    this.count[model.requestB[r]]--;
    if (!model.remote[r]) this.tablesUsed[s]--;
    const interpreter = this.interpreterOf[r];
    if (interpreter >= 0) this.interpreterAt[interpreter * S + s] = -1;
    this.interpreterOf[r] = -1;
    const base = s * model.requestCount;
    const position = this.positionInSlot[r];
    const last = this.slotMeetings[base + --this.slotSize[s]];
    this.slotMeetings[base + position] = last;
    this.positionInSlot[last] = position;
    this.positionInSlot[r] = -1;
    this.slotOf[r] = -1;
    this.slotVersion[s]++;
    this.weight -= model.weight[r];
  }

  /** The lightest movable in-person meeting in s, or -1 (the later id loses ties). */
  lightestInPerson(s: number): number {
    if (this.lightestVersion[s] === this.slotVersion[s]) return this.lightestCache[s];
    const { model } = this;
    const base = s * model.requestCount;
    let best = -1;
    for (let k = 0; k < this.slotSize[s]; k++) {
      const m = this.slotMeetings[base + k];
      if (this.locked[m] || model.remote[m]) continue;
      if (best === -1 || model.weight[m] < model.weight[best] || (model.weight[m] === model.weight[best] && m > best)) best = m;
    }
    this.lightestVersion[s] = this.slotVersion[s];
    this.lightestCache[s] = best;
    return best;
  }

  /** The lightest movable meeting in s holding an interpreter who could serve r, or -1. */
  lightestWithInterpreterFor(s: number, r: number): number {
    const { model } = this;
    const S = model.slotCount;
    let best = -1;
    for (const i of model.bridgingInterpreters[r]) {
      const m = this.interpreterAt[i * S + s];
      if (m < 0 || this.locked[m]) continue;
      if (best === -1 || model.weight[m] < model.weight[best] || (model.weight[m] === model.weight[best] && m > best)) best = m;
    }
    return best;
  }

  /** Total of free table places over all slots. */
  freeTables(): number {
    let free = 0;
    for (let s = 0; s < this.model.slotCount; s++) free += this.model.tableCount - this.tablesUsed[s];
    return free;
  }

  /** The lightest movable meeting of participant p, or -1. */
  lightestOf(p: number): number {
    const S = this.model.slotCount;
    let best = -1;
    for (let s = 0; s < S; s++) {
      const m = this.participantAt[p * S + s];
      if (m < 0 || this.locked[m]) continue;
      if (best === -1 || this.model.weight[m] < this.model.weight[best] || (this.model.weight[m] === this.model.weight[best] && m > best)) best = m;
    }
    return best;
  }

  private occupy(r: number, s: number) {
    const { model } = this;
    if (this.journalDepth) this.journal.push(r, s);
    const S = model.slotCount;
    this.participantAt[model.requestA[r] * S + s] = r;
    this.participantAt[model.requestB[r] * S + s] = r;
    this.count[model.requestA[r]]++;
    this.count[model.requestB[r]]++;
    if (!model.remote[r]) this.tablesUsed[s]++;
    this.slotOf[r] = s;
    this.slotVersion[s]++;
    const position = this.slotSize[s]++;
    this.slotMeetings[s * model.requestCount + position] = r;
    this.positionInSlot[r] = position;
    this.weight += model.weight[r];
  }

  /**
   * Finds r an interpreter in s, moving other (unlocked) meetings of s to
   * another bridging interpreter when that frees one: Kuhn's augmenting path.
   * Nothing changes when it fails.
   */
  private assignInterpreter(r: number, s: number): boolean {
    this.stamp++;
    return this.augment(r, s);
  }

  private augment(r: number, s: number): boolean {
    const { model } = this;
    const S = model.slotCount;
    for (const i of model.bridgingInterpreters[r]) {
      if (!model.interpreterOnDuty[i * S + s] || this.visited[i] === this.stamp) continue;
      this.visited[i] = this.stamp;
      const holder = this.interpreterAt[i * S + s];
      if (holder === -1 || (!this.locked[holder] && this.augment(holder, s))) {
        this.interpreterAt[i * S + s] = r;
        this.interpreterOf[r] = i;
        return true;
      }
    }
    return false;
  }
}
