import { describe, expect, it } from "vitest";
import { localizedTranslationJobs } from "./localized-jobs";

const source = { kind: "product.description", id: "p1", field: "description" };
const author = (text: string) => ({ text, origin: "author" });
const targets = (rows: ReturnType<typeof localizedTranslationJobs>) => rows.map((row) => row.targetLang).sort();

describe("the translation jobs a written text needs", () => {
  it("asks for every reader language nobody wrote", () => {
    const rows = localizedTranslationJobs(source, { "zh-CN": author("您好") });
    expect(targets(rows)).toEqual(["en", "pt"]);
    expect(rows[0]).toMatchObject({ sourceKind: "product.description", sourceId: "p1", field: "description" });
  });

  it("never asks for a language a person wrote (pt-BR counts as pt)", () => {
    expect(targets(localizedTranslationJobs(source, { "zh-CN": author("您好"), "pt-BR": author("Olá") }))).toEqual(["en"]);
    expect(localizedTranslationJobs(source, { "zh-CN": author("您好"), en: author("Hi"), pt: author("Olá") })).toEqual([]);
  });

  it("asks nothing for an unchanged text, again for a changed one", () => {
    const before = { "zh-CN": author("您好") };
    expect(localizedTranslationJobs(source, { "zh-CN": author("您好") }, before)).toEqual([]);
    expect(targets(localizedTranslationJobs(source, { "zh-CN": author("您好，朋友") }, before))).toEqual(["en", "pt"]);
  });

  it("asks nothing for an empty text or one with only machine translations", () => {
    expect(localizedTranslationJobs(source, {})).toEqual([]);
    expect(localizedTranslationJobs(source, { en: { text: "Hi", origin: "machine" } })).toEqual([]);
  });
});
