import { describe, expect, it } from "vitest";
import { demoRequest } from "~/modules/matching/score.fixtures";
import type { MatchProduct } from "~/modules/matching/score";
import { profileAsRequest, rankFirmsForBuyer } from "./firm-ranking";

const product = (overrides: Partial<MatchProduct> = {}): MatchProduct => ({
  hsCode: "940511",
  textScore: 0,
  certifications: ["CE", "INMETRO"],
  moq: 100,
  moqUnit: "pieces",
  priceMinUsd: 20,
  markets: ["BR"],
  languages: ["pt", "zh"],
  verified: true,
  quality: 90,
  ...overrides,
});

describe("the delegation's firms ranked for a buyer", () => {
  it("ranks by the matching score with its reasons, firms without a fitting product last", () => {
    const ranked = rankFirmsForBuyer(
      [demoRequest],
      [
        { id: "rice-cookers", products: [{ id: "p1", product: product({ hsCode: "851660" }) }] },
        { id: "weaker", products: [{ id: "p2", product: product({ certifications: [], markets: [] }) }] },
        { id: "best", products: [{ id: "p3", product: product() }, { id: "p4", product: product({ priceMinUsd: 30 }) }] },
      ],
    );
    expect(ranked.map((firm) => firm.firmId)).toEqual(["best", "weaker", "rice-cookers"]);
    expect(ranked[0].reasons.map((reason) => reason.code)).toContain("hs.exact");
    expect(ranked[0].productIds).toEqual(["p3", "p4"]);
    expect(ranked[2]).toMatchObject({ score: 0, reasons: [], requestIndex: null });
  });

  it("takes each firm's best request", () => {
    const lamps = { ...demoRequest, hsCodes: ["9405"] };
    const cookers = { ...demoRequest, hsCodes: ["851660"], requiredCertifications: [] };
    const [firm] = rankFirmsForBuyer([lamps, cookers], [{ id: "f", products: [{ id: "p", product: product({ hsCode: "851660" }) }] }]);
    expect(firm.requestIndex).toBe(1);
  });

  it("falls back on the company's interests, and needs codes for it", () => {
    expect(profileAsRequest({ interests: ["94", "9405"], country: "AO", languages: ["pt"], requiredCertifications: [] }, new Map())?.hsCodes).toEqual(["9405"]);
    expect(profileAsRequest({ interests: ["94"], country: "AO", languages: ["pt"], requiredCertifications: [] }, new Map())).toBeNull();
  });
});
