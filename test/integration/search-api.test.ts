import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { drainSearchOutboxFully } from "~/modules/search/sync.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { scales } from "../../prisma/seed/demo";
import { startTestServer, TestClient, type TestServer } from "../support/server";
import { createFirm, createUser, TEST_PASSWORD } from "../support/factories";
import { signIn } from "../support/session";

/**
 * The search API over HTTP, on the small demo data set in a real
 * Meilisearch: cross-language queries, facets, HS codes, visibility, and
 * every kind of bad input (a 400 naming the parameter, never a 500).
 */
let server: TestServer;
let anonymous: TestClient;
let bureau: TestClient;

interface ProductHit {
  id: string;
  externalId: string | null;
  firmId: string;
  name: string;
  nameKind: string;
  hsCode: string;
  firmName: string;
  town: string | null;
  certifications: string[];
  verified: boolean;
  public: boolean;
  moq: number | null;
}
interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
interface SearchBody<Hit> {
  hits: Hit[];
  total: number;
  facets: Record<string, FacetValue[]>;
  tookMs: number;
  hsCode: string | null;
  hsCodesFromWords: string[] | null;
  pages: number;
}

beforeAll(async () => {
  await seedDemo(scales.small, new Date("2026-11-01T00:00:00Z"));
  await reindexAll();
  server = await startTestServer();
  anonymous = new TestClient(server.url);
  bureau = new TestClient(server.url);
  const staff = await createUser("BUREAU_STAFF");
  await signIn(bureau, staff.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function search<Hit = ProductHit>(query: string, client = anonymous, kind = "products") {
  const response = await client.get(`/api/v1/search/${kind}?${query}`);
  return { status: response.status, body: (await response.json()) as SearchBody<Hit> & { error?: { code: string; message: string } } };
}

describe("product search across languages", () => {
  it("finds LED ceiling lights from Portuguese, English and Chinese queries, each hit with its ids and firm", async () => {
    for (const q of ["luminária LED para teto", "LED ceiling light", "LED吸顶灯", "吸頂燈"]) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}&lang=pt`);
      expect(status, q).toBe(200);
      expect(body.total, q).toBeGreaterThan(0);
      const top = body.hits.slice(0, 5);
      expect(top.every((hit) => hit.hsCode === "940511"), `${q}: ${top.map((hit) => hit.name).join(", ")}`).toBe(true);
      for (const hit of top) {
        expect(hit).toMatchObject({ id: expect.any(String), firmId: expect.any(String), firmName: expect.any(String), town: "Guzhen" });
        expect(hit.externalId).toMatch(/^ZS-P-\d+$/);
      }
      expect(typeof body.tookMs).toBe("number");
    }
  });

  it("finds, from a Portuguese query, products whose firm wrote only Chinese", async () => {
    const chineseOnly = await prisma.product.findMany({ where: { hsCode: "940511" }, select: { id: true, name: true } });
    const ids = new Set(chineseOnly.filter((product) => Object.keys(product.name as object).join() === "zh-CN").map((product) => product.id));
    expect(ids.size).toBeGreaterThan(0);
    const { body } = await search(`q=${encodeURIComponent("luminaria de teto")}&lang=pt&perPage=100`);
    const found = body.hits.filter((hit) => ids.has(hit.id));
    expect(found.length).toBeGreaterThan(0);
    // Shown to the Portuguese reader with a title built from its structured data.
    expect(found[0].name).toMatch(/^Luminária de teto LED/);
    expect(found[0].nameKind).toBe("structured");
  });

  it("tolerates typos and missing accents in Portuguese and English", async () => {
    for (const [q, code] of [
      ["fechadurra", "8301"],
      ["iluminacao", "94"],
      ["chandeleir", "940511"],
    ] as const) {
      const { body } = await search(`q=${encodeURIComponent(q)}&lang=pt`);
      expect(body.total, q).toBeGreaterThan(0);
      expect(body.hits[0].hsCode.startsWith(code), `${q} → ${body.hits[0].name}`).toBe(true);
    }
  });

  it("reads a query that is an HS code as the code", async () => {
    for (const q of ["9405", "9405.11", "940511"]) {
      const { body } = await search(`q=${encodeURIComponent(q)}&perPage=50`);
      expect(body.hsCode, q).toBe(q.replace(".", ""));
      expect(body.total).toBeGreaterThan(0);
      expect(body.hits.every((hit) => hit.hsCode.startsWith(q.replace(".", "")))).toBe(true);
    }
  });
});

describe("words only the HS nomenclature knows", () => {
  it("answer with the products filed where the nomenclature puts those words, and say so", async () => {
    // No product text says "anúncios luminosos"; heading 9405's tariff title does.
    const { body } = await search(`q=${encodeURIComponent("anúncios luminosos")}&lang=pt`);
    expect(body.hsCodesFromWords).toContain("9405");
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.every((hit) => hit.hsCode.startsWith("9405"))).toBe(true);
    const page = await (await anonymous.get(`/pt-PT/search?q=${encodeURIComponent("anúncios luminosos")}`)).text();
    expect(page).toContain("Nenhum produto é descrito com “anúncios luminosos”");
    // Words the nomenclature does not know stay without results.
    const nothing = await search(`q=${encodeURIComponent("xyzzy quux")}&lang=pt`);
    expect(nothing.body.total).toBe(0);
  });

  it("are not looked up when the words find products and the reader's filters leave none", async () => {
    // One shop sign, made outside Guzhen, says "anúncios luminosos".
    const xiaolan = await prisma.town.findUniqueOrThrow({ where: { slug: "xiaolan" } });
    const firm = await createFirm();
    await prisma.firm.update({ where: { id: firm.id }, data: { townId: xiaolan.id } });
    const sign = await prisma.product.create({
      data: {
        slug: `shop-sign-${firm.id}`,
        firmId: firm.id,
        hsCode: "940561",
        name: { pt: { text: "Anúncios luminosos para fachadas de lojas", origin: "author" }, en: { text: "Illuminated shop front sign", origin: "author" } },
        description: {},
        published: true,
      },
    });
    const words = encodeURIComponent("anúncios luminosos");
    try {
      await prisma.searchOutbox.createMany({ data: [{ entityType: "firm", entityId: firm.id }, { entityType: "product", entityId: sign.id }] });
      await drainSearchOutboxFully();
      const found = await search(`q=${words}&lang=pt`);
      expect(found.body.hits.map((hit) => hit.id)).toEqual([sign.id]);
      expect(found.body.hsCodesFromWords).toBeNull();
      // In Guzhen nothing says so: no results, not Guzhen's other lighting under 9405; the town facet shows where the sign is.
      const guzhen = await search(`q=${words}&lang=pt&town=guzhen`);
      expect(guzhen.body.total).toBe(0);
      expect(guzhen.body.hsCodesFromWords).toBeNull();
      expect(guzhen.body.facets.town.find((town) => town.value === "xiaolan")?.count).toBe(1);
      // The page says the filters are what leaves nothing, and offers to set them all aside.
      const page = await (await anonymous.get(`/pt-PT/search?q=${words}&town=guzhen&cert=CE`)).text();
      expect(page).toContain("Nada corresponde a “anúncios luminosos” com estes filtros.");
      expect(page).toContain(`href="/pt-PT/search?q=${encodeURIComponent("anúncios luminosos").replace(/%20/g, "+")}">Limpar todos os filtros</a>`);
      // Likewise when only a limit leaves nothing (the sign states no minimum order).
      const limited = await search(`q=${words}&lang=pt&moqMax=1000`);
      expect(limited.body.total).toBe(0);
      expect(limited.body.hsCodesFromWords).toBeNull();
    } finally {
      await prisma.product.delete({ where: { id: sign.id } });
      await prisma.searchOutbox.create({ data: { entityType: "product", entityId: sign.id } });
      await drainSearchOutboxFully();
    }
    // Gone again: the nomenclature stands in for the words, as before.
    expect((await search(`q=${words}&lang=pt`)).body.hits.every((hit) => hit.hsCode.startsWith("9405"))).toBe(true);
  });
});

describe("facets", () => {
  it("counts values, narrows by them, and keeps the other values of a chosen facet countable", async () => {
    const all = await search("q=&lang=en");
    const towns = all.body.facets.town;
    expect(towns.length).toBeGreaterThanOrEqual(6);
    const guzhen = towns.find((town) => town.value === "guzhen")!;
    expect(guzhen.label).toBe("Guzhen");

    const narrowed = await search("q=&lang=en&town=guzhen");
    expect(narrowed.body.total).toBe(guzhen.count);
    expect(narrowed.body.hits.every((hit) => hit.town === "Guzhen")).toBe(true);
    // Disjunctive: with Guzhen chosen, Xiaolan still shows what it would add.
    const xiaolan = narrowed.body.facets.town.find((town) => town.value === "xiaolan");
    expect(xiaolan?.count).toBe(towns.find((town) => town.value === "xiaolan")?.count);
    expect(narrowed.body.facets.town.find((town) => town.value === "guzhen")?.selected).toBe(true);

    const both = await search("q=&lang=en&town=guzhen&town=xiaolan");
    expect(both.body.total).toBe(guzhen.count + xiaolan!.count);

    const ce = await search("q=&lang=en&town=guzhen&cert=CE");
    expect(ce.body.total).toBeLessThan(guzhen.count);
    expect(ce.body.hits.every((hit) => hit.certifications.includes("CE"))).toBe(true);
    // Each chosen facet is counted within the other choice; the facets nobody chose, within the results.
    expect(ce.body.facets.cert.find((value) => value.value === "CE")?.count).toBe(ce.body.total);
    expect(ce.body.facets.town.find((value) => value.value === "guzhen")?.count).toBe(ce.body.total);
    expect(ce.body.facets.cluster.length).toBeGreaterThan(0);
    expect(ce.body.facets.cluster.every((value) => value.count > 0 && value.count <= ce.body.total)).toBe(true);
    expect(ce.body.facets.cluster.reduce((sum, value) => sum + value.count, 0)).toBeGreaterThan(0);

    const market = await search("q=&lang=pt&market=BR&hs=9405");
    expect(market.body.total).toBeGreaterThan(0);
    expect(market.body.facets.market.find((value) => value.value === "BR")?.label).toBe("Brasil");
  });

  it("names facet values in the asked language", async () => {
    const { body } = await search("q=&lang=zh-CN");
    expect(body.facets.town.find((town) => town.value === "guzhen")?.label).toBe("古镇");
    expect(body.facets.cluster.find((cluster) => cluster.value === "lighting")?.label).toMatch(/灯/);
    const hant = await search("q=&lang=zh-Hant");
    expect(hant.body.facets.town.find((town) => town.value === "guzhen")?.label).toBe("古鎮");
    // Asked again in another language, the same values get that language's names.
    const pt = await search("q=&lang=pt");
    expect(pt.body.facets.language.find((language) => language.value === "pt")?.label).toMatch(/^portugu[eê]s$/i);
    expect(pt.body.facets.town.find((town) => town.value === "guzhen")?.label).toBe("Guzhen");
    const zh = await search("q=&lang=zh-CN");
    expect(zh.body.facets.language.find((language) => language.value === "pt")?.label).toBe("葡萄牙语");
  });

  it("limits minimum orders with moqMax", async () => {
    const { body } = await search("q=&moqMax=100&perPage=100");
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.every((hit) => hit.moq !== null && hit.moq <= 100)).toBe(true);
  });
});

describe("visibility", () => {
  it("shows anonymous visitors only public products, and bureau staff the rest too", async () => {
    const publicCount = await prisma.product.count({ where: { published: true, firm: { verification: "VERIFIED", published: true } } });
    const total = await prisma.product.count();
    expect(publicCount).toBeLessThan(total);
    const open = await search("q=&verified=false");
    expect(open.body.total).toBe(0);
    expect((await search("q=")).body.total).toBe(publicCount);
    const staff = await search("q=", bureau);
    expect(staff.body.total).toBe(total);
    const pending = await search("q=&verified=false", bureau);
    expect(pending.body.total).toBeGreaterThan(0);
    expect(pending.body.hits.every((hit) => !hit.verified && !hit.public)).toBe(true);
  });

  it("caches public answers only", async () => {
    expect((await anonymous.get("/api/v1/search/products?q=lamp")).headers.get("Cache-Control")).toMatch(/public/);
    expect((await bureau.get("/api/v1/search/products?q=lamp")).headers.get("Cache-Control")).toMatch(/no-store/);
  });
});

describe("firm search", () => {
  it("finds firms by what they make, in any language", async () => {
    const { status, body } = await search<{ id: string; name: string; cluster: string; productCount: number }>("q=fechadura&lang=pt", anonymous, "firms");
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0].cluster).toMatch(/Ferragens/);
    expect(body.hits[0].productCount).toBeGreaterThan(0);
    const zh = await search<{ cluster: string }>(`q=${encodeURIComponent("灯饰")}&lang=zh-CN`, anonymous, "firms");
    expect(zh.body.hits[0].cluster).toMatch(/灯/);
  });
});

describe("bad input", () => {
  it("answers odd queries with 400 or empty results, never 500", async () => {
    const cases: [string, number][] = [
      [`q=${"a".repeat(10_000)}`, 400],
      [`q=${encodeURIComponent("lamp\u0000\u0007")}`, 400],
      ["q=*", 200],
      [`q=${encodeURIComponent("!!! ??? ...")}`, 200],
      [`q=${encodeURIComponent('" OR 1=1 --')}`, 200],
      ["page=0", 400],
      ["page=abc", 400],
      ["page=999999", 400],
      ["perPage=1000", 400],
      ["sort=price:desc", 400],
      ["verified=maybe", 400],
      ["moqMax=-5", 400],
    ];
    for (const [query, status] of cases) {
      const response = await anonymous.get(`/api/v1/search/products?${query}`);
      expect(response.status, query.slice(0, 40)).toBe(status);
      const body = (await response.json()) as SearchBody<ProductHit> & { error?: { code: string; message: string } };
      if (status === 400) expect(body.error?.message, query.slice(0, 40)).toBeTruthy();
    }
    // 10,000 Chinese characters make a 90 KB address, which the HTTP server refuses before any code runs.
    const huge = await anonymous.get(`/api/v1/search/products?q=${encodeURIComponent("灯".repeat(10_000))}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    const punctuation = await search(`q=${encodeURIComponent("*")}`);
    expect(punctuation.body.total).toBe(0);
  });

  it("refuses filter injection in facet parameters with a 400 naming the parameter, in the asked language", async () => {
    for (const [param, value] of [
      ["town", '"x" OR 1=1'],
      ["town", "guzhen\" OR town = \"xiaolan"],
      ["cert", "CE] OR [x"],
      ["market", "BR OR public = false"],
      ["hs", "9405 OR public = false"],
      ["cluster", "(lighting)"],
      ["language", "pt'"],
    ]) {
      const response = await anonymous.get(`/api/v1/search/products?${new URLSearchParams({ [param]: value, lang: "pt-PT" })}`);
      expect(response.status, `${param}=${value}`).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(`${param}.invalid`);
      expect(body.error.message).toMatch(/não é um valor válido/);
    }
    // The public scope can't be lifted from the URL.
    const sneaky = await search("q=&public=false&verified=false");
    expect(sneaky.body.total).toBe(0);
  });

  it("answers 503 in the asked language when the engine is unreachable", async () => {
    const { setSearchConnection } = await import("~/modules/search/client.server");
    const { inject } = await import("vitest");
    setSearchConnection({ host: "http://127.0.0.1:9", masterKey: "x" }, process.env.MEILI_INDEX_PREFIX);
    try {
      const response = await anonymous.get("/api/v1/search/products?q=lamp&lang=pt");
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/indisponível|não está disponível/);
      const suggest = await anonymous.get("/api/v1/hs/suggest?q=lamp&lang=pt");
      expect(suggest.status).toBe(503);
      expect(((await suggest.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      const page = await anonymous.get("/pt-PT/search?q=lamp");
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("A pesquisa não está disponível neste momento");
    } finally {
      setSearchConnection({ host: inject("meiliHost"), masterKey: inject("meiliKey") }, process.env.MEILI_INDEX_PREFIX);
    }
  });
});

describe("the search page", () => {
  it("renders results and facets on the server, keeps what was typed, and links every facet", async () => {
    const response = await anonymous.get(`/pt-BR/search?q=${encodeURIComponent("luminária LED para teto")}&cert=CE`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="luminária LED para teto"');
    expect(html).toMatch(/name="cert" checked="" value="CE"/);
    expect(html).toContain("Luminária de teto LED");
    expect(html).toContain('name="robots" content="noindex, follow"');
  });

  it("shows a refused query back with the reason", async () => {
    const long = "lâmpada ".repeat(40);
    const response = await anonymous.get(`/pt-PT/search?q=${encodeURIComponent(long)}`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("A pesquisa é demasiado longa");
    expect(html).toContain(long.trim().slice(0, 50));
  });

  it("finds firms on the firms tab", async () => {
    const html = await (await anonymous.get("/en/search?in=firms&q=lighting")).text();
    expect(html).toMatch(/<span>\d+<\/span> <!-- -->firms/);
    expect(html).toContain("/en/firms/");
  });
});

describe("changes reach search", () => {
  it("shows a renamed product under its new name once the outbox is drained", async () => {
    const product = await prisma.product.findFirstOrThrow({ where: { hsCode: "830140", firm: { verification: "VERIFIED" } }, select: { id: true } });
    await prisma.$transaction(async (tx) => {
      await tx.product.update({ where: { id: product.id }, data: { name: { pt: { text: "Fechadura quântica experimental", origin: "author" } } } });
      await tx.searchOutbox.create({ data: { entityType: "product", entityId: product.id } });
    });
    expect((await search(`q=${encodeURIComponent("quântica")}`)).body.total).toBe(0);
    await drainSearchOutboxFully();
    const { body } = await search(`q=${encodeURIComponent("quantica")}&lang=pt`);
    expect(body.hits.map((hit) => hit.id)).toEqual([product.id]);
  });
});
