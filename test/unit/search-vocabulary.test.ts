import fs from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The shipped search vocabulary. Meilisearch looks up synonyms only for
 * query phrases of one to three words (meilisearch/documentation#2676): a
 * longer term is never matched from a query, so "mesa regulável em altura"
 * found nothing as typed. Hyphens separate words as spaces do.
 */
const vocabulary = JSON.parse(fs.readFileSync("app/modules/search/data/vocabulary.json", "utf8")) as { synonyms: string[][] };
const HAN = /[\u3400-\u9fff]/u;

describe("the search vocabulary", () => {
  it("has no synonym of more than three words", () => {
    const tooLong = vocabulary.synonyms.flat().filter((term) => !HAN.test(term) && term.split(/[\s\-/]+/).filter(Boolean).length > 3);
    expect(tooLong).toEqual([]);
  });
});

describe("the search vocabulary and the two Portuguese variants", () => {
  it("puts each product type's Brazilian and European names in one synonym group", async () => {
    const { productTypes } = await import("~/modules/product/vocabulary");
    const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const unpaired: string[] = [];
    for (const type of productTypes) {
      const { "pt-BR": brazilian, "pt-PT": european } = type.names;
      if (!brazilian || !european) continue;
      // A group "names" a product when one of its terms is part of the name (the name adds "LED", "de aço"...).
      const names = (group: string[], name: string) => group.some((term) => !HAN.test(term) && ` ${fold(name)} `.includes(` ${fold(term)} `));
      if (!vocabulary.synonyms.some((group) => names(group, brazilian) && names(group, european))) unpaired.push(`${type.key}: ${brazilian} / ${european}`);
    }
    expect(unpaired).toEqual([]);
  });
});
