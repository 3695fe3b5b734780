import { describe, expect, it } from "vitest";
import { computeProblemFigures, groupProblemFigures, type ProblemFigureRow } from "./figures";

const now = new Date("2026-12-20T00:00:00Z");
const day = 86_400_000;
const row = (overrides: Partial<ProblemFigureRow>): ProblemFigureRow => ({
  category: "customs",
  status: "OPEN",
  townId: "guzhen",
  clusterId: "lighting",
  createdAt: new Date(now.getTime() - day),
  firstAnswerDueAt: new Date(now.getTime() + day),
  firstAnsweredAt: null,
  rating: null,
  ...overrides,
});

describe("problem figures", () => {
  it("count statuses, overdue problems, ages, answer times and ratings", () => {
    const rows = [
      row({}),
      // Open for 10 days, no answer, past its deadline.
      row({ createdAt: new Date(now.getTime() - 10 * day), firstAnswerDueAt: new Date(now.getTime() - 8 * day) }),
      // Answered in 4 hours, in time, closed, rated 5.
      row({ status: "CLOSED", createdAt: new Date(now.getTime() - 5 * day), firstAnswerDueAt: new Date(now.getTime() - 3 * day), firstAnsweredAt: new Date(now.getTime() - 5 * day + 4 * 3_600_000), rating: 5 }),
      // Answered late after 72 hours, still waiting for the firm, rated nothing.
      row({ status: "ANSWERED", createdAt: new Date(now.getTime() - 40 * day), firstAnswerDueAt: new Date(now.getTime() - 38 * day), firstAnsweredAt: new Date(now.getTime() - 37 * day) }),
      // Closed, unanswered, past due: not counted as overdue (closed); rated 2.
      row({ status: "CLOSED", createdAt: new Date(now.getTime() - 9 * day), firstAnswerDueAt: new Date(now.getTime() - 7 * day), rating: 2 }),
    ];
    const figures = computeProblemFigures(rows, now);
    expect(figures).toMatchObject({ raised: 5, open: 2, answered: 1, closed: 2, overdue: 1, slaMetPercent: 50, medianFirstAnswerHours: 38, ratings: 2, averageRating: 3.5 });
    expect(figures.ratingCounts).toEqual([0, 1, 0, 0, 1]);
    expect(figures.openByAge).toEqual({ underTwoDays: 1, underWeek: 0, underMonth: 1, older: 1 });
  });

  it("has no rates without answers or ratings", () => {
    expect(computeProblemFigures([], now)).toMatchObject({ raised: 0, slaMetPercent: null, medianFirstAnswerHours: null, averageRating: null });
  });

  it("groups by category (every category shown), town or cluster", () => {
    const rows = [row({ category: "customs" }), row({ category: "customs", townId: null }), row({ category: "tradeDispute", townId: "xiaolan" })];
    const byCategory = groupProblemFigures(rows, "category", now);
    expect(byCategory.map((group) => [group.key, group.raised])).toEqual([
      ["customs", 2],
      ["tradeDispute", 1],
      ["exportLicence", 0],
      ["fairLogistics", 0],
      ["other", 0],
      ["subsidyClaim", 0],
    ]);
    const byTown = groupProblemFigures(rows, "town", now);
    expect(byTown.map((group) => [group.key, group.raised])).toEqual([
      ["guzhen", 1],
      [null, 1],
      ["xiaolan", 1],
    ]);
  });
});
