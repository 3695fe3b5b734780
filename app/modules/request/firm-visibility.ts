import type { Prisma } from "~/utils/db.server";

/**
 * Which sourcing requests a firm may see and answer: open ones whose deadline
 * has not passed, that are PUBLIC, or VERIFIED_FIRMS when the firm is
 * verified by the bureau. PRIVATE requests are the buyer's own: no firm sees
 * them. Pure; the search filter (matching) and the database checks use it.
 */
export type FirmVisibleVisibility = "PUBLIC" | "VERIFIED_FIRMS";

export function visibilitiesForFirm(verified: boolean): FirmVisibleVisibility[] {
  return verified ? ["PUBLIC", "VERIFIED_FIRMS"] : ["PUBLIC"];
}

/** Deadlines are dates (midnight UTC): a request is open through its deadline day. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function firmVisibleRequestWhere(verified: boolean, now: Date): Prisma.SourcingRequestWhereInput {
  return {
    status: "OPEN",
    visibility: { in: visibilitiesForFirm(verified) },
    OR: [{ deadline: null }, { deadline: { gte: startOfUtcDay(now) } }],
  };
}

export function isRequestVisibleToFirm(
  request: { status: string; visibility: string; deadline: Date | null },
  firm: { verified: boolean },
  now: Date,
): boolean {
  if (request.status !== "OPEN") return false;
  if (!(visibilitiesForFirm(firm.verified) as string[]).includes(request.visibility)) return false;
  return request.deadline === null || request.deadline >= startOfUtcDay(now);
}
