import { describe, expect, it } from "vitest";
import { toSimplified, toTraditional } from "./chinese-script.server";
import { displayLabel, displayText } from "./display.server";

describe("Simplified ↔ Traditional", () => {
  it("converts with Hong Kong usage, as DESIGN.md checked", () => {
    expect(toTraditional("吸顶灯 红木家具")).toBe("吸頂燈 紅木傢俱");
    expect(toSimplified("吸頂燈 紅木傢俱")).toBe("吸顶灯 红木家具");
    expect(toTraditional("")).toBe("");
  });
});

describe("text as a reader sees it", () => {
  const name = { "zh-CN": { text: "中山市古镇星辉照明有限公司", origin: "author" }, en: { text: "Xinghui Lighting", origin: "author" } };

  it("converts Simplified text for Traditional readers and marks it converted", () => {
    expect(displayText(name, "zh-Hant")).toEqual({ text: "中山市古鎮星輝照明有限公司", locale: "zh-Hant", origin: "converted", isFallback: false });
  });

  it("prefers text somebody wrote in Traditional", () => {
    const both = { ...name, "zh-Hant": { text: "星輝燈飾（澳門）", origin: "author" } };
    expect(displayText(both, "zh-Hant")).toMatchObject({ text: "星輝燈飾（澳門）", origin: "author", isFallback: false });
  });

  it("falls back to English for Traditional readers when there is no Chinese", () => {
    expect(displayText({ pt: { text: "Olá", origin: "author" }, en: { text: "Hello", origin: "author" } }, "zh-Hant")).toMatchObject({
      text: "Hello",
      locale: "en",
      isFallback: true,
    });
  });

  it("leaves other locales alone", () => {
    expect(displayText(name, "pt-BR")).toMatchObject({ text: "Xinghui Lighting", locale: "en", isFallback: true, origin: "author" });
    expect(displayText(name, "zh-CN")).toMatchObject({ text: "中山市古镇星辉照明有限公司", isFallback: false });
    expect(displayLabel("灯饰", "zh-CN")).toBe("灯饰");
    expect(displayLabel("灯饰", "zh-Hant")).toBe("燈飾");
  });
});
