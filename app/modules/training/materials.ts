/**
 * Training materials and the recording (issue 11), pure: who may download a
 * session's files and open its recording, and whether the bureau may delete
 * a session. No I/O here.
 */
export const MAX_TRAINING_MATERIALS = 5;

export interface MaterialViewer {
  /** Bureau staff and admins. */
  bureau: boolean;
  /** The viewer's firm's registration for the session, if any. */
  registration: { status: "REGISTERED" | "CANCELLED" | "WAITLISTED"; attended: boolean | null } | null;
  /** Whether the firm meets the session's targeting rules (true when the session is open to every firm). */
  targeted: boolean;
}

/**
 * The bureau always; a firm that holds a seat (or that the bureau recorded as
 * present) and that the session's rules still reach. A firm on the waitlist,
 * one that gave its seat back, and any other visitor may not (they get 404).
 */
export function mayGetMaterials(viewer: MaterialViewer): boolean {
  if (viewer.bureau) return true;
  const registration = viewer.registration;
  if (!registration) return false;
  const seated = registration.status === "REGISTERED" || registration.attended === true;
  return seated && viewer.targeted;
}

/** How many more files a session takes, given those attached and those sent now: "tooManyMaterials" when over the limit. */
export function materialsProblem(input: { attached: number; adding: number }): "tooManyMaterials" | null {
  return input.attached + input.adding > MAX_TRAINING_MATERIALS ? "tooManyMaterials" : null;
}

/**
 * The bureau deletes a session only when no firm would lose a seat without
 * being told: a cancelled session (the firms were told), or one nobody holds
 * or waits for a seat at.
 */
export function deletionProblem(input: { cancelled: boolean; concerned: number }): "stillRegistered" | null {
  return !input.cancelled && input.concerned > 0 ? "stillRegistered" : null;
}
