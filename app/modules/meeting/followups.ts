import { DateTime } from "luxon";
import { OUTCOME_RULES } from "./outcome";

/**
 * The firm's follow-ups of a held meeting (issue 10, item 7), pure: at 30,
 * 90 and 180 days after the meeting the firm is asked what came of it
 * (order placed, its value). Counted from the meeting's own day, not the
 * fair's last day: each reminder links to that meeting's record, and a
 * meeting on the fair's first day is not asked about later than the others.
 * A stage is due at 09:00 Zhongshan time on its day, until the next stage
 * is due (a job that was down does not send two stages at once) and while
 * the record can still be changed. A stage already answered — a follow-up
 * recorded for it, or the firm's outcome updated on or after its due time —
 * is not reminded.
 */
export const FOLLOW_UP_RULES = { stages: [30, 90, 180] as const, hour: 9, zone: "Asia/Shanghai" } as const;
export type FollowUpStage = (typeof FOLLOW_UP_RULES.stages)[number];

export function isFollowUpStage(value: number): value is FollowUpStage {
  return (FOLLOW_UP_RULES.stages as readonly number[]).includes(value);
}

/** When a stage falls due: 09:00 Zhongshan time, `stage` days after the meeting's day there. */
export function followUpDueAt(startsAt: Date, stage: FollowUpStage): Date {
  return DateTime.fromJSDate(startsAt, { zone: FOLLOW_UP_RULES.zone }).startOf("day").plus({ days: stage }).set({ hour: FOLLOW_UP_RULES.hour }).toJSDate();
}

/** The record of a meeting can be changed until this time (outcome.ts). */
export function recordClosesAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() + OUTCOME_RULES.editableDays * 86_400_000);
}

export interface FollowUpFacts {
  startsAt: Date;
  /** Whether the meeting took place (the firm's record, else the buyer's). */
  held: boolean;
  /** When the firm last changed its outcome (null: never recorded). */
  outcomeUpdatedAt: Date | null;
  /** Stages that already have a row: reminded, or answered. */
  claimedStages: readonly number[];
}

/** The stage whose reminder is due at `now`, or null. */
export function dueFollowUp(facts: FollowUpFacts, now: Date): FollowUpStage | null {
  if (!facts.held || now.getTime() >= recordClosesAt(facts.startsAt).getTime()) return null;
  const stages = FOLLOW_UP_RULES.stages;
  for (let i = stages.length - 1; i >= 0; i--) {
    const dueAt = followUpDueAt(facts.startsAt, stages[i]);
    if (dueAt.getTime() > now.getTime()) continue;
    // The latest stage already due is the only one that may be reminded.
    if (facts.claimedStages.includes(stages[i])) return null;
    if (facts.outcomeUpdatedAt && facts.outcomeUpdatedAt.getTime() >= dueAt.getTime()) return null;
    return stages[i];
  }
  return null;
}

/** The stages the firm may answer at `now`: those already due. */
export function answerableStages(startsAt: Date, now: Date): FollowUpStage[] {
  return FOLLOW_UP_RULES.stages.filter((stage) => followUpDueAt(startsAt, stage).getTime() <= now.getTime());
}
