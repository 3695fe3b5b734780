/**
 * A delegation call's lifecycle, enforced on the server: the bureau drafts a
 * call, opens it to applications, closes it at the deadline, selects the
 * delegation, publishes the roster, and marks it finished after the fair.
 * Pure rules; the service checks them inside the transaction that changes
 * the status.
 */

export const callStatuses = ["DRAFT", "OPEN", "CLOSED", "SELECTED", "ROSTER_PUBLISHED", "FINISHED"] as const;
export type CallStatus = (typeof callStatuses)[number];

/** Where each status may go next. Reopening a closed call (a deadline extended) is allowed; nothing goes back after selection. */
const transitions: Record<CallStatus, readonly CallStatus[]> = {
  DRAFT: ["OPEN"],
  OPEN: ["CLOSED"],
  CLOSED: ["OPEN", "SELECTED"],
  SELECTED: ["ROSTER_PUBLISHED"],
  ROSTER_PUBLISHED: ["FINISHED"],
  FINISHED: [],
};

/** The bureau may change a call's terms until selection starts. */
export function callTermsEditable(status: CallStatus): boolean {
  return status === "DRAFT" || status === "OPEN" || status === "CLOSED";
}

export function nextStatuses(status: CallStatus): readonly CallStatus[] {
  return transitions[status];
}

export function canMoveCall(from: CallStatus, to: CallStatus): boolean {
  return transitions[from].includes(to);
}

export const applicationStatuses = ["SUBMITTED", "APPROVED", "WAITLISTED", "REJECTED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Why a firm may not apply, edit or withdraw now. */
export type WindowRefusal = "callNotOpen" | "deadlinePassed" | "decided" | "withdrawn";

/** A firm may apply, edit or withdraw while the call is open and before its deadline. */
export function applicationWindow(call: { status: CallStatus; deadline: Date }, now: Date): WindowRefusal | null {
  if (call.status !== "OPEN") return "callNotOpen";
  if (now.getTime() >= call.deadline.getTime()) return "deadlinePassed";
  return null;
}

/** Whether a firm may still change its own application. */
export function canFirmChange(call: { status: CallStatus; deadline: Date }, application: { status: ApplicationStatus }, now: Date): WindowRefusal | null {
  if (application.status === "WITHDRAWN") return "withdrawn";
  if (application.status !== "SUBMITTED") return "decided";
  return applicationWindow(call, now);
}

/** The bureau decides while the call is closed or in selection (not while firms still apply, nor after the roster is out). */
export function canDecide(call: { status: CallStatus }): boolean {
  return call.status === "CLOSED" || call.status === "SELECTED";
}

export type DecisionRefusal = "quotaFull" | "applicationWithdrawn" | "callNotInSelection";

/**
 * Whether a decision can be recorded, given the places already approved.
 * Approving needs a free place; the service takes a lock on the call so
 * two staff approving the last place at once get one yes and one "full".
 */
export function checkDecision(
  call: { status: CallStatus; quota: number },
  application: { status: ApplicationStatus },
  decision: Exclude<ApplicationStatus, "SUBMITTED" | "WITHDRAWN">,
  approvedCount: number,
): DecisionRefusal | null {
  if (!canDecide(call)) return "callNotInSelection";
  if (application.status === "WITHDRAWN") return "applicationWithdrawn";
  if (decision === "APPROVED" && application.status !== "APPROVED" && approvedCount >= call.quota) return "quotaFull";
  return null;
}

/**
 * Who moves up when an approved firm withdraws: the waitlisted application
 * with the best rank (the list is the ranking, best first).
 */
export function nextFromWaitlist<T extends { id: string; status: ApplicationStatus }>(ranked: readonly T[]): T | undefined {
  return ranked.find((application) => application.status === "WAITLISTED");
}
