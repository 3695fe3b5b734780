/**
 * A firm's response figures, from its inquiries alone (pure):
 * - `inquiries`: the inquiries that count, i.e. those of the last
 *   WINDOW_DAYS that were answered or have waited longer than GRACE_HOURS
 *   (a firm is not marked down for an inquiry that arrived an hour ago);
 * - `answered`: how many of those got a first answer from the firm;
 * - `medianResponseMinutes`: median time to that first answer.
 */
export const WINDOW_DAYS = 180;
export const GRACE_HOURS = 48;

export interface ThreadTiming {
  createdAt: Date;
  firstResponseAt: Date | null;
}

export interface ResponseStats {
  inquiries: number;
  answered: number;
  medianResponseMinutes: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function computeResponseStats(threads: readonly ThreadTiming[], now: Date): ResponseStats {
  const since = now.getTime() - WINDOW_DAYS * 86_400_000;
  const graceEnds = now.getTime() - GRACE_HOURS * 3_600_000;
  const counted = threads.filter(
    (thread) => thread.createdAt.getTime() >= since && (thread.firstResponseAt || thread.createdAt.getTime() <= graceEnds),
  );
  const minutes = counted
    .filter((thread) => thread.firstResponseAt)
    .map((thread) => Math.max(0, (thread.firstResponseAt!.getTime() - thread.createdAt.getTime()) / 60_000));
  const middle = median(minutes);
  return {
    inquiries: counted.length,
    answered: minutes.length,
    medianResponseMinutes: middle === null ? null : Math.round(middle),
  };
}

/** What a buyer reads: "usually answers within N hours", and the answer rate in percent. */
export function describeResponseStats(stats: ResponseStats): { withinHours: number | null; answerRatePercent: number | null } {
  return {
    withinHours: stats.medianResponseMinutes === null ? null : Math.max(1, Math.ceil(stats.medianResponseMinutes / 60)),
    answerRatePercent: stats.inquiries === 0 ? null : Math.round((stats.answered / stats.inquiries) * 100),
  };
}
