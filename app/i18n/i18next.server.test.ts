import { createInstance } from "i18next";
import { describe, expect, it, vi } from "vitest";
import { i18nOptions } from "./config";
import { createRequestI18n, getFixedT, routeNamespaces } from "./i18next.server";
import { resources } from "./resources";

describe("createRequestI18n", () => {
  it("translates in each language, through the remembered language hierarchy, and the hierarchy stays its own per call", async () => {
    const zh = await createRequestI18n("zh-CN", ["search"]);
    const pt = await createRequestI18n("pt-BR", ["search"]);
    const en = await createRequestI18n("en", ["search"]);
    const title = (i18n: typeof zh) => i18n.t("search:page.title");
    expect(new Set([title(zh), title(pt), title(en)]).size).toBe(3);
    // The same twice (the second from memory), and a caller changing its copy changes nothing.
    const utils = zh.services.languageUtils as { toResolveHierarchy(code: string): string[] };
    const first = utils.toResolveHierarchy("zh-CN");
    expect(first[0]).toBe("zh-CN");
    first.length = 0;
    expect(utils.toResolveHierarchy("zh-CN")[0]).toBe("zh-CN");
    expect(title(zh)).toBe(title(await createRequestI18n("zh-CN", ["search"])));
  });

  it("gives pages of one language and namespaces the same instance, and other languages or namespaces their own", async () => {
    const first = await createRequestI18n("pt-PT", ["common", "meetings"]);
    expect(await createRequestI18n("pt-PT", ["common", "meetings"])).toBe(first);
    expect(first.language).toBe("pt-PT");
    const brazil = await createRequestI18n("pt-BR", ["common", "meetings"]);
    expect(brazil).not.toBe(first);
    expect(brazil.language).toBe("pt-BR");
    expect(await createRequestI18n("pt-PT", ["common"])).not.toBe(first);
    // Making the others changed nothing in the first.
    expect(first.language).toBe("pt-PT");
    expect(first.t("meetings:agenda.ics")).toBe(brazil.getFixedT("pt-PT")("meetings:agenda.ics"));
  });
});

describe("getFixedT (server code)", () => {
  it("answers as remix-i18next's fresh instance did, in the language and namespaces asked, and is kept per language and namespaces", async () => {
    const fresh = createInstance();
    await fresh.init({ ...i18nOptions, lng: "pt-PT", resources });
    for (const locale of ["pt-PT", "zh-Hant", "en"] as const) {
      const reference = fresh.getFixedT(locale, ["search", "common"]);
      const t = await getFixedT(locale, ["search", "common"]);
      expect(t("page.titleFor", { q: "luminária" })).toBe(reference("page.titleFor", { q: "luminária" }));
      expect(t("results.products", { count: 1 })).toBe(reference("results.products", { count: 1 }));
      expect(t("results.products", { count: 7 })).toBe(reference("results.products", { count: 7 }));
      expect(t("common:pagination.next")).toBe(reference("common:pagination.next"));
      // Twice: the second answer from memory, the same.
      expect(t("page.title")).toBe(reference("page.title"));
      expect(t("page.title")).toBe(reference("page.title"));
    }
    expect(new Set([(await getFixedT("pt-PT", "search"))("page.title"), (await getFixedT("zh-Hant", "search"))("page.title")]).size).toBe(2);
    expect(await getFixedT("en", ["search", "common"])).toBe(await getFixedT("en", ["search", "common"]));
    expect((await getFixedT("en"))("pagination.next")).toBe(fresh.getFixedT("en", "common")("pagination.next"));
  });
});

describe("remembered plain lookups", () => {
  it("answer as a fresh i18next does, while counts, values, other languages and prefixes still change the text", async () => {
    const fresh = createInstance();
    await fresh.init({ ...i18nOptions, lng: "pt-BR", resources });
    const pt = await createRequestI18n("pt-BR", ["common", "search", "meetings"]);
    const t = pt.getFixedT(null, "search");
    const reference = fresh.getFixedT(null, "search");
    for (let round = 0; round < 2; round++) {
      // The second round is answered from memory.
      expect(t("page.title")).toBe(reference("page.title"));
      expect(t("facets.more", { count: 1 })).toBe(reference("facets.more", { count: 1 }));
      expect(t("facets.more", { count: 12 })).toBe(reference("facets.more", { count: 12 }));
      expect(t("page.titleFor", { q: `luminária ${round}` })).toBe(reference("page.titleFor", { q: `luminária ${round}` }));
      expect(pt.getFixedT("en", "search")("page.title")).toBe(fresh.getFixedT("en", "search")("page.title"));
      expect(pt.getFixedT(null, "meetings", "agenda")("ics")).toBe(reference("meetings:agenda.ics"));
      expect(pt.t("no.such.key")).toBe("no.such.key");
    }
    expect(t("facets.more", { count: 1 })).not.toBe(t("facets.more", { count: 12 }));
    // The page's lookups (getFixedT with no language: it passes `lngs: null`) are the ones remembered.
    const translate = vi.spyOn((pt as unknown as { translator: { translate(...args: unknown[]): unknown } }).translator, "translate");
    t("page.title");
    pt.getFixedT(null, "meetings", "agenda")("ics");
    expect(translate).not.toHaveBeenCalled();
    t("facets.more", { count: 3 });
    expect(translate).toHaveBeenCalledTimes(1);
    translate.mockRestore();
    expect(pt.getFixedT("en", "search")("page.title")).not.toBe(t("page.title"));
    expect(t("page.titleFor", { q: "a" })).not.toBe(t("page.titleFor", { q: "b" }));
  });
});

describe("routeNamespaces", () => {
  it("gives remix-i18next's namespaces of the build's routes, once per build", () => {
    const build = { root: { handle: { i18n: ["common"] } }, "routes/a": { handle: { i18n: ["search", "catalog"] } }, "routes/b": { handle: { i18n: "meetings" } }, "routes/c": {} };
    const context = { routeModules: build } as unknown as Parameters<typeof routeNamespaces>[0];
    const first = routeNamespaces(context);
    expect([...first].sort()).toEqual(["catalog", "common", "meetings", "search"]);
    // A new context of the same build (Remix makes one per request) gets the same list.
    expect(routeNamespaces({ routeModules: { ...build } } as unknown as typeof context)).toBe(first);
    // Another build is read anew.
    const other = { root: { handle: { i18n: ["common", "auth"] } } };
    expect([...routeNamespaces({ routeModules: other } as unknown as typeof context)].sort()).toEqual(["auth", "common"]);
  });
});
