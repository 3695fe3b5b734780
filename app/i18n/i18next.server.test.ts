import { describe, expect, it } from "vitest";
import { createRequestI18n } from "./i18next.server";

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
