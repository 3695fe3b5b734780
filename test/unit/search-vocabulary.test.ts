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
