import { describe, expect, it } from "vitest";
import { remixI18next } from "./i18next.server";
import { localeCookie } from "./locale-cookie.server";
import { requestLocale } from "./locale.server";

function visit(path: string, headers: Record<string, string> = {}) {
  return new Request(`http://ponte.test${path}`, { headers });
}

describe("the language of a request", () => {
  it.each([
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["pt-BR", "pt"],
    ["pt-PT", "pt"],
    ["pt", "pt"],
    ["de-DE,pt;q=0.5", "pt"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["garbage", "en"],
    [";;q=x,,*", "en"],
  ])("is %s → %s from Accept-Language on a page without a locale", async (header, locale) => {
    const request = visit("/", { "Accept-Language": header });
    expect(await requestLocale(request)).toBe(locale);
    // remix-i18next, asked directly, agrees: there is one answer.
    expect(await remixI18next.getLocale(request)).toBe(locale);
  });

  it("is the default without any hint", async () => {
    expect(await requestLocale(visit("/"))).toBe("en");
  });

  it("is the URL's locale first, then the one last picked (cookie), then Accept-Language", async () => {
    const picked = await localeCookie.serialize("pt");
    const cookie = picked.split(";")[0];
    expect(await requestLocale(visit("/zh-Hant/firms", { Cookie: cookie, "Accept-Language": "en" }))).toBe("zh-Hant");
    expect(await requestLocale(visit("/ZH-cn/firms"))).toBe("zh-CN");
    expect(await requestLocale(visit("/healthz", { Cookie: cookie, "Accept-Language": "zh-MO" }))).toBe("pt");
    expect(await requestLocale(visit("/de/firms", { "Accept-Language": "zh-MO" }))).toBe("zh-Hant");
  });

  it("ignores a cookie that names no supported locale", async () => {
    const cookie = (await localeCookie.serialize("klingon")).split(";")[0];
    expect(await requestLocale(visit("/", { Cookie: `${cookie}; other=%E0%A4%A`, "Accept-Language": "pt-BR" }))).toBe("pt");
  });
});
