import { describe, expect, it } from "vitest";
import { mulberry32 as seededRandom } from "~/utils/random";
import { generateInstance } from "../../../test/bench/scheduler-instances";
import { buildSchedule, unscheduledReasons } from "./schedule";
import { checkSchedule } from "./schedule-check";
import { validateScheduleInput, type ScheduleInput } from "./schedule-input";

/**
 * Property-style: on seeded random instances (small, medium, with locked
 * meetings taken from an earlier schedule, with tight caps, tables and
 * interpreters), every output obeys every rule according to the independent
 * checker, and is the same when run again.
 */
function lockSome(input: ScheduleInput, seed: number): ScheduleInput {
  const random = seededRandom(seed);
  const earlier = buildSchedule(input);
  const locked = earlier.meetings.filter(() => random() < 0.2);
  return { ...input, locked };
}

describe("buildSchedule on random instances", () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`obeys every rule (seed ${seed})`, () => {
      const random = seededRandom(1000 + seed);
      const firms = 4 + Math.floor(random() * 20);
      const buyers = 4 + Math.floor(random() * 30);
      const generated = generateInstance({
        firms,
        buyers,
        requests: Math.floor(firms * buyers * (0.2 + random() * 0.6)),
        days: 1 + Math.floor(random() * 2),
        slotsPerDay: 4 + Math.floor(random() * 13),
        tables: Math.floor(random() * 8),
        interpreters: Math.floor(random() * 4),
        seed,
        firmCap: 1 + Math.floor(random() * 8),
        buyerCap: 1 + Math.floor(random() * 6),
      });
      const checked = validateScheduleInput(generated);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      const input = seed % 3 === 0 ? lockSome(checked.input, seed) : checked.input;
      // The locked meetings came from a valid schedule, so the input stays valid.
      expect(validateScheduleInput(input).ok).toBe(true);
      const output = buildSchedule(input);
      expect(checkSchedule(input, output)).toEqual([]);
      expect(output.unscheduled.every((row) => (unscheduledReasons as readonly string[]).includes(row.reason))).toBe(true);
      expect(buildSchedule(input)).toEqual(output);
      const weightOnly = buildSchedule(input, { fairness: false, improvementPasses: 0, starts: 1 });
      expect(checkSchedule(input, weightOnly)).toEqual([]);
    });
  }

  it("schedules the same whatever the order of the input's lists (ids decide ties)", () => {
    const input = generateInstance({ firms: 10, buyers: 15, requests: 80, days: 1, slotsPerDay: 8, tables: 4, interpreters: 2, seed: 77 });
    const reversed: ScheduleInput = { ...input, slots: [...input.slots].reverse(), participants: [...input.participants].reverse() };
    const sortMeetings = (output: ReturnType<typeof buildSchedule>) => [...output.meetings].sort((x, y) => x.request.localeCompare(y.request));
    expect(sortMeetings(buildSchedule(reversed))).toEqual(sortMeetings(buildSchedule(input)));
  });

  it("checkSchedule catches a schedule that breaks the rules", () => {
    const input = generateInstance({ firms: 5, buyers: 5, requests: 12, days: 1, slotsPerDay: 6, tables: 3, interpreters: 1, seed: 5 });
    const output = buildSchedule(input);
    const [first, second] = output.meetings;
    const broken = { ...output, meetings: [...output.meetings, { ...first }, { ...second, slot: "nowhere", table: null }], weight: output.weight + 1 };
    const problems = checkSchedule(input, broken);
    expect(problems.some((problem) => problem.includes("placed twice"))).toBe(true);
    expect(problems.some((problem) => problem.includes("unknown request or slot"))).toBe(true);
    expect(problems.some((problem) => problem.includes("is not the sum"))).toBe(true);
  });
});
