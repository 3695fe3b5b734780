import type { Attendance, Interest } from "./outcome";

/**
 * The bureau's fair report (issue 10, item 8), pure: from every meeting
 * request of an edition (with its meeting and the two sides' outcomes) the
 * figures the bureau reports — requested, agreed, scheduled, held, no-shows,
 * no-show rate, samples, quotations, intended and confirmed order value,
 * the buyers' rating — in total and by cluster, town, buyer country and
 * firm, and the same totals side by side for two editions.
 *
 * Which record counts: attendance is the firm's when it recorded one, else
 * the buyer's; the business figures (quotation, order, values) are the
 * firm's; samples count when either side says so; the rating is the buyer's.
 */
export interface ReportOutcome {
  attendance: Attendance;
  interest: Interest | null;
  samplesRequested: boolean;
  quotationSent: boolean;
  intendedOrderUsd: number | null;
  orderPlaced: boolean;
  confirmedOrderUsd: number | null;
  rating: number | null;
}

export interface ReportPair {
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED";
  firm: { id: string; name: string };
  /** Display names (null: the firm has none); keys keep groups apart when two names read alike. */
  cluster: { key: string; name: string } | null;
  town: { key: string; name: string } | null;
  /** ISO 3166-1 alpha-2 and its name in the reader's language. */
  buyerCountry: { key: string; name: string } | null;
  scheduled: boolean;
  firmOutcome: ReportOutcome | null;
  buyerOutcome: ReportOutcome | null;
}

export interface ReportFigures {
  requested: number;
  agreed: number;
  scheduled: number;
  /** Scheduled meetings with an outcome from either side. */
  recorded: number;
  held: number;
  noShows: number;
  /** No-shows among the meetings whose attendance is known, 0–1; null when none is known. */
  noShowRate: number | null;
  highInterest: number;
  samples: number;
  quotations: number;
  orders: number;
  intendedUsd: number;
  confirmedUsd: number;
  ratingCount: number;
  /** The buyers' average rating, one decimal; null without ratings. */
  ratingAverage: number | null;
}

export const figureKeys = [
  "requested",
  "agreed",
  "scheduled",
  "recorded",
  "held",
  "noShows",
  "noShowRate",
  "highInterest",
  "samples",
  "quotations",
  "orders",
  "intendedUsd",
  "confirmedUsd",
  "ratingAverage",
] as const satisfies readonly (keyof ReportFigures)[];

export type ReportDimension = "cluster" | "town" | "country" | "firm";
export const reportDimensions: readonly ReportDimension[] = ["cluster", "town", "country", "firm"];

export interface ReportGroup {
  key: string;
  label: string;
  figures: ReportFigures;
}

export interface EditionReport {
  totals: ReportFigures;
  by: Record<ReportDimension, ReportGroup[]>;
}

/** The key of pairs with no value in a dimension (a firm without a cluster, a buyer without a country). */
export const UNKNOWN_GROUP = "—";

function emptyFigures(): ReportFigures {
  return {
    requested: 0,
    agreed: 0,
    scheduled: 0,
    recorded: 0,
    held: 0,
    noShows: 0,
    noShowRate: null,
    highInterest: 0,
    samples: 0,
    quotations: 0,
    orders: 0,
    intendedUsd: 0,
    confirmedUsd: 0,
    ratingCount: 0,
    ratingAverage: null,
  };
}

