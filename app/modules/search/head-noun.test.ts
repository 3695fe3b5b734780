import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { productTypes } from "~/modules/product/vocabulary";
import { buildHeadIndex, findHead, foldText, headSynonymGroups, latinTokens } from "./head-noun";

const { synonyms } = JSON.parse(fs.readFileSync("app/modules/search/data/vocabulary.json", "utf8")) as { synonyms: string[][] };
const index = buildHeadIndex(productTypes, synonyms);
const head = (q: string) => findHead(q, index);
const lighting = productTypes.filter((type) => type.cluster === "lighting").map((type) => type.key);

describe("the head noun of a query", () => {
  it("in Portuguese is the first product word, whatever follows de/para/com", () => {
    const light = head("luminária LED para teto");
    expect(light?.term).toBe("luminária");
    expect(light?.types).toContain("ceiling-light");
    expect(light?.types).not.toContain("electric-fan");
    expect(light?.types.every((type) => lighting.includes(type))).toBe(true);
    expect(head("ventilador de teto")).toEqual({ term: "ventilador", types: ["electric-fan"] });
    expect(head("Ventiladores de teto")?.types).toEqual(["electric-fan"]);
  });

  it("prefers the longest term at the head's place", () => {
    expect(head("mesa de escritório")?.types).toEqual(["office-desk"]);
    expect(head("mesa de escritorio barata")?.types).toEqual(["office-desk"]);
    expect(head("luminarias de teto")?.types).toEqual(["ceiling-light"]);
    expect(head("candeeiro de teto")?.types).toEqual(["ceiling-light"]);
    expect(head("geladeira")?.types).toEqual(["refrigerator"]);
    expect(head("frigoríficos")?.types).toEqual(["refrigerator"]);
  });

  it("in English is the last product word", () => {
    expect(head("ceiling light fixture")?.types).toEqual(["ceiling-light"]);
    expect(head("ceiling fan")?.types).toEqual(["electric-fan"]);
    expect(head("LED ceiling lights")?.types).toEqual(["ceiling-light"]);
    expect(head("office chairs")?.types).toContain("office-chair");
  });

  it("in Chinese is the vocabulary term the query ends with", () => {
    expect(head("客厅吸顶灯")?.types).toEqual(["ceiling-light"]);
    expect(head("LED吸顶灯")?.types).toEqual(["ceiling-light"]);
    expect(head("电风扇")?.types).toEqual(["electric-fan"]);
    expect(head("吸顶灯 客厅")).toBeNull();
  });

  it("recognises products the vocabulary has no type for, with no type", () => {
    expect(head("ar condicionado")).toEqual({ term: "ar condicionado", types: [] });
    expect(head("Ar-condicionado split 12000 BTU")).toEqual({ term: "Ar-condicionado", types: [] });
    expect(head("air conditioner")?.types).toEqual([]);
    expect(head("空调")?.types).toEqual([]);
  });

  it("is null when no product word is found", () => {
    expect(head("")).toBeNull();
    expect(head("LED")).toBeNull();
    expect(head("móveis de escritório")).toBeNull();
    expect(head("barato e rápido")).toBeNull();
    expect(head("LED灯")).toBeNull();
  });

  it("keeps the words as typed and folds accents and case to compare", () => {
    expect(foldText("Luminária")).toBe("luminaria");
    expect(latinTokens("Forno micro-ondas, t-shirt!")).toEqual(["forno", "micro-ondas", "t-shirt"]);
    expect(head("LUMINÁRIA de chão")?.term).toBe("LUMINÁRIA de chão");
    expect(head("LUMINÁRIA de chão")?.types).toEqual(["floor-lamp"]);
  });
});

describe("the bureau's synonyms in head recognition", () => {
  it("make a new word beside a known product name a head of that product", () => {
    expect(findHead("plafonnier branco 24w", index)).toBeNull();
    const merged = buildHeadIndex(productTypes, headSynonymGroups(synonyms, [["Plafonnier", "  Luminária   de teto "]]));
    expect(findHead("plafonnier branco 24w", merged)).toEqual({ term: "plafonnier", types: ["ceiling-light"] });
    // The known names still read as before.
    expect(findHead("ventilador de teto", merged)).toEqual({ term: "ventilador", types: ["electric-fan"] });
  });

  it("name nothing when no word of the group is a product name", () => {
    const merged = buildHeadIndex(productTypes, headSynonymGroups(synonyms, [["zorblax", "quuxite"]]));
    expect(findHead("zorblax azul", merged)).toBeNull();
  });

  it("keep each group once, whatever its order and spacing, and drop one-word groups", () => {
    const groups = headSynonymGroups([["a b", "c"]], [["C", "A  B"], ["lonely"], ["x", "x"]]);
    expect(groups).toEqual([["a b", "c"]]);
  });
});
