/**
 * The rules of meeting requests (issue 10, slice 2), pure. One row per
 * buyer–firm pair and edition: each side asks at most once (with a short
 * message); when both asked the pair is mutual and agreed at once; the
 * other side accepts or declines; a decline by either side, at any time
 * before the meeting, ends the pair for the edition; a pair nobody answered
 * expires at `expiresAt` and stays closed (nobody is asked twice by the
 * same party).
 */
export type MeetingSide = "BUYER" | "FIRM";
export type MeetingRequestStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED";

export const MEETING_REQUEST_RULES = {
  /** A pending request lapses after this many days without an answer. */
  ttlDays: 7,
  /** Pairs a participant may have pending or agreed at one edition (the bureau's grid may lower it). */
  maxOpenPerParticipant: 20,
  messageMax: 500,
} as const;

export interface PairState {
  status: MeetingRequestStatus;
  buyerAskedAt: Date | null;
  firmAskedAt: Date | null;
  expiresAt: Date;
}

export function otherSide(side: MeetingSide): MeetingSide {
  return side === "BUYER" ? "FIRM" : "BUYER";
}

function askedBy(pair: Pick<PairState, "buyerAskedAt" | "firmAskedAt">, side: MeetingSide): boolean {
  return (side === "BUYER" ? pair.buyerAskedAt : pair.firmAskedAt) !== null;
}

/** The status as of `now`: a pending pair past its expiry is expired (the sweep writes it later). */
export function effectiveStatus(pair: Pick<PairState, "status" | "expiresAt">, now: Date): MeetingRequestStatus {
  return pair.status === "PENDING" && pair.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : pair.status;
}

export function isMutual(pair: Pick<PairState, "buyerAskedAt" | "firmAskedAt">): boolean {
  return pair.buyerAskedAt !== null && pair.firmAskedAt !== null;
}

export type AskRefusal = "alreadyAsked" | "alreadyAgreed" | "declined" | "expired";
export type AskPlan = { ok: true; status: "PENDING" | "ACCEPTED"; mutual: boolean; expiresAt: Date } | { ok: false; reason: AskRefusal };

/** What asking does to a pair (null: nobody asked yet). */
export function planAsk(pair: PairState | null, side: MeetingSide, now: Date, ttlDays: number = MEETING_REQUEST_RULES.ttlDays): AskPlan {
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  if (!pair) return { ok: true, status: "PENDING", mutual: false, expiresAt };
  if (askedBy(pair, side)) return { ok: false, reason: "alreadyAsked" };
  const status = effectiveStatus(pair, now);
  if (status === "DECLINED") return { ok: false, reason: "declined" };
  if (status === "EXPIRED") return { ok: false, reason: "expired" };
  if (status === "ACCEPTED") return { ok: false, reason: "alreadyAgreed" };
  // The other side asked and waits: asking back is agreeing.
  return { ok: true, status: "ACCEPTED", mutual: true, expiresAt: pair.expiresAt };
}

export type RespondRefusal = "notAsked" | "ownRequest" | "declined" | "expired" | "alreadyAgreed";
export type RespondPlan = { ok: true; status: "ACCEPTED" | "DECLINED" } | { ok: false; reason: RespondRefusal };

/** What accepting or declining does: accept only the other side's pending ask; decline any live pair. */
export function planRespond(pair: PairState, side: MeetingSide, decision: "accept" | "decline", now: Date): RespondPlan {
  const status = effectiveStatus(pair, now);
  if (status === "DECLINED") return { ok: false, reason: "declined" };
  if (status === "EXPIRED") return { ok: false, reason: "expired" };
  if (decision === "decline") return { ok: true, status: "DECLINED" };
  if (status === "ACCEPTED") return { ok: false, reason: "alreadyAgreed" };
  if (!askedBy(pair, otherSide(side))) return { ok: false, reason: askedBy(pair, side) ? "ownRequest" : "notAsked" };
  return { ok: true, status: "ACCEPTED" };
}

/** Whether a participant may take one more pair: counts pending and agreed pairs. */
export function withinCap(openPairs: number, cap: number): boolean {
  return openPairs < cap;
}

export interface RankablePair {
  id: string;
  status: MeetingRequestStatus;
  buyerAskedAt: Date | null;
  firmAskedAt: Date | null;
  matchScore: number;
  createdAt: Date;
}

/** Mutual first, then agreed, then pending, each by match score, then the earliest asked. */
export function rankPairs<T extends RankablePair>(pairs: readonly T[]): T[] {
  const rank = (pair: T) => (isMutual(pair) ? 0 : pair.status === "ACCEPTED" ? 1 : pair.status === "PENDING" ? 2 : 3);
  return [...pairs].sort(
    (a, b) => rank(a) - rank(b) || b.matchScore - a.matchScore || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The scheduler's weight of an agreed pair: mutual above one-sided, then the match score. */
export function pairWeight(pair: Pick<PairState, "buyerAskedAt" | "firmAskedAt"> & { matchScore: number }): number {
  // One-sided pairs weigh 1–2 by their score; mutual ones 3–4, above any one-sided pair.
  return (isMutual(pair) ? 3 : 1) + Math.min(100, Math.max(0, pair.matchScore)) / 100;
}
