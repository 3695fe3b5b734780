import { describe, expect, it } from "vitest";
import { productSpecs, productTitle } from "./product-text.server";

const attributes = { type: "ceiling-light", powerW: 24, material: "aluminium" };

describe("product titles in every language", () => {
  it("uses what the firm wrote in the reader's language", () => {
    expect(productTitle({ pt: { text: "Plafon LED 24W", origin: "author" } }, attributes, "pt-PT")).toEqual({ text: "Plafon LED 24W", kind: "author", locale: "pt" });
  });

  it("builds a title from the structured data where nobody wrote one, and says so", () => {
    const name = { "zh-CN": { text: "24W 铝合金 LED吸顶灯 XH-C2400", origin: "author" } };
    expect(productTitle(name, attributes, "pt-BR")).toEqual({ text: "Luminária de teto LED de alumínio 24 W XH-C2400", kind: "structured", locale: "pt-BR" });
    expect(productTitle(name, attributes, "pt-PT")).toEqual({ text: "Candeeiro de teto LED de alumínio 24 W XH-C2400", kind: "structured", locale: "pt-PT" });
    expect(productTitle(name, attributes, "en")).toEqual({ text: "24 W aluminium LED ceiling light XH-C2400", kind: "structured", locale: "en" });
  });

  it("converts Chinese for Traditional readers and marks it", () => {
    const name = { "zh-CN": { text: "LED吸顶灯", origin: "author" } };
    expect(productTitle(name, attributes, "zh-Hant")).toEqual({ text: "LED吸頂燈", kind: "converted", locale: "zh-Hant" });
    expect(productTitle({}, attributes, "zh-Hant").text).toBe("24W 鋁合金 LED吸頂燈");
  });

  it("falls back to another language, marked, when there is no type either", () => {
    expect(productTitle({ "zh-CN": { text: "定制灯", origin: "author" } }, {}, "pt-BR")).toEqual({ text: "定制灯", kind: "fallback", locale: "zh-CN" });
  });

  it("names the spec sheet in the reader's script", () => {
    expect(productSpecs(attributes, "zh-Hant")).toEqual([
      { key: "material", label: "材質", value: "鋁合金" },
      { key: "powerW", label: "功率", value: "24 W" },
    ]);
  });
});