function figuresOf(pairs: readonly PairOutcomes[]): ReportFigures {
  const figures = emptyFigures();
  let ratingSum = 0;
  for (const pair of pairs) {
    figures.requested += 1;
    if (pair.status !== "ACCEPTED") continue;
    figures.agreed += 1;
    if (!pair.scheduled) continue;
    figures.scheduled += 1;
    const firm = pair.firmOutcome;
    const buyer = pair.buyerOutcome;
    if (!firm && !buyer) continue;
    figures.recorded += 1;
    const attendance = (firm ?? buyer)!.attendance;
    if (attendance !== "HELD") {
      figures.noShows += 1;
      continue;
    }
    figures.held += 1;
    if ((firm?.interest ?? buyer?.interest) === "HIGH") figures.highInterest += 1;
    if (firm?.samplesRequested || buyer?.samplesRequested) figures.samples += 1;
    if (firm?.quotationSent) figures.quotations += 1;
    if (firm?.orderPlaced) figures.orders += 1;
    figures.intendedUsd += firm?.intendedOrderUsd ?? 0;
    figures.confirmedUsd += firm?.orderPlaced ? (firm.confirmedOrderUsd ?? 0) : 0;
    if (buyer?.rating) {
      figures.ratingCount += 1;
      ratingSum += buyer.rating;
    }
  }
  const known = figures.held + figures.noShows;
  figures.noShowRate = known ? figures.noShows / known : null;
  figures.ratingAverage = figures.ratingCount ? Math.round((ratingSum / figures.ratingCount) * 10) / 10 : null;
  return figures;
}

/** A pair's part in the figures: its status, whether its meeting is placed, and the two records. */
export type PairOutcomes = Pick<ReportPair, "status" | "scheduled" | "firmOutcome" | "buyerOutcome">;

/**
 * A firm's results at a fair, with the report's rules (the delegation score's
 * "results at earlier fairs"): meetings held and orders confirmed (placed).
 * Only agreed pairs with a placed meeting count: a pair declined or cancelled
 * after publishing counts for nothing, whatever was recorded.
 */
export function resultsOf(pairs: readonly PairOutcomes[]): { held: number; orders: number } {
  const figures = figuresOf(pairs);
  return { held: figures.held, orders: figures.orders };
}

function groupOf(pair: ReportPair, dimension: ReportDimension): { key: string; name: string } | null {
  if (dimension === "firm") return { key: pair.firm.id, name: pair.firm.name };
  if (dimension === "country") return pair.buyerCountry;
  return pair[dimension];
}

/** Groups ordered by meetings held, then requested, then label (in the reader's collation). */
function groupsBy(pairs: readonly ReportPair[], dimension: ReportDimension, collator: Intl.Collator): ReportGroup[] {
  const members = new Map<string, { label: string; pairs: ReportPair[] }>();
  for (const pair of pairs) {
    const group = groupOf(pair, dimension);
    const key = group?.key ?? UNKNOWN_GROUP;
    const entry = members.get(key) ?? { label: group?.name ?? UNKNOWN_GROUP, pairs: [] };
    entry.pairs.push(pair);
    members.set(key, entry);
  }
  return [...members.entries()]
    .map(([key, entry]) => ({ key, label: entry.label, figures: figuresOf(entry.pairs) }))
    .sort((a, b) => b.figures.held - a.figures.held || b.figures.requested - a.figures.requested || collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1));
}

export function editionReport(pairs: readonly ReportPair[], locale = "en"): EditionReport {
  const collator = new Intl.Collator(locale);
  return {
    totals: figuresOf(pairs),
    by: {
      cluster: groupsBy(pairs, "cluster", collator),
      town: groupsBy(pairs, "town", collator),
      country: groupsBy(pairs, "country", collator),
      firm: groupsBy(pairs, "firm", collator),
    },
  };
}

export interface ComparisonRow {
  figure: (typeof figureKeys)[number];
  current: number | null;
  earlier: number | null;
  /** current − earlier, when both are known. */
  change: number | null;
}

/** The totals of two editions side by side, figure by figure. */
export function compareTotals(current: ReportFigures, earlier: ReportFigures): ComparisonRow[] {
  return figureKeys.map((figure) => {
    const a = current[figure];
    const b = earlier[figure];
    return { figure, current: a, earlier: b, change: a === null || b === null ? null : Math.round((a - b) * 1000) / 1000 };
  });
}
