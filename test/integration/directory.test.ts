import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildIndex } from "~/modules/search/reindex.server";
import { sitemapPart, sitemapRoot } from "~/modules/directory/sitemap.server";
import { prisma } from "~/utils/db.server";
import { catalogWorld, productForm } from "../support/catalog";
import { createFirm } from "../support/factories";
import { startTestServer, TestClient, type TestServer } from "../support/server";

let server: TestServer;
let world: Awaited<ReturnType<typeof catalogWorld>>;
let chineseOnly: string;
let pendingFirm: Awaited<ReturnType<typeof createFirm>>;
let pendingProduct: string;

beforeAll(async () => {
  // The HS suggestions come from this file's own HS index.
  await rebuildIndex("hs");
  server = await startTestServer();
  world = await catalogWorld(server.url);
  await prisma.firm.update({
    where: { id: world.firmA.id },
    data: {
      description: { "zh-CN": { text: "古镇专业生产LED吸顶灯的企业。", origin: "author" } },
      exportMarkets: ["BR", "AO"],
      languages: ["zh", "pt"],
      certifications: [{ code: "CE", validUntil: "2028-12-31" }],
    },
  });
  const created = await world.clients.memberA.post(`/zh-CN/catalog/firms/${world.firmA.id}/products/new`, productForm());
  chineseOnly = /products\/([^?]+)/.exec(created.headers.get("location")!)![1];
  pendingFirm = await createFirm({ verification: "PENDING", published: false, nameZh: "中山市待审核灯饰有限公司" });
  pendingProduct = (await prisma.product.create({ data: { firmId: pendingFirm.id, slug: "pending-lamp", hsCode: "940511", name: { "zh-CN": { text: "待审核吊灯", origin: "author" } }, description: {} } })).id;
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, client = world.clients.anonymous) => client.get(path);

describe("the public directory", () => {
  it("shows a verified firm in Portuguese: structured facts translated, Chinese text marked, with meta, Open Graph and hreflang", async () => {
    const response = await get(`/pt-PT/firms/${world.firmA.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="pt-PT"');
    expect(html).toContain("Angola"); // export market named in Portuguese
    expect(html).toContain("Marcação CE (UE)");
    expect(html).toContain("português"); // sales team language, named by Intl
    expect(html).toContain("古镇专业生产LED吸顶灯的企业。");
    expect(html).toContain("Não traduzido"); // the description is shown in Chinese, and says it is not translated
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
    expect(html).toContain(`<link rel="canonical" href="${server.url}/pt-PT/firms/${world.firmA.slug}"/>`);
    expect(html).toContain('<meta property="og:locale" content="pt_PT"/>');
    for (const lang of ["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT", "pt", "x-default"]) expect(html).toContain(`hrefLang="${lang}"`);
    expect(html).toContain(`/pt-PT/products/${chineseOnly}`);
  });

  it("builds a product's title from its data where nobody wrote one, and marks it", async () => {
    const pt = await (await get(`/pt-PT/products/${chineseOnly}`)).text();
    expect(pt).toContain("<h1>Candeeiro de teto LED de alumínio 24 W</h1>");
    expect(await (await get(`/pt-BR/products/${chineseOnly}`)).text()).toContain("<h1>Luminária de teto LED de alumínio 24 W</h1>");
    expect(pt).toContain("gerado a partir dos dados do produto");
    expect(pt).toContain("Aparelhos de iluminação"); // HS title in Portuguese
    expect(pt).toContain("Potência");
    const en = await (await get(`/en/products/${chineseOnly}`)).text();
    expect(en).toContain("<h1>24 W aluminium LED ceiling light</h1>");
    const zh = await (await get(`/zh-CN/products/${chineseOnly}`)).text();
    expect(zh).toContain("<h1>24W铝合金LED吸顶灯</h1>");
  });

  it("shows Chinese in Traditional characters for Macao, marked as converted", async () => {
    const html = await (await get(`/zh-Hant/products/${chineseOnly}`)).text();
    expect(html).toContain('<html lang="zh-Hant"');
    expect(html).toContain("<h1>24W鋁合金LED吸頂燈</h1>");
    expect(html).toContain("自動轉換");
    expect(html).toContain("枝形吊燈"); // the tariff's name, converted
    expect(html).not.toContain("铝合金");
  });

  it("lists firms by town and by cluster", async () => {
    const town = await (await get("/en/towns/guzhen")).text();
    expect(town).toContain(`/en/firms/${world.firmA.slug}`);
    expect(town).not.toContain(`/en/firms/${world.firmB.slug}`);
    const cluster = await get("/pt-PT/clusters/lighting");
    expect(cluster.status).toBe(200);
    expect(await cluster.text()).toContain(`/pt-PT/firms/${world.firmA.slug}`);
    const index = await (await get("/zh-Hant/firms")).text();
    expect(index).toContain("古鎮");
    expect((await get("/en/towns/atlantis")).status).toBe(404);
  });

  it("hides unverified firms, their products and unpublished products from the public, not from their firm or the bureau", async () => {
    expect((await get(`/en/firms/${pendingFirm.slug}`)).status).toBe(404);
    expect((await get(`/en/products/${pendingProduct}`)).status).toBe(404);
    expect((await get(`/en/firms/${pendingFirm.slug}`, world.clients.memberA)).status).toBe(404);
    expect((await get(`/en/firms/${pendingFirm.slug}`, world.clients.buyer)).status).toBe(404);
    const bureau = await get(`/en/firms/${pendingFirm.slug}`, world.clients.bureau);
    expect(bureau.status).toBe(200);
    const html = await bureau.text();
    expect(html).toContain("This page is not public");
    expect(html).toContain('<meta name="robots" content="noindex"/>');

    await prisma.product.update({ where: { id: chineseOnly }, data: { published: false } });
    expect((await get(`/en/products/${chineseOnly}`)).status).toBe(404);
    expect((await get(`/en/products/${chineseOnly}`, world.clients.memberA)).status).toBe(200);
    expect(await (await get(`/en/firms/${world.firmA.slug}`)).text()).not.toContain(chineseOnly);
    const own = await (await get(`/en/firms/${world.firmA.slug}`, world.clients.memberA)).text();
    expect(own).toContain(chineseOnly);
    expect(own).toContain("Not published");
    await prisma.product.update({ where: { id: chineseOnly }, data: { published: true } });
  });

  it("lists every public page in every locale in /sitemap.xml, with alternates, and nothing else", async () => {
    const response = await get("/sitemap.xml");
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    for (const lang of ["zh-CN", "zh-Hant", "en", "pt-BR", "pt-PT"]) {
      expect(xml).toContain(`<loc>${server.url}/${lang}/firms/${world.firmA.slug}</loc>`);
      expect(xml).toContain(`<loc>${server.url}/${lang}/products/${chineseOnly}</loc>`);
    }
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${server.url}/en/products/${chineseOnly}"/>`);
    expect(xml).toContain(`<loc>${server.url}/pt-PT/towns/guzhen</loc>`);
    expect(xml).not.toContain(pendingFirm.slug);
    expect(xml).not.toContain(pendingProduct);
  });

  it("turns into a sitemap index when there are more URLs than one sitemap may hold", async () => {
    const origin = "https://ponte.example";
    const index = await sitemapRoot(origin, 8);
    expect(index).toContain("<sitemapindex");
    expect(index).toContain(`<loc>${origin}/sitemaps/pages.xml</loc>`);
    expect(index).toContain(`<loc>${origin}/sitemaps/products-1.xml</loc>`);
    const products = await sitemapPart(origin, "products-1", 8);
    expect(products).toContain(`${origin}/zh-Hant/products/`);
    expect(await sitemapPart(origin, "products-999", 8)).toBeNull();
    expect(await sitemapPart(origin, "../etc", 8)).toBeNull();
    expect((await get("/sitemaps/nothing.xml")).status).toBe(404);
  });

  it("is linked from the header and the home page", async () => {
    const home = await (await get("/pt-PT")).text();
    expect(home).toContain('href="/pt-PT/firms"');
    expect(home).toContain("Explorar o diretório");
    expect(home).toContain('href="/pt-PT/towns/guzhen"');
  });
});

describe("Traditional Chinese for Macao", () => {
  it("is chosen for zh-TW, zh-HK and zh-MO browsers, with UI text converted from Simplified", async () => {
    for (const tag of ["zh-MO,zh;q=0.9", "zh-TW", "zh-HK,en;q=0.5", "zh-Hant"]) {
      const client = new TestClient(server.url, { "Accept-Language": tag });
      const response = await client.get("/");
      expect(response.headers.get("location"), tag).toBe("/zh-Hant");
    }
    const html = await (await get("/zh-Hant/login")).text();
    expect(html).toContain('<html lang="zh-Hant"');
    expect(html).toContain("登錄");
    expect(html).toContain("繁體中文");
  });
});

describe("GET /api/v1/hs/suggest", () => {
  it("suggests codes from words in any language and from digits, titled in the asked language", async () => {
    const words = await get(`/api/v1/hs/suggest?${new URLSearchParams({ q: "吸顶灯", lang: "pt-PT" })}`);
    expect(words.status).toBe(200);
    expect(words.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await words.json();
    expect(body.items[0]).toEqual({ code: "940511", level: 6, title: expect.stringMatching(/^Aparelhos de iluminação/), titleSource: { source: "heading", of: "9405" } });
    const digits = await (await get("/api/v1/hs/suggest?q=9405.11&lang=zh-CN")).json();
    expect(digits.items[0]).toMatchObject({ code: "940511", title: expect.stringContaining("发光二极管") });
    const fold = await (await get(`/api/v1/hs/suggest?${new URLSearchParams({ q: "LUMINARIA DE TETO", lang: "en" })}`)).json();
    expect(fold.items[0].code).toBe("940511");
  });

  it("answers bad input with 400 and a JSON error, or no items; never 500", async () => {
    // 10,000 characters: longer than any URL the server accepts; /api/ still answers JSON.
    const huge = await get(`/api/v1/hs/suggest?q=${"a".repeat(10_000)}&lang=pt`);
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.code).toBe("uriTooLong");
    expect((await get(`/en/firms?q=${"a".repeat(10_000)}`)).status).toBe(414);
    const long = await get(`/api/v1/hs/suggest?q=${"a".repeat(5_000)}&lang=pt`);
    expect(long.status).toBe(400);
    expect(await long.json()).toEqual({ error: { code: "tooLong", message: "O texto da pesquisa é demasiado longo (no máximo 200 caracteres)." } });
    const control = await get("/api/v1/hs/suggest?q=lamp%00%1b&lang=en");
    expect(control.status).toBe(400);
    expect((await control.json()).error.code).toBe("controlCharacters");
    for (const q of ["!!!", "%25%25", "", "'%3B DROP TABLE"]) {
      const response = await get(`/api/v1/hs/suggest?q=${q}&lang=xx&limit=abc`);
      expect(response.status, q).toBe(200);
      expect((await response.json()).items, q).toEqual([]);
    }
  });
});
