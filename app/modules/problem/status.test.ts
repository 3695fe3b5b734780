import { describe, expect, it } from "vitest";
import { FIRM_REOPEN_DAYS, nextStatus } from "./status";

describe("a problem's status", () => {
  it("goes to ANSWERED when the bureau writes and back to OPEN when the firm does", () => {
    expect(nextStatus("OPEN", { type: "message", side: "BUREAU" })).toEqual({ ok: true, status: "ANSWERED" });
    expect(nextStatus("ANSWERED", { type: "message", side: "FIRM" })).toEqual({ ok: true, status: "OPEN" });
    expect(nextStatus("OPEN", { type: "message", side: "FIRM" })).toEqual({ ok: true, status: "OPEN" });
  });

  it("takes no message once closed, but internal notes and assignment still", () => {
    expect(nextStatus("CLOSED", { type: "message", side: "FIRM" })).toEqual({ ok: false, refusal: "closed" });
    expect(nextStatus("CLOSED", { type: "message", side: "BUREAU" })).toEqual({ ok: false, refusal: "closed" });
    expect(nextStatus("CLOSED", { type: "note" })).toEqual({ ok: true, status: "CLOSED" });
    expect(nextStatus("ANSWERED", { type: "assign" })).toEqual({ ok: true, status: "ANSWERED" });
  });

  it("closes once, and reopens only what is closed", () => {
    expect(nextStatus("ANSWERED", { type: "close", side: "FIRM" })).toEqual({ ok: true, status: "CLOSED" });
    expect(nextStatus("CLOSED", { type: "close", side: "BUREAU" })).toEqual({ ok: false, refusal: "closed" });
    const now = new Date("2026-12-10T00:00:00Z");
    expect(nextStatus("OPEN", { type: "reopen", side: "BUREAU", closedAt: null, now })).toEqual({ ok: false, refusal: "notClosed" });
    expect(nextStatus("CLOSED", { type: "reopen", side: "FIRM", closedAt: new Date("2026-12-01T00:00:00Z"), now })).toEqual({ ok: true, status: "OPEN" });
  });

  it("lets the firm reopen within its window only; the bureau at any time", () => {
    const closedAt = new Date("2026-10-01T00:00:00Z");
    const late = new Date(closedAt.getTime() + (FIRM_REOPEN_DAYS + 1) * 86_400_000);
    expect(nextStatus("CLOSED", { type: "reopen", side: "FIRM", closedAt, now: late })).toEqual({ ok: false, refusal: "reopenTooLate" });
    expect(nextStatus("CLOSED", { type: "reopen", side: "BUREAU", closedAt, now: late })).toEqual({ ok: true, status: "OPEN" });
  });

  it("is rated when closed and answered", () => {
    expect(nextStatus("ANSWERED", { type: "rate", answered: true })).toEqual({ ok: false, refusal: "notClosed" });
    expect(nextStatus("CLOSED", { type: "rate", answered: false })).toEqual({ ok: false, refusal: "notAnswered" });
    expect(nextStatus("CLOSED", { type: "rate", answered: true })).toEqual({ ok: true, status: "CLOSED" });
  });
});
