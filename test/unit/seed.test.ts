import { describe, expect, it } from "vitest";
import { isValidUscc } from "~/modules/firm/uscc";
import { isKnownHsCode } from "~/modules/hs/nomenclature.server";
import { buyerSeed, firmSeed, productSeed, requestSeed, scales } from "../../prisma/seed/demo";
import { clusterTowns as towns } from "../../prisma/seed/reference";

describe("demo data", () => {
  const scale = scales.small;
  const today = new Date("2026-11-25T00:00:00Z");

  // Written down once from a run: a change to the generator (or a random
  // source that is not seeded) shows up here.
  it("is the same on every run", () => {
    expect(firmSeed(7)).toMatchObject({
      id: "seed-f-000007",
      slug: "huiming-hardware-xiaolan",
      uscc: "91442000303709771H",
      townSlug: "xiaolan",
      clusterSlug: "hardware",
      name: { "zh-CN": { text: "中山市小榄辉明五金制品有限公司" }, pt: { text: "Huiming Ferragens (Zhongshan)" } },
      foundedYear: 1993,
      employeesBand: "1000+",
      exportMarkets: ["MX", "TH", "AO", "SA", "KE", "NG", "VN", "FR"],
      verification: "REJECTED",
      published: false,
    });
    expect(productSeed(123, scale)).toMatchObject({
      id: "seed-p-0000123",
      slug: "conference-table-xi-ct404",
      firmId: "seed-f-000003",
      hsCode: "940330",
      name: { "zh-CN": { text: "钢 会议桌 XI-CT404" }, pt: { text: "Mesa de reunião de aço XI-CT404" } },
      moq: 150,
      priceMinUsd: "220.84",
      priceMaxUsd: "408.85",
      leadTimeDays: 50,
      certifications: ["BIFMA", "GS", "ISO9001"],
      published: true,
    });
    expect(requestSeed(5, scale, today)).toMatchObject({
      id: "seed-r-000005",
      buyerCompanyId: "seed-b-000005",
      title: { en: { text: "Looking for microwave oven: 250 units" } },
      hsCodes: ["851650"],
      quantity: 250,
      targetPriceUsd: "117.44",
      requiredCertifications: ["CE"],
      destinationCountry: "MY",
      status: "CLOSED",
    });
    expect(requestSeed(5, scale, today).deadline.toISOString()).toBe("2026-11-17T00:00:00.000Z");
  });

  it("spreads firms over the six specialty towns with valid, unique credit codes and slugs", () => {
    const firms = Array.from({ length: scales.medium.firms }, (_, i) => firmSeed(i));
    expect(new Set(firms.map((f) => f.townSlug))).toEqual(new Set(towns.map((t) => t.slug)));
    expect(firms.every((f) => isValidUscc(f.uscc))).toBe(true);
    expect(new Set(firms.map((f) => f.uscc)).size).toBe(firms.length);
    expect(new Set(firms.map((f) => f.slug)).size).toBe(firms.length);
    expect(firms.every((f) => f.name["zh-CN"]?.text.startsWith("中山市"))).toBe(true);
  });

  it("gives every product a real HS 2022 code of its firm's cluster", () => {
    for (let i = 0; i < scale.products; i++) {
      const product = productSeed(i, scale);
      expect(isKnownHsCode(product.hsCode), product.hsCode).toBe(true);
      expect(Number(product.priceMinUsd)).toBeLessThanOrEqual(Number(product.priceMaxUsd));
      expect(product.name["zh-CN"]?.text).toBeTruthy();
    }
  });

  it("has buyers mostly from Portuguese-speaking countries, and requests for real HS codes", () => {
    const buyers = Array.from({ length: 400 }, (_, i) => buyerSeed(i));
    const lusophone = buyers.filter((b) => ["BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL", "GQ"].includes(b.country)).length;
    expect(lusophone / buyers.length).toBeGreaterThan(0.5);
    expect(buyerSeed(0)).toMatchObject({ country: "BR", locale: "pt" });
    for (let i = 0; i < scale.requests; i++) {
      const request = requestSeed(i, scale, today);
      expect(request.hsCodes.every(isKnownHsCode)).toBe(true);
    }
    expect(requestSeed(0, scale, today)).toMatchObject({ status: "OPEN", quantity: 500, hsCodes: ["940511"], requiredCertifications: ["CE", "INMETRO"] });
  });
});
