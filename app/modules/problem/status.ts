/**
 * Problems a firm raises with the bureau: what they can be about, and how a
 * problem moves between its statuses. Pure: the services (problem.server.ts)
 * ask `nextStatus` before writing, and refuse what it refuses.
 */
export const problemCategories = ["exportLicence", "customs", "tradeDispute", "fairLogistics", "subsidyClaim", "other"] as const;
export type ProblemCategory = (typeof problemCategories)[number];

export const problemStatuses = ["OPEN", "ANSWERED", "CLOSED"] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export type ProblemSide = "FIRM" | "BUREAU";

/** Something that happens to a problem, and who does it. */
export type ProblemEvent =
  | { type: "message"; side: ProblemSide }
  | { type: "note" }
  | { type: "assign" }
  | { type: "close"; side: ProblemSide }
  | { type: "reopen"; side: ProblemSide; closedAt: Date | null; now: Date }
  | { type: "rate"; answered: boolean };

/** Why a move is refused: a translation key under `problems:errors`. */
export type ProblemRefusal = "closed" | "notClosed" | "notAnswered" | "reopenTooLate";

/** A firm may reopen its closed problem for this long; the bureau at any time. */
export const FIRM_REOPEN_DAYS = 30;

/**
 * The status after `event`, or why it may not happen. A firm's message asks
 * the bureau again (OPEN); the bureau's answer hands it back (ANSWERED); a
 * closed problem takes no messages until it is reopened; internal notes and
 * assignment change no status (a closed problem can still be annotated);
 * the firm rates a closed problem the bureau answered.
 */
export function nextStatus(status: ProblemStatus, event: ProblemEvent): { ok: true; status: ProblemStatus } | { ok: false; refusal: ProblemRefusal } {
  switch (event.type) {
    case "message":
      if (status === "CLOSED") return { ok: false, refusal: "closed" };
      return { ok: true, status: event.side === "FIRM" ? "OPEN" : "ANSWERED" };
    case "note":
    case "assign":
      return { ok: true, status };
    case "close":
      if (status === "CLOSED") return { ok: false, refusal: "closed" };
      return { ok: true, status: "CLOSED" };
    case "reopen": {
      if (status !== "CLOSED") return { ok: false, refusal: "notClosed" };
      if (event.side === "FIRM" && event.closedAt && event.now.getTime() - event.closedAt.getTime() > FIRM_REOPEN_DAYS * 86_400_000) {
        return { ok: false, refusal: "reopenTooLate" };
      }
      return { ok: true, status: "OPEN" };
    }
    case "rate":
      if (status !== "CLOSED") return { ok: false, refusal: "notClosed" };
      if (!event.answered) return { ok: false, refusal: "notAnswered" };
      return { ok: true, status };
  }
}

export function isProblemCategory(value: unknown): value is ProblemCategory {
  return typeof value === "string" && (problemCategories as readonly string[]).includes(value);
}
