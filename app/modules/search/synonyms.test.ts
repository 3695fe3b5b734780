import { describe, expect, it } from "vitest";
import { SynonymGroupSchema, splitTerms } from "./synonym.schema";
import { normalizeTerm, synonymMap } from "./synonyms";

describe("synonym groups", () => {
  it("map each word to the others of its groups, without merging groups that share a word", () => {
    const map = synonymMap([
      ["锁", "Lock", "fechadura"],
      ["智能锁", "smart lock", "lock"],
    ]);
    expect(map["锁"]).toEqual(["fechadura", "lock"]);
    expect(map.lock).toEqual(["fechadura", "smart lock", "智能锁", "锁"].sort());
    expect(map["fechadura"]).toEqual(["lock", "锁"]);
    expect(map["smart lock"]).not.toContain("fechadura");
  });

  it("fold case and spaces, and ignore groups of one word", () => {
    expect(normalizeTerm("  Rice   Cooker ")).toBe("rice cooker");
    expect(synonymMap([["only"], ["a", "A"]])).toEqual({});
  });

  it("read the bureau's form: separators of both scripts, at least two words, at most three words a phrase", () => {
    expect(splitTerms("电饭锅，rice cooker; panela de arroz\nrice cooker")).toEqual(["电饭锅", "rice cooker", "panela de arroz"]);
    const ok = SynonymGroupSchema.safeParse({ intent: "addSynonyms", terms: "电饭锅, rice cooker" });
    expect(ok.success && ok.data.terms).toEqual(["电饭锅", "rice cooker"]);
    const issues = (terms: string) => {
      const parsed = SynonymGroupSchema.safeParse({ intent: "addSynonyms", terms });
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(issues("lamp")).toEqual(["search:vocabulary.errors.tooFew"]);
    expect(issues("lamp, lamp")).toEqual(["search:vocabulary.errors.tooFew"]);
    expect(issues("mesa regulável em altura, standing desk")).toEqual(["search:vocabulary.errors.tooManyWords"]);
    expect(issues(Array.from({ length: 13 }, (_, i) => `w${i}`).join(","))).toEqual(["search:vocabulary.errors.tooMany"]);
    expect(issues("a\u0000b, c")).toEqual(["search:vocabulary.errors.characters"]);
  });
});
