import { describe, expect, it } from "vitest";
import { TargetingRulesSchema, hasCriteria, readRules, type TargetingRules } from "./rules";
import { evaluateTargeting, heldCertifications, selectAudience, type FirmTargetProfile } from "./targeting";

const today = "2026-12-07";
const rules = (input: Record<string, unknown>): TargetingRules => TargetingRulesSchema.parse(input);

const lightingBrazil: FirmTargetProfile = {
  firmId: "f-light",
  townId: "guzhen",
  clusterId: "lighting",
  hsCodes: ["940511", "853950"],
  exportMarkets: ["BR", "PT"],
  certifications: [{ code: "CE" }, { code: "INMETRO", validUntil: "2026-01-01" }],
  sizeBand: "50-99",
  verified: true,
};
const locksChile: FirmTargetProfile = {
  firmId: "f-locks",
  townId: "xiaolan",
  clusterId: "hardware",
  hsCodes: ["830140"],
  exportMarkets: ["CL"],
  certifications: [{ code: "ISO9001", validUntil: "2030-01-01" }],
  sizeBand: null,
  verified: false,
};

describe("evaluateTargeting", () => {
  it("matches every firm when the rules say nothing, with the reason 'everyone'", () => {
    expect(evaluateTargeting(rules({}), locksChile, today)).toEqual({ match: true, reasons: [{ key: "everyone", params: {} }] });
  });

  it("gives one reason per criterion that matched: cluster and export market", () => {
    const result = evaluateTargeting(rules({ clusterIds: ["lighting"], markets: ["br"] }), lightingBrazil, today);
    expect(result).toEqual({
      match: true,
      reasons: [
        { key: "cluster", params: { clusterId: "lighting" } },
        { key: "market", params: { country: "BR" } },
      ],
    });
  });

  it("needs every criterion (AND) but any value within one (OR)", () => {
    const r = rules({ clusterIds: ["lighting", "hardware"], markets: ["BR"] });
    expect(evaluateTargeting(r, lightingBrazil, today).match).toBe(true);
    expect(evaluateTargeting(r, locksChile, today)).toEqual({ match: false, failed: ["market"] });
  });

  it("matches towns", () => {
    expect(evaluateTargeting(rules({ townIds: ["xiaolan"] }), locksChile, today).match).toBe(true);
    expect(evaluateTargeting(rules({ townIds: ["xiaolan"] }), lightingBrazil, today)).toEqual({ match: false, failed: ["town"] });
  });

  it("matches HS chapters and headings by prefix of the products' codes", () => {
    expect(evaluateTargeting(rules({ hsCodes: ["94"] }), lightingBrazil, today)).toMatchObject({ match: true, reasons: [{ key: "hs", params: { code: "94" } }] });
    expect(evaluateTargeting(rules({ hsCodes: ["9405"] }), lightingBrazil, today).match).toBe(true);
    expect(evaluateTargeting(rules({ hsCodes: ["9403"] }), lightingBrazil, today).match).toBe(false);
    expect(evaluateTargeting(rules({ hsCodes: ["83"] }), { ...locksChile, hsCodes: [] }, today).match).toBe(false);
  });

  it("counts only certifications still valid as held", () => {
    expect([...heldCertifications(lightingBrazil, today)]).toEqual(["CE"]);
    // INMETRO expired in January: the firm is one that lacks it.
    expect(evaluateTargeting(rules({ certificationsMissing: ["INMETRO"] }), lightingBrazil, today)).toMatchObject({
      match: true,
      reasons: [{ key: "certificationMissing", params: { code: "INMETRO" } }],
    });
    expect(evaluateTargeting(rules({ certificationsHeld: ["INMETRO"] }), lightingBrazil, today).match).toBe(false);
    expect(evaluateTargeting(rules({ certificationsHeld: ["ce"] }), lightingBrazil, today).match).toBe(true);
    expect(evaluateTargeting(rules({ certificationsMissing: ["ISO9001"] }), locksChile, today)).toEqual({ match: false, failed: ["certificationMissing"] });
  });

  it("matches size bands; a firm without one never matches a size rule", () => {
    expect(evaluateTargeting(rules({ sizeBands: ["50-99", "100-299"] }), lightingBrazil, today).match).toBe(true);
    expect(evaluateTargeting(rules({ sizeBands: ["50-99"] }), locksChile, today)).toEqual({ match: false, failed: ["size"] });
  });

  it("matches verified or unverified firms", () => {
    expect(evaluateTargeting(rules({ verified: "verified" }), lightingBrazil, today)).toEqual({ match: true, reasons: [{ key: "verified", params: {} }] });
    expect(evaluateTargeting(rules({ verified: "verified" }), locksChile, today).match).toBe(false);
    expect(evaluateTargeting(rules({ verified: "unverified" }), locksChile, today).match).toBe(true);
    expect(evaluateTargeting(rules({ verified: "unverified" }), lightingBrazil, today).match).toBe(false);
  });

  it("lists every criterion that failed", () => {
    const r = rules({ townIds: ["guzhen"], clusterIds: ["lighting"], markets: ["BR"], sizeBands: ["1000+"], verified: "verified" });
    expect(evaluateTargeting(r, locksChile, today)).toEqual({ match: false, failed: ["town", "cluster", "market", "size", "verified"] });
  });
});

