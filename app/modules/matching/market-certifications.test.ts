import { describe, expect, it } from "vitest";
import type { CertificationRule } from "~/modules/reference/certificate-validity";
import { marketCertifications } from "./market-certifications";
import { MATCH_WEIGHTS, scoreMatch, type MatchProduct } from "./score";
import { demoRequest } from "./score.fixtures";

/** Certifications that matter "for Brazil" (issue 14): the bureau's rules give the markets, score.ts counts what the product holds. */
const rule = (code: string, markets: string[]): [string, CertificationRule] => [code, { code, markets, validityMonths: null, expiryRequired: false, reminderDays: [60, 15] }];
const rules = new Map([rule("INMETRO", ["BR"]), rule("CE", ["EU"]), rule("RoHS", ["EU"]), rule("UL", ["US", "CA"]), rule("ISO9001", [])]);

const product: MatchProduct = {
  hsCode: "940511",
  textScore: 0.9,
  certifications: ["INMETRO", "UL"],
  moq: 200,
  moqUnit: "pieces",
  priceMinUsd: 12.5,
  markets: [],
  languages: ["zh"],
  verified: true,
  quality: 50,
};

describe("marketCertifications", () => {
  it("lists the certifications that matter for the destination, then the buyer's country, the EU's members included", () => {
    expect(marketCertifications({ destinationCountry: "BR", buyerCountry: "BR" }, rules)).toEqual([{ country: "BR", codes: ["INMETRO"] }]);
    expect(marketCertifications({ destinationCountry: "AO", buyerCountry: "PT" }, rules)).toEqual([{ country: "PT", codes: ["CE", "RoHS"] }]);
    expect(marketCertifications({ destinationCountry: "AO", buyerCountry: null }, rules)).toEqual([]);
    // A market the bureau removes from the rule no longer counts.
    expect(marketCertifications({ destinationCountry: "BR", buyerCountry: null }, new Map([rule("INMETRO", [])]))).toEqual([]);
  });
});

describe("the 'required for the market' reason", () => {
  const request = { ...demoRequest, requiredCertifications: [], marketCertifications: marketCertifications({ destinationCountry: "BR", buyerCountry: "BR" }, rules) };

  it("names a held certification that matters where the goods go, and counts it a little", () => {
    const held = scoreMatch(request, product);
    expect(held.reasons.find((reason) => reason.code === "cert.market")).toEqual({ code: "cert.market", params: { codes: ["INMETRO"], country: "BR" }, points: MATCH_WEIGHTS.certMarketEach });
    const without = scoreMatch(request, { ...product, certifications: ["UL"] });
    expect(without.reasons.map((reason) => reason.code)).not.toContain("cert.market");
    expect(held.score).toBeGreaterThan(without.score);
    // Without the rules (a request read before they existed) nothing is counted.
    expect(scoreMatch({ ...request, marketCertifications: undefined }, product).reasons.map((reason) => reason.code)).not.toContain("cert.market");
  });

  it("names each country's certifications once, and counts them up to a small maximum", () => {
    const both = { ...request, marketCertifications: marketCertifications({ destinationCountry: "BR", buyerCountry: "PT" }, rules) };
    const result = scoreMatch(both, { ...product, certifications: ["INMETRO", "CE", "RoHS"] });
    const market = result.reasons.filter((reason) => reason.code === "cert.market");
    expect(market.map((reason) => reason.params)).toEqual([
      { codes: ["INMETRO"], country: "BR" },
      { codes: ["CE", "RoHS"], country: "PT" },
    ]);
    expect(market.reduce((sum, reason) => sum + reason.points, 0)).toBe(MATCH_WEIGHTS.certMarketMax);
  });
});
