/** After this many failed attempts a mail is parked (kept, not retried). */
export const MAX_MAIL_ATTEMPTS = 10;

/** Wait before retry number `attempts` (1-based): 30 s, 1 min, 2 min, ... at most an hour. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}
