import { describe, expect, it } from "vitest";
import { localeFromTag, matchLocale } from "./config";
import { localeFromAcceptLanguage } from "./locale.server";
import { resources } from "./resources";

describe("locales from language tags", () => {
  it.each([
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-Hant-MO", "zh-Hant"],
    ["ZH-hant-tw", "zh-Hant"],
    ["zh", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["pt-BR", "pt-BR"],
    ["pt-PT", "pt-PT"],
    ["en-GB", "en"],
    ["de", undefined],
  ])("maps %s to %s", (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it("reads Accept-Language as a Macao browser sends it", () => {
    expect(localeFromAcceptLanguage("zh-MO,zh;q=0.9,pt;q=0.8")).toBe("zh-Hant");
    expect(localeFromAcceptLanguage("pt-PT,zh-Hant;q=0.5")).toBe("pt-PT");
  });

  it("matches the URL segment case-insensitively", () => {
    expect(matchLocale("zh-hant")).toBe("zh-Hant");
  });
});

describe("Traditional Chinese resources", () => {
  it("are generated from the Simplified ones for every namespace and key", () => {
    const keys = (tree: object, prefix = ""): string[] =>
      Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [prefix + key] : keys(value, `${prefix}${key}.`)));
    for (const [namespace, tree] of Object.entries(resources["zh-CN"])) {
      expect(keys(resources["zh-Hant"][namespace as keyof typeof resources["zh-CN"]]), namespace).toEqual(keys(tree));
    }
    // 登录 → 登錄, 统一社会信用代码 → 統一社會信用代碼: converted, not copied.
    expect(JSON.stringify(resources["zh-Hant"])).not.toEqual(JSON.stringify(resources["zh-CN"]));
    expect(JSON.stringify(resources["zh-Hant"].auth)).toContain("統一社會信用代碼");
    expect(JSON.stringify(resources["zh-Hant"].auth)).not.toContain("统一社会信用代码");
  });
});
