import { describe, expect, it } from "vitest";
import { attributeDefinitions, portugueseNames, productTypes, specSheet, vocabularyName, type Names } from "./vocabulary";

const locales = ["zh-CN", "en", "pt-BR", "pt-PT"] as const;

describe("product vocabularies", () => {
  it("names every product type and attribute value in every language and Portuguese variant", () => {
    const named = (names: Names, what: string) => {
      for (const locale of locales) expect(vocabularyName(names, locale), `${what} ${locale}`).toBeTruthy();
      // Portuguese is one shared word or two different ones, never the same word twice.
      expect(new Set(portugueseNames(names)).size, what).toBe(portugueseNames(names).length);
    };
    for (const type of productTypes) {
      named(type.names, type.key);
      if (type.plain) named(type.plain, `${type.key} plain`);
      if (type.material) expect(Object.keys(attributeDefinitions.material.values).concat(Object.keys(attributeDefinitions.fabric.values))).toContain(type.material);
    }
    for (const [key, definition] of Object.entries(attributeDefinitions)) {
      if (definition.kind !== "enum") continue;
      for (const [value, names] of Object.entries(definition.values)) named(names, `${key}.${value}`);
    }
    expect(new Set(productTypes.map((type) => type.key)).size).toBe(productTypes.length);
  });

  it("speaks each Portuguese variant's own words, and indexes both", () => {
    const fridge = productTypes.find((type) => type.key === "refrigerator")!;
    expect(vocabularyName(fridge.names, "pt-BR")).toBe("geladeira");
    expect(vocabularyName(fridge.names, "pt-PT")).toBe("frigorífico");
    expect(vocabularyName(fridge.names, "pt")).toBe("geladeira · frigorífico");
    const jeans = productTypes.find((type) => type.key === "jeans")!;
    expect(vocabularyName(jeans.names, "pt-BR")).toBe("calça jeans masculina");
    expect(vocabularyName(jeans.names, "pt-PT")).toBe("calças de ganga masculinas");
  });

  it("reads a spec sheet in the reader's language, ignoring unknown values", () => {
    const rows = specSheet({ type: "ceiling-light", colourTempK: 4000, finish: "grey", ipRating: "IP99", powerW: "x" }, "pt-BR");
    expect(rows).toEqual([
      { key: "finish", label: "Acabamento", value: "cinza" },
      { key: "colourTempK", label: "Temperatura de cor", value: "4.000 K" },
    ]);
    expect(specSheet({ finish: "grey" }, "pt-PT")).toEqual([{ key: "finish", label: "Acabamento", value: "cinzento" }]);
    expect(specSheet({ material: "toString" }, "en")).toEqual([]);
  });
});
