import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { zhongshanDay } from "~/utils/time-zone";
import { countNarrowed, findAudience, loadTargetProfiles } from "~/modules/notice/profiles.server";
import { emptyRules, type TargetingRules } from "~/modules/notice/rules";
import { rulesSql } from "~/modules/notice/targeting-sql";
import { selectAudience } from "~/modules/notice/targeting";
import { createTownWithCluster } from "../support/inquiry-factories";

/**
 * Issue 11 item 1: the audience's SQL is generated from the criteria of
 * targeting.ts. On a generated population (odd values included: lower-case
 * and empty markets, no town, no size, expired and future certificates,
 * products under several chapters), the database's answer for many
 * generated rules is the pure evaluation's, firm for firm.
 */
const FIRMS = 240;
const MARKETS = ["BR", "br", "PT", "AO", "US", "DE"];
const BANDS = ["1-49", "50-99", "100-299", "300-999", "1000+"] as const;
const HS = ["940511", "940540", "850440", "730890", "392690"];
const today = zhongshanDay();
const day = (offset: number) => zhongshanDay(new Date(Date.now() + offset * 86_400_000));

// A small deterministic generator (mulberry32): the same population and rules every run.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(11);
const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
const some = <T>(values: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(values)))];

let towns: string[] = [];
let clusters: string[] = [];

beforeAll(async () => {
  const places = [await createTownWithCluster(), await createTownWithCluster(), await createTownWithCluster()];
  towns = places.map((place) => place.town.id);
  clusters = places.map((place) => place.cluster.id);
  const firms = Array.from({ length: FIRMS }, (_, i) => ({
    id: `gen-firm-${String(i).padStart(4, "0")}`,
    slug: `gen-firm-${i}`,
    name: { "zh-CN": { text: `生成企业${i}`, origin: "author" } },
    description: {},
    townId: next() < 0.1 ? null : pick(towns),
    clusterId: next() < 0.1 ? null : pick(clusters),
    exportMarkets: some(MARKETS, 3),
    employeesBand: next() < 0.15 ? null : pick(BANDS),
    certifications: some(["CE", "INMETRO", "UL"], 2).map((code) => {
      const state = pick(["open", "valid", "expired", "future"]);
      if (state === "valid") return { code, validFrom: day(-100), validUntil: day(100) };
      if (state === "expired") return { code, validFrom: day(-400), validUntil: day(-1) };
      if (state === "future") return { code, validFrom: day(10) };
      return { code };
    }),
    verification: pick(["PENDING", "VERIFIED", "REJECTED"] as const),
    published: true,
  }));
  await prisma.firm.createMany({ data: firms });
  await prisma.product.createMany({
    data: firms.flatMap((firm, i) =>
      some(HS, 2).map((hsCode, j) => ({ slug: `gen-product-${i}-${j}`, firmId: firm.id, hsCode, name: { "zh-CN": { text: `产品${i}-${j}`, origin: "author" } }, description: {}, moqUnit: "pieces" })),
    ),
  });
});

function generatedRules(): TargetingRules {
  const sometimes = (share: number) => next() < share;
  return {
    ...emptyRules,
    townIds: sometimes(0.3) ? some(towns, 2) : [],
    clusterIds: sometimes(0.3) ? some([...clusters, "no-such-cluster"], 2) : [],
    hsCodes: sometimes(0.25) ? some(["94", "9405", "85", "7308", "39", "01"], 2) : [],
    markets: sometimes(0.4) ? some(["BR", "PT", "AO", "US", "MZ"], 2) : [],
    certificationsHeld: sometimes(0.15) ? some(["CE", "INMETRO", "UL"], 2) : [],
    certificationsMissing: sometimes(0.15) ? some(["CE", "INMETRO", "UL"], 2) : [],
    sizeBands: sometimes(0.25) ? some(BANDS, 2) : [],
    verified: pick(["any", "any", "verified", "unverified"] as const),
  };
}

describe("the audience's SQL, generated from the targeting criteria", () => {
  it("selects exactly the firms the pure evaluation matches, for every generated rule set", async () => {
    const everyProfile = await loadTargetProfiles({ rules: null });
    expect(everyProfile.length).toBeGreaterThanOrEqual(FIRMS);
    let exactSets = 0;
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      const rules = generatedRules();
      const expected = selectAudience(rules, everyProfile, today);
      if (expected.length) nonEmpty++;
      const found = await findAudience(rules);
      expect(found.firms, JSON.stringify(rules)).toEqual(expected);
      expect(found.count).toBe(expected.length);
      const listed = await findAudience(rules, { listed: 5 });
      expect(listed.count, JSON.stringify(rules)).toBe(expected.length);
      expect(listed.firms).toEqual(expected.slice(0, 5));
      const sql = rulesSql(rules);
      if (sql.exact) {
        exactSets++;
        // Said in SQL alone: the database's firms are the evaluation's, firm for firm.
        const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT f."id" FROM "Firm" f WHERE ${sql.where} ORDER BY f."id"`, ...sql.params);
        expect(rows.map((row) => row.id), JSON.stringify(rules)).toEqual(expected.map((row) => row.firmId));
        expect(await countNarrowed(rules)).toBe(expected.length);
      }
    }
    // The generator exercised both kinds of rule sets, and found firms.
    expect(exactSets).toBeGreaterThan(10);
    expect(exactSets).toBeLessThan(60);
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it("says every criterion but the certificates' in SQL", () => {
    const all: TargetingRules = { ...emptyRules, townIds: ["t"], clusterIds: ["c"], hsCodes: ["94"], markets: ["BR"], sizeBands: ["1-49"], verified: "verified" };
    expect(rulesSql(all).exact).toBe(true);
    expect(rulesSql({ ...all, certificationsHeld: ["CE"] }).exact).toBe(false);
    expect(rulesSql(emptyRules)).toEqual({ where: "TRUE", params: [], exact: true });
  });
});
