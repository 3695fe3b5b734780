import { describe, expect, it } from "vitest";
import { productTypes } from "~/modules/product/vocabulary";
import { buildNomenclature, findHsEntry, hsTitle, hsTitleSource, isKnownHsCode, resolveHsInput } from "./nomenclature.server";

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

  it("takes NCM's subheading text only where the code means the same in HS 2012 and HS 2022", () => {
    for (const code of ["940511", "940521", "940542"]) {
      expect(findHsEntry(code)?.sources.pt, code).toBe("heading");
      expect(hsTitleSource(code, "pt")).toEqual({ source: "heading", of: "9405" });
    }
    // 7019.19 exists in both editions with another meaning: NCM's text would be wrong.
    expect(findHsEntry("701919")?.sources.pt).toBe("heading");
    expect(hsTitleSource("610910", "pt")).toEqual({ source: "ncm", of: "610910" });
    expect(hsTitleSource("940511", "en")).toEqual({ source: "hs2022", of: "940511" });
  });

  it("reads codes of earlier editions with the UNSD correlation tables", () => {
    expect(resolveHsInput("940540")).toMatchObject({ kind: "ambiguous", code: "9405", edition: "2017", candidates: ["853951", "940541", "940542", "940549"] });
    expect(resolveHsInput("620193")).toMatchObject({ kind: "mapped", code: "620140" });
    expect(resolveHsInput("8516600000")).toEqual({ kind: "current", code: "851660", nationalCode: "8516600000" });
    expect(resolveHsInput("300219")).toEqual({ kind: "unknown", code: "300219" });
  });

  it("knows every HS code the product vocabulary uses", () => {
    for (const type of productTypes) expect(isKnownHsCode(type.hs), `${type.key} ${type.hs}`).toBe(true);
    expect(isKnownHsCode("940510")).toBe(false); // an HS 2017 code, gone in 2022
    expect(isKnownHsCode("9999")).toBe(false); // statistical "not specified", not HS
    expect(isKnownHsCode("77")).toBe(false); // reserved chapter
  });

  it("has Chinese names from the customs tariff for every chapter, the specialty towns' headings and the vocabulary's subheadings", () => {
    const chapters = nomenclature.entries.filter((entry) => entry.level === 2);
    expect(chapters.every((entry) => entry.titles["zh-CN"] && entry.sources["zh-CN"] === "cn-customs-tariff-2022")).toBe(true);
    for (const chapter of ["39", "44", "61", "62", "73", "82", "83", "84", "85", "94"]) {
      const headings = nomenclature.entries.filter((entry) => entry.level === 4 && entry.parent === chapter);
      expect(headings.length, chapter).toBeGreaterThan(5);
      expect(headings.filter((entry) => !entry.titles["zh-CN"]).map((entry) => entry.code), chapter).toEqual([]);
    }
    for (const type of productTypes) expect(findHsEntry(type.hs)?.titles["zh-CN"], type.key).toBeTruthy();
    expect(findHsEntry("94")?.titles["zh-CN"]).toMatch(/^家具/);
    expect(findHsEntry("9405")?.titles["zh-CN"]).toMatch(/灯具及照明装置/);
    expect(findHsEntry("940511")?.titles["zh-CN"]).toMatch(/发光二极管/);
    expect(findHsEntry("8301")?.titles["zh-CN"]).toMatch(/挂锁及锁/);
    // Every Chinese line names a real HS 2022 code (a typo would silently vanish).
    const zhCount = nomenclature.entries.filter((entry) => entry.titles["zh-CN"]).length;
    expect(zhCount).toBe(420);
  });

  it("names a code in the reader's language", () => {
    expect(hsTitle("9405", "pt")).toMatch(/iluminação/);
    expect(hsTitle("9405", "en")).toMatch(/^Luminaires/);
    expect(hsTitle("0000", "en")).toBeNull();
    expect(hsTitle("9405", "zh-CN")).toMatch(/^其他税目未列名的灯具/);
    // A subheading without its own Chinese line shows its heading's Chinese name.
    expect(hsTitle("610120", "zh-CN")).toBe(findHsEntry("6101")?.titles["zh-CN"]);
  });
});
