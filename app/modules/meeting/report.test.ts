import { describe, expect, it } from "vitest";
import { compareTotals, editionReport, resultsOf, UNKNOWN_GROUP, type ReportOutcome, type ReportPair } from "./report";

const outcome = (over: Partial<ReportOutcome> = {}): ReportOutcome => ({
  attendance: "HELD",
  interest: null,
  samplesRequested: false,
  quotationSent: false,
  intendedOrderUsd: null,
  orderPlaced: false,
  confirmedOrderUsd: null,
  rating: null,
  ...over,
});

const lighting = { key: "c1", name: "Lighting" };
const furniture = { key: "c2", name: "Furniture" };
const guzhen = { key: "t1", name: "Guzhen" };
const brazil = { key: "BR", name: "Brazil" };
const angola = { key: "AO", name: "Angola" };

function pair(over: Partial<ReportPair> = {}): ReportPair {
  return {
    status: "ACCEPTED",
    firm: { id: "f1", name: "Firm One" },
    cluster: lighting,
    town: guzhen,
    buyerCountry: brazil,
    scheduled: true,
    firmOutcome: null,
    buyerOutcome: null,
    ...over,
  };
}

describe("editionReport", () => {
  const pairs: ReportPair[] = [
    // Held, recorded by both: the firm's figures, the buyer's rating, samples from the buyer.
    pair({ firmOutcome: outcome({ interest: "HIGH", quotationSent: true, intendedOrderUsd: 50_000, orderPlaced: true, confirmedOrderUsd: 42_000 }), buyerOutcome: outcome({ rating: 5, samplesRequested: true }) }),
    // Held, only the buyer recorded it: counted held, no money figures.
    pair({ buyerOutcome: outcome({ rating: 3, intendedOrderUsd: 999 }), buyerCountry: angola }),
    // The firm says the buyer did not come; the buyer says held: the firm's record wins.
    pair({ firmOutcome: outcome({ attendance: "NO_SHOW_BUYER" }), buyerOutcome: outcome({ rating: 1 }), firm: { id: "f2", name: "Firm Two" }, cluster: furniture }),
    // Scheduled, nothing recorded; agreed but not placed; pending; declined.
    pair({ firm: { id: "f2", name: "Firm Two" }, cluster: furniture }),
    pair({ scheduled: false }),
    pair({ status: "PENDING", scheduled: false, buyerCountry: null }),
    pair({ status: "DECLINED", scheduled: false, cluster: null }),
    // An order value the firm entered without placing the order counts as intended only.
    pair({ firmOutcome: outcome({ intendedOrderUsd: 10_000, confirmedOrderUsd: 7_000 }), buyerCountry: angola }),
  ];
  const report = editionReport(pairs, "en");

  it("counts each stage of the funnel", () => {
    expect(report.totals).toMatchObject({ requested: 8, agreed: 6, scheduled: 5, recorded: 4, held: 3, noShows: 1, highInterest: 1, samples: 1, quotations: 1, orders: 1 });
    expect(report.totals.noShowRate).toBeCloseTo(0.25);
  });

  it("sums the firm's money figures only, and confirmed value only for orders placed", () => {
    expect(report.totals.intendedUsd).toBe(60_000);
    expect(report.totals.confirmedUsd).toBe(42_000);
  });

  it("averages the buyers' ratings of meetings held", () => {
    expect(report.totals).toMatchObject({ ratingCount: 2, ratingAverage: 4 });
  });

  it("breaks the figures down by cluster, town, buyer country and firm", () => {
    expect(report.by.cluster.map((group) => [group.label, group.figures.requested, group.figures.held])).toEqual([
      ["Lighting", 5, 3],
      ["Furniture", 2, 0],
      [UNKNOWN_GROUP, 1, 0],
    ]);
    expect(report.by.town).toHaveLength(1);
    expect(report.by.country.map((group) => [group.key, group.figures.held, group.figures.intendedUsd])).toEqual([
      ["AO", 2, 10_000],
      ["BR", 1, 50_000],
      [UNKNOWN_GROUP, 0, 0],
    ]);
    const firmTwo = report.by.firm.find((group) => group.key === "f2")!;
    expect(firmTwo.figures).toMatchObject({ scheduled: 2, noShows: 1, noShowRate: 1 });
    // The groups add up to the totals.
    for (const dimension of ["cluster", "town", "country", "firm"] as const) {
      const sum = report.by[dimension].reduce((total, group) => total + group.figures.requested, 0);
      expect(sum, dimension).toBe(report.totals.requested);
    }
  });

  it("gives no rate and no average when nothing is known", () => {
    const empty = editionReport([pair({ status: "PENDING", scheduled: false })]);
    expect(empty.totals).toMatchObject({ requested: 1, noShowRate: null, ratingAverage: null });
    expect(editionReport([]).by.firm).toEqual([]);
  });
});

describe("compareTotals", () => {
  it("puts two editions side by side with the change", () => {
    const now = editionReport([pair({ firmOutcome: outcome({ intendedOrderUsd: 300 }) }), pair()]).totals;
    const before = editionReport([pair({ firmOutcome: outcome({ intendedOrderUsd: 100 }) })]).totals;
    const rows = compareTotals(now, before);
    expect(rows.find((row) => row.figure === "requested")).toEqual({ figure: "requested", current: 2, earlier: 1, change: 1 });
    expect(rows.find((row) => row.figure === "intendedUsd")?.change).toBe(200);
    expect(rows.find((row) => row.figure === "ratingAverage")).toMatchObject({ current: null, change: null });
  });
});

describe("a meeting whose pair was declined or cancelled after publishing", () => {
  // The meeting row stays (the feeds send it as CANCELLED) and an outcome may have been recorded before.
  const pairs: ReportPair[] = [
    pair({ firmOutcome: outcome({ orderPlaced: true, confirmedOrderUsd: 1_000 }) }),
    pair({ status: "DECLINED", scheduled: true, firmOutcome: outcome({ orderPlaced: true, confirmedOrderUsd: 9_000, intendedOrderUsd: 9_000 }) }),
    pair({ status: "DECLINED", scheduled: true }),
    // Dropped by a rerun: no meeting any more.
    pair({ scheduled: false, buyerOutcome: outcome() }),
  ];

  it("is neither scheduled nor held in the report, nor are its values counted", () => {
    const { totals } = editionReport(pairs);
    expect(totals).toMatchObject({ requested: 4, agreed: 2, scheduled: 1, recorded: 1, held: 1, orders: 1, confirmedUsd: 1_000, intendedUsd: 0 });
  });

  it("is no result at an earlier fair for the delegation score", () => {
    expect(resultsOf(pairs)).toEqual({ held: 1, orders: 1 });
    expect(resultsOf([pair({ firmOutcome: outcome({ attendance: "NO_SHOW_BUYER" }) }), pair({ buyerOutcome: outcome() })])).toEqual({ held: 1, orders: 0 });
  });
});