describe("selectAudience", () => {
  it("keeps exactly the firms the rules match, with their reasons", () => {
    const audience = selectAudience(rules({ markets: ["BR", "CL"] }), [lightingBrazil, locksChile], today);
    expect(audience.map((row) => row.firmId)).toEqual(["f-light", "f-locks"]);
    expect(audience[1].reasons).toEqual([{ key: "market", params: { country: "CL" } }]);
    expect(selectAudience(rules({ markets: ["AO"] }), [lightingBrazil, locksChile], today)).toEqual([]);
  });

  it("agrees with evaluateTargeting on a generated population", () => {
    const towns = ["guzhen", "xiaolan", "nantou"];
    const markets = ["BR", "PT", "AO", "CL"];
    const population: FirmTargetProfile[] = Array.from({ length: 300 }, (_, i) => ({
      firmId: `f${i}`,
      townId: towns[i % 3],
      clusterId: i % 5 === 0 ? null : `c${i % 4}`,
      hsCodes: i % 7 === 0 ? [] : [`94${String(i % 10).padStart(2, "0")}10`],
      exportMarkets: markets.filter((_, m) => (i >> m) & 1),
      certifications: i % 2 ? [{ code: "CE" }] : [],
      sizeBand: i % 3 ? "50-99" : null,
      verified: i % 4 !== 0,
    }));
    const r = rules({ townIds: ["guzhen", "nantou"], markets: ["BR", "AO"], hsCodes: ["9401", "9403"], verified: "verified" });
    const expected = population.filter(
      (f) =>
        (f.townId === "guzhen" || f.townId === "nantou") &&
        (f.exportMarkets.includes("BR") || f.exportMarkets.includes("AO")) &&
        f.hsCodes.some((hs) => hs.startsWith("9401") || hs.startsWith("9403")) &&
        f.verified,
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(selectAudience(r, population, today).map((row) => row.firmId)).toEqual(expected.map((f) => f.firmId));
  });
});

describe("the rules schema", () => {
  it("normalises codes and refuses malformed ones", () => {
    expect(rules({ markets: ["br"], certificationsHeld: ["ce"] })).toMatchObject({ markets: ["BR"], certificationsHeld: ["CE"] });
    expect(TargetingRulesSchema.safeParse({ hsCodes: ["940"] }).success).toBe(false);
    expect(TargetingRulesSchema.safeParse({ markets: ["Brazil"] }).success).toBe(false);
    expect(TargetingRulesSchema.safeParse({ sizeBands: ["huge"] }).success).toBe(false);
    expect(TargetingRulesSchema.safeParse({ unknownRule: ["x"] }).success).toBe(false);
    expect(TargetingRulesSchema.safeParse({ townIds: Array.from({ length: 61 }, (_, i) => `t${i}`) }).success).toBe(false);
  });

  it("reads stored rules defensively: malformed is null (nobody), absent is everyone", () => {
    expect(readRules({ markets: [42] })).toBeNull();
    expect(readRules(null)).toEqual(rules({}));
    expect(hasCriteria(rules({}))).toBe(false);
    expect(hasCriteria(rules({ verified: "verified" }))).toBe(true);
  });
});
