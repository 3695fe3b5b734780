import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { titleLocaleFor, titleLocales } from "./request.schema";

describe("titleLocaleFor", () => {
  it("starts a request's title in the language the reader writes, for every interface locale", () => {
    expect(titleLocaleFor("pt-BR")).toBe("pt");
    expect(titleLocaleFor("pt-PT")).toBe("pt");
    expect(titleLocaleFor("zh-Hant")).toBe("zh-CN");
    expect(titleLocaleFor("zh-CN")).toBe("zh-CN");
    expect(titleLocaleFor("en")).toBe("en");
    // Every locale the app has starts on an option the form offers (else the select shows its first, Chinese).
    for (const locale of supportedLocales) expect(titleLocales).toContain(titleLocaleFor(locale));
  });
});
