import { describe, expect, it } from "vitest";
import { productTypes } from "~/modules/product/vocabulary";
import { buildNomenclature, findHsEntry, hsTitle, isKnownHsCode } from "./nomenclature.server";

describe("the HS nomenclature", () => {
  const nomenclature = buildNomenclature();

  it("has every chapter (01–97 without the reserved 77), heading and subheading of HS 2022 with English titles", () => {
    const levels = nomenclature.entries.reduce<Record<number, number>>((acc, e) => ({ ...acc, [e.level]: (acc[e.level] ?? 0) + 1 }), {});
    expect(levels).toEqual({ 2: 96, 4: 1228, 6: 5612 });
    expect(nomenclature.entries.every((entry) => entry.titles.en)).toBe(true);
    expect(nomenclature.sections.get("XX")).toMatch(/miscellaneous manufactured articles/i);
  });

  it("joins Portuguese NCM text on the code's digits, falling back to the heading", () => {
    expect(findHsEntry("9405")?.titles.pt).toMatch(/^Aparelhos de iluminação/);
    expect(findHsEntry("9405")?.sources.pt).toBe("ncm");
    // HS 2022 split 9405.11 (LED) from NCM 2016's 9405.10: the heading's text stands in.
    const led = findHsEntry("940511");
    expect(led?.sources.pt).toBe("heading");
    expect(led?.titles.pt).toBe(findHsEntry("9405")?.titles.pt);
    expect(findHsEntry("610910")?.titles.pt).toBe("Camisetas, incluindo as interiores, de malha: de algodão");
  });

  it("knows every HS code the product vocabulary uses", () => {
    for (const type of productTypes) expect(isKnownHsCode(type.hs), `${type.key} ${type.hs}`).toBe(true);
    expect(isKnownHsCode("940510")).toBe(false); // an HS 2017 code, gone in 2022
    expect(isKnownHsCode("9999")).toBe(false); // statistical "not specified", not HS
    expect(isKnownHsCode("77")).toBe(false); // reserved chapter
  });

  it("names a code in the reader's language", () => {
    expect(hsTitle("9405", "pt")).toMatch(/iluminação/);
    expect(hsTitle("9405", "en")).toMatch(/^Luminaires/);
    expect(hsTitle("0000", "en")).toBeNull();
  });
});
