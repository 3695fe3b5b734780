import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { reindexAll } from "~/modules/search/reindex.server";
import { searchProducts } from "~/modules/search/queries.server";
import { parseProductSearch } from "~/modules/search/search-params";
import { searchBoxes } from "~/modules/search/boxes.server";
import { searchFairs } from "~/modules/search/fair-queries.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { scales } from "../../prisma/seed/demo";

/**
 * The search page's fairs and notices boxes ride in its product
 * multi-search (one request to Meilisearch): the same answers as asked on
 * their own, and a box query the engine refuses never costs the results.
 */
let fairName = "";

beforeAll(async () => {
  await seedDemo(scales.small, new Date("2026-11-01T00:00:00Z"));
  await reindexAll();
  const edition = await prisma.fairEdition.findFirstOrThrow({ orderBy: { slug: "asc" } });
  fairName = displayTextIn(edition.name, "en");
}, 120_000);

function input(q: string) {
  const parsed = parseProductSearch(new URLSearchParams({ q }));
  if (!parsed.ok) throw new Error("bad query");
  return parsed.input;
}

describe("the search page's boxes", () => {
  it("are answered in the product multi-search, as they are on their own", async () => {
    const boxes = searchBoxes(fairName);
    const alone = await searchProducts(input(fairName), { locale: "en", viewer: null });
    const together = await searchProducts(input(fairName), { locale: "en", viewer: null, alongside: boxes.alongside });
    expect(boxes.alongside.queries).toHaveLength(2);
    expect(boxes.alongside.answers).toHaveLength(2);
    expect(together.total).toBe(alone.total);
    expect(together.hits.map((hit) => hit.id)).toEqual(alone.hits.map((hit) => hit.id));
    const { fairs, notices } = await boxes.answer("en");
    expect(fairs.length).toBeGreaterThan(0);
    expect(fairs).toEqual(await searchFairs(fairName, "en"));
    expect(notices.total).toBe(notices.notices.length);
  });

  it("leave the results alone when the engine refuses one of them, and are then asked on their own", async () => {
    const boxes = searchBoxes(fairName);
    boxes.alongside.queries.push({ indexUid: "no-such-index", q: fairName });
    const alone = await searchProducts(input(fairName), { locale: "en", viewer: null });
    const together = await searchProducts(input(fairName), { locale: "en", viewer: null, alongside: boxes.alongside });
    expect(together.total).toBe(alone.total);
    expect(boxes.alongside.answers).toBeUndefined();
    expect((await boxes.answer("en")).fairs).toEqual(await searchFairs(fairName, "en"));
  });

  it("ask nothing for a query with nothing to search for", () => {
    expect(searchBoxes("*").alongside.queries).toEqual([]);
  });
});
