import { describe, expect, it } from "vitest";
import { canonical, mergeFirmCertifications, mergeImportedText } from "./merge";

describe("applying imported rows to stored records", () => {
  const stored = {
    "zh-CN": { text: "LED吸顶灯", origin: "author" },
    "zh-Hant": { text: "LED吸頂燈", origin: "converted" },
    en: { text: "LED ceiling light", origin: "machine" },
  };

  it("changes nothing when the columns say what is stored", () => {
    expect(mergeImportedText(stored, { "zh-CN": "LED吸顶灯", en: null, pt: null })).toEqual(stored);
  });

  it("replaces written text and drops texts derived from the old one", () => {
    expect(mergeImportedText(stored, { "zh-CN": "LED筒灯", en: null, pt: "spot LED" })).toEqual({
      "zh-CN": { text: "LED筒灯", origin: "author" },
      pt: { text: "spot LED", origin: "author" },
    });
  });

  it("removes a written language whose cell is empty", () => {
    expect(mergeImportedText({ en: { text: "Lamp", origin: "author" }, pt: { text: "Lâmpada", origin: "author" } }, { "zh-CN": null, en: "Lamp", pt: null })).toEqual({
      en: { text: "Lamp", origin: "author" },
    });
  });

  it("keeps certification dates already stored", () => {
    const certs = [{ code: "CE", validFrom: "2024-01-01", validUntil: "2027-12-31" }, { code: "UL" }];
    expect(mergeFirmCertifications(certs, ["CE", "RoHS"])).toEqual([{ code: "CE", validFrom: "2024-01-01", validUntil: "2027-12-31" }, { code: "RoHS" }]);
  });

  it("compares JSON whatever its key order", () => {
    expect(JSON.stringify(canonical({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 2 } }))).toBe('{"a":{"c":2,"d":[1,{"e":2,"f":1}]},"b":1}');
  });
});
