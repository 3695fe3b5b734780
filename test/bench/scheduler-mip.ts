import loadHighs from "highs";
import type { ScheduleInput } from "~/modules/meeting/schedule-input";
import { buildModel } from "~/modules/meeting/schedule-model";

/**
 * The reference model of the scheduler's problem, for the benchmark only: a
 * mixed-integer program in CPLEX LP format solved by HiGHS (WebAssembly).
 *
 *   x[r,s] = 1 when request r meets in slot s (feasible slots only: both
 *   sides available, local hours of remote sides, a bridging interpreter on
 *   duty); y[r,s,i] = 1 when interpreter i serves it.
 *   maximise Σ w[r] x[r,s]
 *   Σ_s x[r,s] ≤ 1                     each request at most once
 *   Σ_{r∋p} x[r,s] ≤ 1                 nobody in two meetings in one slot
 *   Σ_{r∋p,s} x[r,s] ≤ maxMeetings[p]
 *   Σ_{r in person} x[r,s] ≤ tables    tables per slot
 *   x[r,s] = Σ_i y[r,s,i]              an interpreter when the sides share no language
 *   Σ_r y[r,s,i] ≤ 1                   an interpreter in one meeting per slot
 *   locked meetings fixed to 1 in their slot.
 * Without integrality it is the linear relaxation, an upper bound.
 */
export interface ReferenceResult {
  status: string;
  /** The optimum (MIP) or the relaxation's bound (LP); NaN unless HiGHS reports "Optimal". */
  objective: number;
  seconds: number;
  variables: number;
  rows: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

/**
 * `mustMeet`: participants who must get at least one meeting (the fairness
 * reference: the best schedule that serves everyone the scheduler's does).
 */
export function buildLpText(input: ScheduleInput, integer: boolean, mustMeet: string[] = []): { text: string; variables: number; rows: number } {
  const model = buildModel(input);
  const S = model.slotCount;
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const bySlotParticipant = new Map<number, string[]>();
  const byParticipant: string[][] = Array.from({ length: model.participantCount }, () => []);
  const bySlotTable: string[][] = Array.from({ length: S }, () => []);
  const byInterpreterSlot = new Map<number, string[]>();
  const locked = new Map(input.locked.map((lock) => [model.requestIndex.get(lock.request)!, model.slotIndex.get(lock.slot)!]));
  const row = (name: string, terms: string[], sense: string) => {
    const lines: string[] = [];
    for (let k = 0; k < terms.length; k += 12) lines.push(terms.slice(k, k + 12).join(" + "));
    rows.push(` ${name}: ${lines.join("\n   + ")} ${sense}`);
  };
  for (let r = 0; r < model.requestCount; r++) {
    const own: string[] = [];
    const slots = locked.has(r) ? [locked.get(r)!] : Array.from(model.feasibleSlots[r]);
    for (const s of slots) {
      const x = `x${r}_${s}`;
      own.push(x);
      objective.push(`${model.weight[r]} ${x}`);
      binaries.push(x);
      if (locked.has(r)) bounds.push(` ${x} = 1`);
      else bounds.push(` 0 <= ${x} <= 1`);
      for (const p of [model.requestA[r], model.requestB[r]]) {
        const key = p * S + s;
        if (!bySlotParticipant.has(key)) bySlotParticipant.set(key, []);
        bySlotParticipant.get(key)!.push(x);
        byParticipant[p].push(x);
      }
      if (!model.remote[r]) bySlotTable[s].push(x);
      if (model.needsInterpreter[r]) {
        const ys: string[] = [];
        for (const i of model.bridgingInterpreters[r]) {
          if (!model.interpreterOnDuty[i * S + s]) continue;
          const y = `y${r}_${s}_${i}`;
          ys.push(`- ${y}`);
          binaries.push(y);
          bounds.push(` 0 <= ${y} <= 1`);
          const key = i * S + s;
          if (!byInterpreterSlot.has(key)) byInterpreterSlot.set(key, []);
          byInterpreterSlot.get(key)!.push(y);
        }
        rows.push(` i${r}_${s}: ${x} ${ys.join(" ")} = 0`);
      }
    }
    if (own.length > 1) row(`r${r}`, own, "<= 1");
  }
  for (const [key, terms] of bySlotParticipant) if (terms.length > 1) row(`ps${key}`, terms, "<= 1");
  byParticipant.forEach((terms, p) => {
    // Each meeting appears once per side, so a participant's list holds each x once.
    if (terms.length > model.cap[p]) row(`c${p}`, terms, `<= ${model.cap[p]}`);
  });
  for (const id of mustMeet) {
    const p = model.participantIndex.get(id)!;
    row(`m${p}`, byParticipant[p].length ? byParticipant[p] : ["0 x_none"], ">= 1");
  }
  bySlotTable.forEach((terms, s) => terms.length > model.tableCount && row(`t${s}`, terms, `<= ${model.tableCount}`));
  for (const [key, terms] of byInterpreterSlot) if (terms.length > 1) row(`is${key}`, terms, "<= 1");
  const objectiveLines: string[] = [];
  for (let k = 0; k < objective.length; k += 12) objectiveLines.push(objective.slice(k, k + 12).join(" + "));
  const text = [
    "Maximize",
    ` weight: ${objectiveLines.join("\n   + ") || "0"}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    ...(integer && binaries.length ? ["Binaries", ` ${binaries.join("\n ")}`] : []),
    "End",
  ].join("\n");
  return { text, variables: binaries.length, rows: rows.length };
}

/** Solves the model exactly (`integer`) or its linear relaxation. */
export async function solveReference(input: ScheduleInput, integer: boolean, timeLimitSeconds = 120, mustMeet: string[] = []): Promise<ReferenceResult> {
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  const { text, variables, rows } = buildLpText(input, integer, mustMeet);
  const started = performance.now();
  const solution = highs.solve(text, { output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0, presolve: "on" });
  const seconds = (performance.now() - started) / 1000;
  // The one-shot API reports no dual bound: an objective counts as the optimum (or the LP bound) only when Status is "Optimal".
  const objective = solution.Status === "Optimal" ? solution.ObjectiveValue : Number.NaN;
  return { status: solution.Status, objective, seconds, variables, rows };
}
