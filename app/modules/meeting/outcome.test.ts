import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { BuyerOutcomeSchema, FirmOutcomeSchema, OUTCOME_RULES, outcomeRecord, outcomeWindow } from "./outcome";

const errorsOf = (submission: { status?: string }) => (submission as { error?: Record<string, string[] | null> }).error ?? {};

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
};

describe("outcomeWindow", () => {
  const start = new Date("2026-10-22T02:00:00Z");
  it("opens when the meeting starts and closes after the last follow-up", () => {
    expect(outcomeWindow(start, new Date("2026-10-22T01:59:59Z"))).toBe("notYet");
    expect(outcomeWindow(start, start)).toBe("open");
    expect(outcomeWindow(start, new Date(start.getTime() + 180 * 86_400_000))).toBe("open");
    expect(outcomeWindow(start, new Date(start.getTime() + (OUTCOME_RULES.editableDays + 1) * 86_400_000))).toBe("closed");
  });
});

describe("the firm's outcome form", () => {
  it("reads a full record", () => {
    const submission = parseWithZod(
      form({ requestId: "r1", attendance: "HELD", interest: "HIGH", samplesRequested: "on", quotationSent: "on", intendedOrderUsd: "25000", orderPlaced: "on", confirmedOrderUsd: "12000", notes: " Wants 40HQ " }),
      { schema: FirmOutcomeSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(outcomeRecord({ side: "FIRM", value: submission.value })).toEqual({
      attendance: "HELD",
      interest: "HIGH",
      samplesRequested: true,
      quotationSent: true,
      intendedOrderUsd: 25_000,
      orderPlaced: true,
      confirmedOrderUsd: 12_000,
      rating: null,
      notes: "Wants 40HQ",
    });
  });

  it("refuses odd values with keys the page translates", () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ requestId: "r1", attendance: "MAYBE" }, "attendance", "validation:invalid"],
      [{ requestId: "r1" }, "attendance", "validation:required"],
      [{ requestId: "r1", attendance: "HELD", intendedOrderUsd: "-5" }, "intendedOrderUsd", "meetingReport:errors.usd"],
      [{ requestId: "r1", attendance: "HELD", intendedOrderUsd: "1e309" }, "intendedOrderUsd", "meetingReport:errors.usd"],
      [{ requestId: "r1", attendance: "HELD", intendedOrderUsd: "12.5" }, "intendedOrderUsd", "meetingReport:errors.usd"],
      [{ requestId: "r1", attendance: "HELD", confirmedOrderUsd: "100" }, "orderPlaced", "meetingReport:errors.orderNotPlaced"],
      [{ requestId: "r1", attendance: "NO_SHOW_BUYER", quotationSent: "on" }, "attendance", "meetingReport:errors.notHeld"],
      [{ requestId: "r1", attendance: "HELD", notes: "x".repeat(OUTCOME_RULES.notesMax + 1) }, "notes", "validation:tooLong"],
      [{ requestId: "r1", attendance: "HELD", samplesRequested: "yes please" }, "samplesRequested", "validation:invalid"],
    ];
    for (const [values, field, message] of cases) {
      const submission = parseWithZod(form(values), { schema: FirmOutcomeSchema });
      expect(submission.status, JSON.stringify(values).slice(0, 60)).toBe("error");
      expect(errorsOf(submission)[field], field).toContain(message);
    }
  });

  it("keeps a confirmed value only with an order placed", () => {
    const submission = parseWithZod(form({ requestId: "r1", attendance: "HELD", confirmedOrderUsd: "0" }), { schema: FirmOutcomeSchema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(outcomeRecord({ side: "FIRM", value: submission.value }).confirmedOrderUsd).toBeNull();
  });
});

describe("the buyer's outcome form", () => {
  it("reads a rating and refuses one out of range or for a meeting not held", () => {
    const good = parseWithZod(form({ requestId: "r1", attendance: "HELD", rating: "4", interest: "MEDIUM" }), { schema: BuyerOutcomeSchema });
    expect(good.status).toBe("success");
    if (good.status === "success") expect(outcomeRecord({ side: "BUYER", value: good.value })).toMatchObject({ rating: 4, interest: "MEDIUM", intendedOrderUsd: null, quotationSent: false });
    expect(errorsOf(parseWithZod(form({ requestId: "r1", attendance: "HELD", rating: "6" }), { schema: BuyerOutcomeSchema })).rating).toContain("meetingReport:errors.rating");
    expect(errorsOf(parseWithZod(form({ requestId: "r1", attendance: "NO_SHOW_FIRM", rating: "5" }), { schema: BuyerOutcomeSchema })).attendance).toContain("meetingReport:errors.notHeld");
  });
});

describe("the firm's follow-up stage", () => {
  it("reads 30, 90 or 180, refuses any other, and only for a held meeting", () => {
    const ok = parseWithZod(form({ requestId: "r1", attendance: "HELD", followUpStage: "90", orderPlaced: "on", confirmedOrderUsd: "1000" }), { schema: FirmOutcomeSchema });
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(ok.value.followUpStage).toBe(90);
    const plain = parseWithZod(form({ requestId: "r1", attendance: "HELD" }), { schema: FirmOutcomeSchema });
    expect(plain.status === "success" && plain.value.followUpStage).toBeUndefined();
    expect(errorsOf(parseWithZod(form({ requestId: "r1", attendance: "HELD", followUpStage: "45" }), { schema: FirmOutcomeSchema })).followUpStage).toEqual(["validation:invalid"]);
    expect(errorsOf(parseWithZod(form({ requestId: "r1", attendance: "NO_SHOW_BUYER", followUpStage: "30" }), { schema: FirmOutcomeSchema })).followUpStage).toEqual(["meetingReport:errors.notHeld"]);
  });
});
