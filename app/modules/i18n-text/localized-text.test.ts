import { describe, expect, it } from "vitest";
import { asLocalizedText, authored, authoredLocales, resolveText, textIn } from "./localized-text";

describe("localized text", () => {
  const name = { "zh-CN": { text: "LED吸顶灯", origin: "author" }, en: { text: "LED ceiling light", origin: "machine" } };

  it("resolves the reader's own language first", () => {
    expect(resolveText(name, "en")).toEqual({ text: "LED ceiling light", locale: "en", origin: "machine", isFallback: false });
  });

  it("falls back in the given order and says so", () => {
    expect(resolveText(name, "pt", ["en", "zh-CN"])).toEqual({ text: "LED ceiling light", locale: "en", origin: "machine", isFallback: true });
    expect(resolveText(name, "pt", ["zh-CN"])?.locale).toBe("zh-CN");
    expect(resolveText({}, "pt")).toBeNull();
    expect(textIn(null, "pt")).toBe("");
  });

  it("parses stored JSON defensively", () => {
    expect(asLocalizedText({ en: { text: "  " }, pt: { text: "Olá", origin: "bogus" }, zh: "plain", xx: null })).toEqual({
      pt: { text: "Olá", origin: "author" },
    });
    expect(asLocalizedText("nope")).toEqual({});
    expect(asLocalizedText([1, 2])).toEqual({});
  });

  it("marks text written by people and drops empty values", () => {
    const text = authored({ "zh-CN": " 吊灯 ", en: "", pt: undefined });
    expect(text).toEqual({ "zh-CN": { text: "吊灯", origin: "author" } });
    expect(authoredLocales(name)).toEqual(["zh-CN"]);
  });
});
