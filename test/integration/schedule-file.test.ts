import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

/**
 * `npm run cli -- schedule-file IN.json OUT.json` as the bureau runs it: a
 * separate process. It must open no database and no search engine, so the
 * test points both at addresses where nothing listens and gives it an empty
 * DATA_DIR, which must stay empty.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-schedule-"));
const dataDir = path.join(dir, "data");
fs.mkdirSync(dataDir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, { DATA_DIR: dataDir, DATABASE_URL: "postgresql://ponte@127.0.0.1:9/none", MEILI_HOST: "http://127.0.0.1:9" });

// The README's example.
const example = {
  slots: [
    { id: "d1-01", start: "2026-10-22T10:00:00+08:00", end: "2026-10-22T10:20:00+08:00" },
    { id: "d1-02", start: "2026-10-22T20:00:00+08:00", end: "2026-10-22T20:20:00+08:00" },
  ],
  tables: ["T01", "T02"],
  interpreters: [{ id: "I1", languages: ["pt", "zh"], slots: ["d1-01", "d1-02"] }],
  participants: [
    { id: "F001", languages: ["zh"], slots: ["d1-01", "d1-02"], maxMeetings: 12 },
    { id: "F002", languages: ["zh", "en"], slots: ["d1-01", "d1-02"], maxMeetings: 12 },
    { id: "B001", languages: ["pt"], slots: ["d1-01", "d1-02"], maxMeetings: 8 },
    { id: "B002", languages: ["pt", "en"], slots: ["d1-01", "d1-02"], maxMeetings: 8, timeZone: "America/Sao_Paulo" },
  ],
  requests: [
    { id: "R1", a: "F001", b: "B001", weight: 3, remote: false },
    { id: "R2", a: "B002", b: "F002", weight: 2, remote: true },
    { id: "R9", a: "F002", b: "B001", weight: 1, remote: false },
  ],
  locked: [{ request: "R9", slot: "d1-02", table: "T02", interpreter: "I1" }] as { request: string; slot: string; table: string | null; interpreter: string | null }[],
};

describe("npm run cli -- schedule-file", () => {
  it("writes the schedule without opening the database or the search engine", async () => {
    const inFile = path.join(dir, "in.json");
    const outFile = path.join(dir, "out.json");
    fs.writeFileSync(inFile, JSON.stringify(example));
    const result = await cli(["schedule-file", inFile, outFile]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Scheduled 2 meeting\(s\), weight 4/);
    expect(JSON.parse(fs.readFileSync(outFile, "utf8"))).toEqual({
      meetings: [
        { request: "R1", slot: "d1-01", table: "T01", interpreter: "I1" },
        { request: "R9", slot: "d1-02", table: "T02", interpreter: "I1" },
      ],
      // 10:00 in Macao is 23:00 in Brasília; the evening slot is F002's locked meeting.
      unscheduled: [{ request: "R2", reason: "noCommonFreeSlot" }],
      weight: 4,
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("exits non-zero on invalid input, naming every problem", async () => {
    const inFile = path.join(dir, "bad.json");
    const outFile = path.join(dir, "bad-out.json");
    const bad = structuredClone(example);
    bad.slots[1].end = "2026-10-22T19:00:00+08:00";
    bad.requests.push({ id: "R3", a: "B001", b: "X404", weight: 1, remote: false });
    bad.locked.push({ request: "R1", slot: "d1-01", table: "T02", interpreter: null });
    fs.writeFileSync(inFile, JSON.stringify(bad));
    const result = await cli(["schedule-file", inFile, outFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/slots\.1\.end: slotEndsBeforeStart/);
    expect(result.stderr).toMatch(/requests\.3\.b: unknownParticipant \(X404\)/);
    expect(result.stderr).toMatch(/locked\.1\.interpreter: interpreterRequired/);
    expect(result.stderr).toMatch(/3 problem\(s\)/);
    expect(fs.existsSync(outFile)).toBe(false);

    fs.writeFileSync(inFile, "{ not json");
    expect((await cli(["schedule-file", inFile, outFile])).code).toBe(1);
    expect((await cli(["schedule-file", inFile])).code).toBe(2);
  });
});
