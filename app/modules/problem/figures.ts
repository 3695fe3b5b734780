import { slaState } from "./sla";
import { problemCategories, type ProblemStatus } from "./status";

/**
 * The bureau's figures on problems, computed from plain rows (the service
 * reads them in one query): how many are open and closed, how old the open
 * ones are, how fast the first answer came and whether the deadline was
 * kept, and how the firms rated the answers; in total and by category,
 * town or cluster.
 */
export interface ProblemFigureRow {
  category: string;
  status: ProblemStatus;
  townId: string | null;
  clusterId: string | null;
  createdAt: Date;
  firstAnswerDueAt: Date;
  firstAnsweredAt: Date | null;
  rating: number | null;
}

export const problemFigureDimensions = ["category", "town", "cluster"] as const;
export type ProblemFigureDimension = (typeof problemFigureDimensions)[number];

/** Age bands of open problems, in days since raised. */
export const ageBands = [
  { key: "underTwoDays", maxDays: 2 },
  { key: "underWeek", maxDays: 7 },
  { key: "underMonth", maxDays: 30 },
  { key: "older", maxDays: Infinity },
] as const;
export type AgeBand = (typeof ageBands)[number]["key"];

export interface ProblemFigures {
  raised: number;
  open: number;
  answered: number;
  closed: number;
  /** Open (not closed) problems without a first answer past their deadline. */
  overdue: number;
  /** Of the problems answered: the share answered in time, as a whole percent. */
  slaMetPercent: number | null;
  medianFirstAnswerHours: number | null;
  ratings: number;
  averageRating: number | null;
  /** How many ratings of 1..5. */
  ratingCounts: [number, number, number, number, number];
  /** Problems not closed, by age. */
  openByAge: Record<AgeBand, number>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function ageBandOf(createdAt: Date, now: Date): AgeBand {
  const days = (now.getTime() - createdAt.getTime()) / 86_400_000;
  return ageBands.find((band) => days < band.maxDays)?.key ?? "older";
}

export function computeProblemFigures(rows: readonly ProblemFigureRow[], now: Date): ProblemFigures {
  const openByAge = Object.fromEntries(ageBands.map((band) => [band.key, 0])) as Record<AgeBand, number>;
  const ratingCounts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const answerHours: number[] = [];
  let open = 0;
  let answered = 0;
  let closed = 0;
  let overdue = 0;
  let met = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const row of rows) {
    if (row.status === "CLOSED") closed += 1;
    else {
      if (row.status === "OPEN") open += 1;
      else answered += 1;
      openByAge[ageBandOf(row.createdAt, now)] += 1;
    }
    const sla = slaState(row, now);
    if (sla === "met") met += 1;
    if (sla === "overdue" && row.status !== "CLOSED") overdue += 1;
    if (row.firstAnsweredAt) answerHours.push((row.firstAnsweredAt.getTime() - row.createdAt.getTime()) / 3_600_000);
    if (row.rating !== null && row.rating >= 1 && row.rating <= 5) {
      ratings += 1;
      ratingSum += row.rating;
      ratingCounts[row.rating - 1] += 1;
    }
  }
  const medianHours = median(answerHours);
  return {
    raised: rows.length,
    open,
    answered,
    closed,
    overdue,
    slaMetPercent: answerHours.length ? Math.round((met / answerHours.length) * 100) : null,
    medianFirstAnswerHours: medianHours === null ? null : round1(medianHours),
    ratings,
    averageRating: ratings ? round1(ratingSum / ratings) : null,
    ratingCounts,
    openByAge,
  };
}

/** The figures per group of `dimension` (null key: firms with no town or cluster), largest first. */
export function groupProblemFigures(rows: readonly ProblemFigureRow[], dimension: ProblemFigureDimension, now: Date) {
  const keyOf = (row: ProblemFigureRow) => (dimension === "category" ? row.category : dimension === "town" ? row.townId : row.clusterId);
  const groups = new Map<string | null, ProblemFigureRow[]>();
  // Every category appears, even with no problem: the bureau sees the zeros.
  if (dimension === "category") for (const category of problemCategories) groups.set(category, []);
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, ...computeProblemFigures(group, now) }))
    .sort((a, b) => b.raised - a.raised || String(a.key).localeCompare(String(b.key)));
}
