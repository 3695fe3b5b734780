import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { queryHead } from "~/modules/search/head-search.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { scales } from "../../prisma/seed/demo";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../support/session";

/**
 * Head-noun search (issue 12) on the real search page and API, over the
 * small demo set in a real Meilisearch: a product the catalogue does not
 * have is said, with related products under their own heading; the head's
 * products come first; the bureau's synonyms name heads; firms whose
 * products are of the head's kind come before firms matched by a modifier.
 */
let server: TestServer;
let anonymous: TestClient;
let bureau: TestClient;

beforeAll(async () => {
  await seedDemo(scales.small, new Date("2026-11-25T00:00:00Z"));
  await reindexAll();
  server = await startTestServer();
  anonymous = new TestClient(server.url);
  bureau = new TestClient(server.url);
  const staff = await createUser("BUREAU_STAFF");
  await signIn(bureau, staff.email, TEST_PASSWORD);
}, 240_000);

afterAll(async () => {
  await server?.close();
});

/** The search page's HTML and its product hits' ids, in order. */
async function searchPage(lang: string, q: string) {
  const response = await anonymous.get(`/${lang}/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const list = /<ol class="search-hits">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  const ids = [...list.matchAll(new RegExp(`href="/${lang}/products/([^"?]+)"`, "g"))].map((match) => match[1]);
  return { html, ids };
}

async function typesOf(ids: string[]): Promise<string[]> {
  const products = await prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, attributes: true } });
  const byId = new Map(products.map((product) => [product.id, String((product.attributes as { type?: string } | null)?.type ?? "")]));
  return ids.map((id) => byId.get(id) ?? "");
}

describe("a product the catalogue does not have", () => {
  it.each([
    ["pt-BR", "ar condicionado", "Ainda não há “ar condicionado” no catálogo", "Produtos relacionados"],
    ["pt-PT", "ar condicionado", "Ainda não há “ar condicionado” no catálogo", "Produtos relacionados"],
    ["zh-CN", "空调", "目录中暂无“空调”", "相关产品"],
    ["en", "air conditioner", "There is no “air conditioner” in the catalogue yet", "Related products"],
  ])("is said in %s for “%s”, the related products under their own heading", async (lang, q, notice, heading) => {
    const { html, ids } = await searchPage(lang, q);
    expect(html).toContain(notice);
    expect(html).toMatch(/data-head-missing=""/);
    const related = html.indexOf(`<h2 class="search__related">${heading}</h2>`);
    // No product shares a word with 空调: no list, no heading.
    if (lang === "zh-CN") {
      expect(ids).toEqual([]);
      expect(related).toBe(-1);
      return;
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(related).toBeGreaterThan(0);
    // The heading stands before the list it names.
    expect(related).toBeLessThan(html.indexOf('<ol class="search-hits">'));
  });

  it("is not said for a product the catalogue has", async () => {
    const { html, ids } = await searchPage("pt-BR", "ventilador de teto");
    expect(html).not.toMatch(/data-head-missing/);
    expect((await typesOf(ids))[0]).toBe("electric-fan");
  });
});

describe("the head's products first", () => {
  it("shows a ceiling light first for “luminária LED para teto”, and no ceiling fan before it", async () => {
    for (const lang of ["pt-BR", "pt-PT"]) {
      const types = await typesOf((await searchPage(lang, "luminária LED para teto")).ids);
      expect(types[0], lang).toBe("ceiling-light");
      const firstFan = types.indexOf("electric-fan");
      if (firstFan >= 0) expect(firstFan).toBeGreaterThan(types.indexOf("ceiling-light"));
    }
  });
});

describe("the bureau's synonyms", () => {
  interface Api {
    head: { term: string; found: boolean } | null;
    hits: { id: string }[];
  }
  const api = async (q: string) => (await (await anonymous.get(`/api/v1/search/products?lang=pt-BR&q=${encodeURIComponent(q)}`)).json()) as Api;

  it("name a head once added, and no longer once deleted", async () => {
    expect(await queryHead("plafonnier branco")).toBeNull();
    const form = new FormData();
    form.set("intent", "addSynonyms");
    form.set("terms", "plafonnier, luminária de teto");
    expect((await bureau.post("/en/bureau/search", form)).status).toBe(200);

    expect(await queryHead("plafonnier branco")).toEqual({ term: "plafonnier", types: ["ceiling-light"] });
    const answer = await api("plafonnier branco");
    expect(answer.head).toEqual({ term: "plafonnier", found: true });
    expect(answer.hits.length).toBeGreaterThan(0);
    expect((await typesOf(answer.hits.map((hit) => hit.id)))[0]).toBe("ceiling-light");

    const group = await prisma.searchSynonymGroup.findFirstOrThrow({ where: { terms: { has: "plafonnier" } } });
    const remove = new FormData();
    remove.set("intent", "deleteSynonyms");
    remove.set("id", group.id);
    expect((await bureau.post("/en/bureau/search", remove)).status).toBe(200);
    expect(await queryHead("plafonnier branco")).toBeNull();
    expect((await api("plafonnier branco")).head).toBeNull();
  });
});

describe("firm search", () => {
  interface FirmApi {
    hits: { id: string }[];
  }
  /** Whether each firm has a public product of the head's kind. */
  async function headFirms(lang: string, q: string) {
    const head = await queryHead(q);
    expect(head?.types.length, q).toBeGreaterThan(0);
    const body = (await (await anonymous.get(`/api/v1/search/firms?lang=${lang}&perPage=50&q=${encodeURIComponent(q)}`)).json()) as FirmApi;
    const ids = body.hits.map((hit) => hit.id);
    const products = await prisma.product.findMany({ where: { firmId: { in: ids }, published: true }, select: { firmId: true, attributes: true } });
    const matching = new Set(products.filter((product) => head!.types.includes(String((product.attributes as { type?: string } | null)?.type))).map((product) => product.firmId));
    return ids.map((id) => matching.has(id));
  }

  it.each([
    ["pt-BR", "luminária LED para teto"],
    // Without head ranking every lighting firm (they all sell "teto" lights) came before the fan makers.
    ["pt-BR", "ventilador de teto"],
    ["en", "ceiling fan"],
    ["en", "LED ceiling light"],
    ["zh-CN", "客厅吸顶灯"],
  ])("in %s ranks the firms making “%s” before firms matched by its other words", async (lang, q) => {
    const matches = await headFirms(lang, q);
    expect(matches[0], q).toBe(true);
    const firstOther = matches.indexOf(false);
    // Every firm of the head's kind before every other firm.
    if (firstOther >= 0) expect(matches.slice(firstOther), q).not.toContain(true);
  });
});
