import { DateTime } from "luxon";

/**
 * The bureau's promise: a first answer within FIRST_ANSWER_WORKING_DAYS
 * working days (Monday to Friday, Zhongshan time) of a problem being
 * raised, at the same time of day. A problem raised on a weekend counts from
 * the next Monday morning. Public holidays are not modelled (yet).
 */
export const FIRST_ANSWER_WORKING_DAYS = 2;
export const BUREAU_ZONE = "Asia/Shanghai";

const isWeekend = (day: DateTime) => day.weekday >= 6;

export function firstAnswerDue(raisedAt: Date, workingDays = FIRST_ANSWER_WORKING_DAYS): Date {
  let at = DateTime.fromJSDate(raisedAt, { zone: BUREAU_ZONE });
  if (isWeekend(at)) {
    while (isWeekend(at)) at = at.plus({ days: 1 });
    at = at.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  }
  let left = workingDays;
  while (left > 0) {
    at = at.plus({ days: 1 });
    if (!isWeekend(at)) left -= 1;
  }
  return at.toUTC().toJSDate();
}

/** Where a problem stands against its deadline. */
export type SlaState = "met" | "missed" | "pending" | "overdue";

export function slaState(problem: { firstAnswerDueAt: Date; firstAnsweredAt: Date | null }, now: Date): SlaState {
  if (problem.firstAnsweredAt) return problem.firstAnsweredAt <= problem.firstAnswerDueAt ? "met" : "missed";
  return now > problem.firstAnswerDueAt ? "overdue" : "pending";
}
