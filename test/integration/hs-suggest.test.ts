import { beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "~/modules/search/reindex.server";
import { DomainError } from "~/utils/domain-error";
import { parseHsQuery, suggestHsCodes } from "~/modules/hs/suggest.server";

// The suggestions come from this file's own copy of the HS index (so it is an
// integration test: it needs the search engine).
beforeAll(async () => {
  await rebuildIndex("hs");
}, 180_000);

const codes = async (q: string, lang = "en", limit = 5) => (await suggestHsCodes({ q, lang, limit })).map((item) => item.code);

describe("HS suggestions from digits", () => {
  it.each([["9405"], ["9405.11"], ["940511"], ["9405 11"], ["9405.11.00"]])("finds the code typed as %j first", async (q) => {
    const expected = q.startsWith("9405.11") || q.startsWith("940511") || q === "9405 11" ? "940511" : "9405";
    expect((await codes(q))[0]).toBe(expected);
  });

  it("lists what lies under a heading, with titles in the asked language", async () => {
    const items = await suggestHsCodes({ q: "9405", lang: "pt-PT", limit: 20 });
    expect(items[0]).toEqual({ code: "9405", level: 4, title: expect.stringMatching(/^Aparelhos de iluminação/), titleSource: { source: "ncm", of: "9405" } });
    expect(items.slice(1).every((item) => item.code.startsWith("9405") && item.level === 6)).toBe(true);
    // HS 2022 split 9405 by LED: the subheading shows its heading's Portuguese text, and says so.
    expect(items.find((item) => item.code === "940511")).toMatchObject({ title: items[0].title, titleSource: { source: "heading", of: "9405" } });
  });

  it("understands codes of HS 2017 and 2012 and national codes built on them", async () => {
    // 9405.40 (other electric lamps) split four ways in HS 2022.
    const split = await suggestHsCodes({ q: "9405.40", lang: "en", limit: 10 });
    expect(split.map((item) => item.code)).toEqual(["853951", "940541", "940542", "940549"]);
    expect(split.every((item) => item.replaces?.code === "940540" && item.replaces.edition === "2017")).toBe(true);
    // 6201.93 became 6201.40; an 8-digit NCM line under it is read the same way.
    expect(await codes("6201.93")).toEqual(["620140"]);
    expect(await codes("6201.93.00")).toEqual(["620140"]);
    expect(await codes("9999.99")).toEqual([]);
  });

  it("answers nothing for a code that does not exist", async () => {
    expect(await codes("9999")).toEqual([]);
  });
});

describe("HS suggestions from words", () => {
  it.each([
    ["吸顶灯", "zh-CN", "940511"],
    ["吸頂燈", "zh-Hant", "940511"],
    ["LED灯泡", "zh-CN", "853952"],
    ["电饭煲", "zh-CN", "851660"],
    ["办公椅", "zh-CN", "940139"],
    ["luminaria de teto", "pt", "940511"],
    ["LUMINÁRIAS", "pt", "940511"],
    ["fechadura", "pt", "830130"],
    ["ceiling lights", "en", "940511"],
    ["office chair", "en", "940139"],
    ["T-shirt", "en", "610910"],
    ["camiseta", "pt", "610910"],
    ["móveis", "pt", "9403"],
  ])("%j (%s) suggests %s first", async (q, lang, code) => {
    expect((await codes(q, lang))[0]).toBe(code);
  });

  it("names suggestions in the reader's language and script", async () => {
    const [zh] = await suggestHsCodes({ q: "吸顶灯", lang: "zh-CN", limit: 1 });
    expect(zh.title).toMatch(/^枝形吊灯及天花板/);
    const [hant] = await suggestHsCodes({ q: "ceiling light", lang: "zh-Hant", limit: 1 });
    expect(hant.title).toMatch(/^枝形吊燈及天花板/);
    const [pt] = await suggestHsCodes({ q: "吸顶灯", lang: "pt-BR", limit: 1 });
    expect(pt.title).toMatch(/iluminação/);
  });

  it("requires every word to match", async () => {
    expect(await codes("fechadura camiseta", "pt")).toEqual([]);
  });

  it("caps the number of suggestions", async () => {
    expect((await suggestHsCodes({ q: "9", lang: "en", limit: 500 })).length).toBe(50);
    expect((await suggestHsCodes({ q: "lamp", lang: "en", limit: 0 })).length).toBeGreaterThan(0);
  });
});

describe("bad queries", () => {
  it("refuses queries that are too long or carry control characters", () => {
    expect(() => parseHsQuery("灯".repeat(10_000))).toThrow(DomainError);
    expect(() => parseHsQuery("lamp\u0000")).toThrow(expect.objectContaining({ code: "controlCharacters", status: 400 }));
    expect(() => parseHsQuery("x".repeat(201))).toThrow(expect.objectContaining({ code: "tooLong", status: 400 }));
  });

  it("answers nothing for punctuation, blanks and stop words", async () => {
    for (const q of ["", "   ", "!!!", "……", "%%%'; DROP TABLE", "-- ..", "😀"]) expect(await codes(q), q).toEqual([]);
    expect(parseHsQuery("  ")).toEqual({ kind: "empty" });
  });
});
