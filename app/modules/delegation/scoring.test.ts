import { describe, expect, it } from "vitest";
import { defaultScoreWeights, rankApplications, rankChanges, scoreApplication, type ApplicantFacts, type ScoringContext } from "./scoring";

const mif: ScoringContext = {
  year: 2026,
  markets: ["BR", "PT", "AO", "MZ", "CV", "GW", "GQ", "ST", "TL"],
  relevantCertifications: ["INMETRO", "CE"],
  priorityClusters: ["lighting", "appliances"],
  profileLocales: ["zh-CN", "pt"],
};

function applicant(id: string, overrides: Partial<ApplicantFacts> = {}): ApplicantFacts {
  return {
    applicationId: id,
    submittedAt: new Date("2026-08-01T00:00:00Z"),
    exportingSince: 2016,
    exportMarkets: ["BR", "PT", "AO"],
    validCertifications: ["CE", "INMETRO"],
    clusterSlug: "lighting",
    completeness: { "zh-CN": 1, pt: 1 },
    verified: true,
    earlierMeetingsHeld: 10,
    earlierOrders: 3,
    earlierDelegations: 0,
    ...overrides,
  };
}

describe("the fair score", () => {
  it("gives a firm that meets every criterion the sum of the weights", () => {
    const score = scoreApplication(applicant("a"), defaultScoreWeights, mif);
    expect(score.max).toBe(100);
    expect(score.total).toBe(100);
    expect(score.parts).toHaveLength(8);
    expect(score.parts.every((part) => part.fraction === 1)).toBe(true);
  });

  it("breaks the score down by criterion with the facts behind each part", () => {
    const score = scoreApplication(
      applicant("b", { exportingSince: 2021, exportMarkets: ["BR", "US"], validCertifications: ["UL"], clusterSlug: "appliances", completeness: { "zh-CN": 1, pt: 0.5 }, verified: false, earlierMeetingsHeld: 5, earlierOrders: 0, earlierDelegations: 2 }),
      defaultScoreWeights,
      mif,
    );
    const part = (criterion: string) => score.parts.find((p) => p.criterion === criterion)!;
    expect(part("exportExperience")).toMatchObject({ fraction: 0.5, points: 10, detail: { years: 5 } });
    expect(part("marketFit").detail).toEqual({ served: 1, markets: 9 });
    expect(part("marketFit").points).toBeCloseTo(6.7, 1);
    expect(part("certifications")).toMatchObject({ fraction: 0, points: 0 });
    expect(part("clusterPriority")).toMatchObject({ fraction: 0.5, detail: { rank: 2 } });
    expect(part("profileCompleteness")).toMatchObject({ fraction: 0.75, points: 7.5 });
    expect(part("verified").points).toBe(0);
    expect(part("earlierResults")).toMatchObject({ fraction: 0.25, points: 2.5 });
    expect(part("firstTime").points).toBe(0);
    expect(score.total).toBeCloseTo(10 + 6.7 + 0 + 5 + 7.5 + 0 + 2.5 + 0, 0);
  });

  it("never goes below zero or past the weight, whatever the facts", () => {
    const score = scoreApplication(applicant("c", { exportingSince: 2090, completeness: { "zh-CN": 7, pt: -3 }, earlierMeetingsHeld: 1e9, earlierOrders: Number.NaN }), defaultScoreWeights, mif);
    for (const part of score.parts) {
      expect(part.fraction).toBeGreaterThanOrEqual(0);
      expect(part.fraction).toBeLessThanOrEqual(1);
    }
  });

  it("gives new exporters a chance: the first-time bonus goes only to firms never in a delegation", () => {
    const weights = { ...defaultScoreWeights, firstTime: 30 };
    const veteran = applicant("veteran", { earlierDelegations: 4, earlierMeetingsHeld: 0, earlierOrders: 0 });
    const newcomer = applicant("newcomer", { earlierDelegations: 0, earlierMeetingsHeld: 0, earlierOrders: 0 });
    expect(rankApplications([veteran, newcomer], weights, mif).map((entry) => entry.applicationId)).toEqual(["newcomer", "veteran"]);
  });
});

describe("ranking and the what-if", () => {
  const applicants = [
    applicant("experienced", { exportingSince: 2000, exportMarkets: ["US"], validCertifications: [] }),
    applicant("lusophone", { exportingSince: 2024, exportMarkets: ["BR", "PT", "AO"] }),
    applicant("tie-late", { submittedAt: new Date("2026-08-05T00:00:00Z"), exportingSince: 2024 }),
    applicant("tie-early", { submittedAt: new Date("2026-08-02T00:00:00Z"), exportingSince: 2024 }),
  ];

  it("ranks best first, ties to the earlier application, the same way every time", () => {
    const ranked = rankApplications(applicants, defaultScoreWeights, mif);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3, 4]);
    const ids = ranked.map((entry) => entry.applicationId);
    expect(ids.indexOf("tie-early")).toBeLessThan(ids.indexOf("tie-late"));
    expect(rankApplications([...applicants].reverse(), defaultScoreWeights, mif)).toEqual(ranked);
  });

  it("moves the ranking when the bureau changes a weight, and says by how much", () => {
    const before = rankApplications(applicants, defaultScoreWeights, mif);
    const after = rankApplications(applicants, { ...defaultScoreWeights, exportExperience: 100, marketFit: 0, certifications: 0 }, mif);
    expect(after[0].applicationId).toBe("experienced");
    const moves = rankChanges(before, after);
    expect(moves.get("experienced")).toBe(before.find((entry) => entry.applicationId === "experienced")!.rank - 1);
    expect([...moves.values()].reduce((sum, move) => sum + move, 0)).toBe(0);
  });
});
