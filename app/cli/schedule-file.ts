import fs from "node:fs";
import { validateScheduleInput } from "~/modules/meeting/schedule-input";
import { buildSchedule } from "~/modules/meeting/schedule";
import { checkSchedule } from "~/modules/meeting/schedule-check";
import type { Command } from "./commands";

/**
 * `npm run cli -- schedule-file IN.json OUT.json` (issue 10, item 3): runs
 * the meeting scheduler on a file. It imports nothing that opens the
 * database or the search engine (index.ts runs it before loading those), so
 * it runs beside a running server.
 */
const usage = "npm run cli -- schedule-file IN.json OUT.json";

export const scheduleFileCommand: Command = {
  summary: "schedule fair meetings from a JSON file, no database (README: schedule-file)",
  usage,
  run: async ({ positionals }) => {
    const [inFile, outFile, ...rest] = positionals;
    if (!inFile || !outFile || rest.length) {
      process.stderr.write(`${usage}\n`);
      return 2;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(inFile, "utf8"));
    } catch (error) {
      process.stderr.write(`Cannot read ${inFile} as JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const validation = validateScheduleInput(raw);
    if (!validation.ok) {
      for (const problem of validation.problems) {
        process.stderr.write(`${problem.path.join(".") || "(input)"}: ${problem.code}${problem.detail && problem.detail !== problem.code ? ` (${problem.detail})` : ""}\n`);
      }
      process.stderr.write(`Rejected ${inFile}: ${validation.problems.length} problem(s). Nothing was scheduled.\n`);
      return 1;
    }
    const started = performance.now();
    const output = buildSchedule(validation.input);
    const ms = Math.round(performance.now() - started);
    // The independent checker guards the file the bureau relies on.
    const problems = checkSchedule(validation.input, output);
    if (problems.length) {
      for (const problem of problems) process.stderr.write(`schedule: ${problem}\n`);
      return 1;
    }
    fs.writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
    process.stdout.write(
      `Scheduled ${output.meetings.length} meeting(s), weight ${output.weight}; ${output.unscheduled.length} request(s) left out; ${ms} ms. Wrote ${outFile}.\n`,
    );
    return 0;
  },
};
