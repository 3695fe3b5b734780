import { describe, expect, it } from "vitest";
import { reasonRendererFor } from "./reasons.server";
import { scoreMatch, type MatchProduct } from "./score";
import { demoRequest } from "./score.fixtures";

const request = demoRequest;

const product: MatchProduct = {
  hsCode: "940511",
  textScore: 0.95,
  certifications: ["CE"],
  moq: 200,
  moqUnit: "pieces",
  priceMinUsd: 12.5,
  markets: ["BR", "PT"],
  languages: ["zh", "en", "pt"],
  verified: true,
  quality: 90,
};

const { reasons } = scoreMatch(request, product);

describe("match reasons in words", () => {
  it("reads in English for the buyer", async () => {
    const render = await reasonRendererFor("en");
    const texts = reasons.map((reason) => render(reason).text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "HS 9405.11 exact",
        "CE certified",
        "missing INMETRO",
        "MOQ 200 ≤ your 500",
        "FOB from $12.50 ≤ your target $25.00",
        "already exports to Brazil",
        "sales team speaks Portuguese and English",
        "matches your keywords",
        "verified by the commerce bureau",
        "profile 90% complete",
      ]),
    );
    expect(render({ code: "cert.missing", params: { codes: ["INMETRO"] } }).negative).toBe(true);
    expect(render({ code: "cert.partial", params: { codes: ["CE"] } }).negative).toBe(false);
  });

  it("reads in Portuguese and Chinese, with countries and languages named in them", async () => {
    const pt = await reasonRendererFor("pt-PT");
    const ptTexts = reasons.map((reason) => pt(reason).text);
    expect(ptTexts).toEqual(expect.arrayContaining(["SH 9405.11 exato", "sem INMETRO", "já exporta para este mercado (Brasil)", "a equipa comercial fala português e inglês", "encomenda mínima 200 ≤ os seus 500"]));
    const zh = await reasonRendererFor("zh-CN");
    const zhTexts = reasons.map((reason) => zh(reason).text);
    expect(zhTexts).toEqual(expect.arrayContaining(["HS 9405.11 完全匹配", "缺少 INMETRO 认证", "已出口到巴西", "销售团队会说葡萄牙语和英语"]));
    const hant = await reasonRendererFor("zh-Hant");
    expect(reasons.map((reason) => hant(reason).text)).toEqual(expect.arrayContaining(["已出口到巴西", "缺少 INMETRO 認證"]));
  });

  it("speaks to the firm from its own side", async () => {
    const render = await reasonRendererFor("en", "firm");
    const texts = reasons.map((reason) => render(reason).text);
    expect(texts).toEqual(expect.arrayContaining(["your MOQ 200 ≤ 500 wanted", "you already export to Brazil", "your sales team speaks Portuguese and English", "HS 9405.11 exact"]));
  });

  it("names a heading, a chapter and a firm's range of products", async () => {
    const render = await reasonRendererFor("en");
    expect(render({ code: "hs.heading", params: { code: "9405", requested: "940511" } }).text).toBe("same HS heading 9405 (9405.11 asked for)");
    expect(render({ code: "hs.chapter", params: { code: "94", requested: "940511" } }).text).toBe("same HS chapter 94");
    expect(render({ code: "firm.products", params: { count: 3 } }).text).toBe("3 matching products");
    expect((await reasonRendererFor("pt-BR"))({ code: "firm.products", params: { count: 1 } }).text).toBe("1 produto correspondente");
  });

  it("says a held certification is required in the buyer's market, the country named in the reader's language", async () => {
    const reason = { code: "cert.market" as const, params: { codes: ["INMETRO"], country: "BR" } };
    expect((await reasonRendererFor("en"))(reason).text).toBe("INMETRO — required for Brazil");
    expect((await reasonRendererFor("pt-BR"))(reason).text).toBe("INMETRO — exigido neste mercado (Brasil)");
    expect((await reasonRendererFor("zh-CN"))(reason).text).toBe("INMETRO，巴西市场需要");
    expect((await reasonRendererFor("en", "firm"))({ code: "cert.market", params: { codes: ["CE", "RoHS"], country: "PT" } }).text).toBe("CE and RoHS — required for Portugal");
  });
});
