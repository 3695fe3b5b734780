import { describe, expect, it } from "vitest";
import { attributeDefinitions, productTypes, specSheet, structuredTitle } from "./vocabulary";

describe("product vocabularies", () => {
  it("names every product type and attribute value in every language", () => {
    for (const type of productTypes) {
      for (const locale of ["zh-CN", "en", "pt"] as const) expect(type.names[locale], `${type.key} ${locale}`).toBeTruthy();
    }
    for (const [key, definition] of Object.entries(attributeDefinitions)) {
      if (definition.kind !== "enum") continue;
      for (const [value, names] of Object.entries(definition.values)) {
        for (const locale of ["zh-CN", "en", "pt"] as const) expect(names[locale], `${key}.${value} ${locale}`).toBeTruthy();
      }
    }
    expect(new Set(productTypes.map((type) => type.key)).size).toBe(productTypes.length);
  });

  it("builds a title in every language from structured data alone", () => {
    const attributes = { type: "ceiling-light", powerW: 24, material: "aluminium" };
    expect(structuredTitle(attributes, "en")).toBe("24 W aluminium LED ceiling light");
    expect(structuredTitle(attributes, "pt")).toBe("Luminária de teto LED 24 W alumínio");
    expect(structuredTitle(attributes, "zh-CN")).toBe("24W 铝合金 LED吸顶灯");
    expect(structuredTitle({ type: "unknown" }, "en")).toBeNull();
    expect(structuredTitle(null, "en")).toBeNull();
  });

  it("reads a spec sheet in the reader's language, ignoring unknown values", () => {
    const rows = specSheet({ type: "ceiling-light", colourTempK: 4000, finish: "black", ipRating: "IP99", powerW: "x" }, "pt");
    expect(rows).toEqual([
      { key: "finish", label: "Acabamento", value: "preto" },
      { key: "colourTempK", label: "Temperatura de cor", value: "4.000 K" },
    ]);
  });
});
