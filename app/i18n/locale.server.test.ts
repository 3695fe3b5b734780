import { describe, expect, it } from "vitest";
import { remixI18next } from "./i18next.server";
import { localeCookie } from "./locale-cookie.server";
import { alternateUrls, requestLocale, requireUrlLocale } from "./locale.server";

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
    ["pt-BR", "pt-BR"],
    ["pt-PT", "pt-PT"],
    ["pt-AO", "pt-PT"],
    ["pt", "pt-BR"],
    ["de-DE,pt;q=0.5", "pt-BR"],
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
    const picked = await localeCookie.serialize("pt-PT");
    const cookie = picked.split(";")[0];
    expect(await requestLocale(visit("/zh-Hant/firms", { Cookie: cookie, "Accept-Language": "en" }))).toBe("zh-Hant");
    expect(await requestLocale(visit("/ZH-cn/firms"))).toBe("zh-CN");
    expect(await requestLocale(visit("/healthz", { Cookie: cookie, "Accept-Language": "zh-MO" }))).toBe("pt-PT");
    expect(await requestLocale(visit("/de/firms", { "Accept-Language": "zh-MO" }))).toBe("zh-Hant");
  });

  it("ignores a cookie that names no supported locale", async () => {
    const cookie = (await localeCookie.serialize("klingon")).split(";")[0];
    expect(await requestLocale(visit("/", { Cookie: `${cookie}; other=%E0%A4%A`, "Accept-Language": "pt-BR" }))).toBe("pt-BR");
  });

  it("reads a cookie from before the two variants (\"pt\") with the browser's variant, else Brazilian", async () => {
    const cookie = (await localeCookie.serialize("pt")).split(";")[0];
    expect(await requestLocale(visit("/", { Cookie: cookie, "Accept-Language": "pt-PT,pt;q=0.9" }))).toBe("pt-PT");
    expect(await requestLocale(visit("/", { Cookie: cookie, "Accept-Language": "en" }))).toBe("pt-BR");
  });
});

describe("old /pt/ URLs", () => {
  async function redirectOf(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const request = new Request(`http://ponte.test${path}`, init);
    const thrown = await requireUrlLocale(request, path.split("/")[1]).then(
      () => null,
      (response: unknown) => response as Response,
    );
    return thrown && { status: thrown.status, location: thrown.headers.get("Location") };
  }

  it("redirect permanently to a variant, keeping path and query", async () => {
    expect(await redirectOf("/pt/search?q=geladeira&page=2")).toEqual({ status: 301, location: "/pt-BR/search?q=geladeira&page=2" });
    expect(await redirectOf("/pt/firms/x", { headers: { "Accept-Language": "pt-PT,pt;q=0.9" } })).toEqual({ status: 301, location: "/pt-PT/firms/x" });
    expect(await redirectOf("/PT-pt/firms/x")).toEqual({ status: 301, location: "/pt-PT/firms/x" });
    expect(await redirectOf("/pt/login", { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).toEqual({
      status: 308,
      location: "/pt-BR/login",
    });
    expect(await redirectOf("/pt-BR/search")).toBeNull();
  });

  it("hreflang names both variants, and plain pt as the default one", () => {
    const links = alternateUrls(new Request("http://ponte.test/pt-PT/firms?x=1"));
    expect(links.map((link) => link.hrefLang)).toEqual(["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT", "pt", "x-default"]);
    expect(links.find((link) => link.hrefLang === "pt")?.href).toBe("http://ponte.test/pt-BR/firms");
  });
});
