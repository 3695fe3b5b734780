import { describe, expect, it } from "vitest";
import { isValidUscc } from "~/modules/firm/uscc";
import { isKnownHsCode } from "~/modules/hs/nomenclature.server";
import { buyerSeed, firmSeed, productSeed, requestSeed, scales } from "../../prisma/seed/demo";
import { towns } from "../../prisma/seed/reference";

describe("demo data", () => {
  const scale = scales.small;
  const today = new Date("2026-11-25T00:00:00Z");

  it("is the same on every run", () => {
    expect(firmSeed(7)).toEqual(firmSeed(7));
    expect(productSeed(123, scale)).toEqual(productSeed(123, scale));
    expect(requestSeed(5, scale, today)).toEqual(requestSeed(5, scale, today));
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
