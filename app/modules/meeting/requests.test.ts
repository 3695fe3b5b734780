import { describe, expect, it } from "vitest";
import { effectiveStatus, pairWeight, planAsk, planRespond, rankPairs, withinCap, type PairState } from "./requests";

const now = new Date("2026-10-01T00:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const pair = (overrides: Partial<PairState> = {}): PairState => ({ status: "PENDING", buyerAskedAt: now, firmAskedAt: null, expiresAt: later(7), ...overrides });

describe("asking to meet", () => {
  it("opens a pending pair that expires after the set time", () => {
    expect(planAsk(null, "BUYER", now, 5)).toEqual({ ok: true, status: "PENDING", mutual: false, expiresAt: later(5) });
  });

  it("makes the pair mutual and agreed when the other side asks back", () => {
    expect(planAsk(pair(), "FIRM", now)).toMatchObject({ ok: true, status: "ACCEPTED", mutual: true });
  });

  it("never lets the same party ask twice, whatever became of the pair", () => {
    expect(planAsk(pair(), "BUYER", now)).toEqual({ ok: false, reason: "alreadyAsked" });
    expect(planAsk(pair({ status: "DECLINED" }), "BUYER", now)).toEqual({ ok: false, reason: "alreadyAsked" });
    expect(planAsk(pair({ expiresAt: later(-1) }), "BUYER", now)).toEqual({ ok: false, reason: "alreadyAsked" });
  });

  it("keeps a declined or expired pair closed to the other side too", () => {
    expect(planAsk(pair({ status: "DECLINED" }), "FIRM", now)).toEqual({ ok: false, reason: "declined" });
    expect(planAsk(pair({ expiresAt: later(-1) }), "FIRM", now)).toEqual({ ok: false, reason: "expired" });
    expect(planAsk(pair({ status: "ACCEPTED", firmAskedAt: null }), "FIRM", now)).toEqual({ ok: false, reason: "alreadyAgreed" });
  });
});

describe("answering", () => {
  it("accepts only the other side's pending request", () => {
    expect(planRespond(pair(), "FIRM", "accept", now)).toEqual({ ok: true, status: "ACCEPTED" });
    expect(planRespond(pair(), "BUYER", "accept", now)).toEqual({ ok: false, reason: "ownRequest" });
    expect(planRespond(pair({ buyerAskedAt: null }), "BUYER", "accept", now)).toEqual({ ok: false, reason: "notAsked" });
    expect(planRespond(pair({ expiresAt: later(-1) }), "FIRM", "accept", now)).toEqual({ ok: false, reason: "expired" });
  });

  it("lets either side decline a live pair, agreed ones included, and nothing after", () => {
    expect(planRespond(pair(), "FIRM", "decline", now)).toEqual({ ok: true, status: "DECLINED" });
    expect(planRespond(pair({ status: "ACCEPTED" }), "BUYER", "decline", now)).toEqual({ ok: true, status: "DECLINED" });
    expect(planRespond(pair({ status: "DECLINED" }), "FIRM", "decline", now)).toEqual({ ok: false, reason: "declined" });
    expect(planRespond(pair({ status: "ACCEPTED" }), "FIRM", "accept", now)).toEqual({ ok: false, reason: "alreadyAgreed" });
  });

  it("reads a pending pair past its expiry as expired", () => {
    expect(effectiveStatus(pair({ expiresAt: now }), now)).toBe("EXPIRED");
    expect(effectiveStatus(pair({ status: "ACCEPTED", expiresAt: later(-3) }), now)).toBe("ACCEPTED");
  });
});

describe("ranking and weights", () => {
  it("puts mutual pairs first, then agreed, then pending by match score", () => {
    const base = { createdAt: now, matchScore: 50, buyerAskedAt: now, firmAskedAt: null as Date | null };
    const ranked = rankPairs([
      { ...base, id: "pending-high", status: "PENDING" as const, matchScore: 90 },
      { ...base, id: "agreed", status: "ACCEPTED" as const },
      { ...base, id: "mutual", status: "ACCEPTED" as const, firmAskedAt: now, matchScore: 10 },
      { ...base, id: "pending-low", status: "PENDING" as const, matchScore: 20 },
    ]);
    expect(ranked.map((entry) => entry.id)).toEqual(["mutual", "agreed", "pending-high", "pending-low"]);
  });

  it("weighs a mutual pair above any one-sided one", () => {
    expect(pairWeight({ buyerAskedAt: now, firmAskedAt: now, matchScore: 0 })).toBeGreaterThan(pairWeight({ buyerAskedAt: now, firmAskedAt: null, matchScore: 100 }));
  });

  it("caps open pairs", () => {
    expect(withinCap(19, 20)).toBe(true);
    expect(withinCap(20, 20)).toBe(false);
  });
});
