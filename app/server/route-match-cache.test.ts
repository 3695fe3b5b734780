import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it, vi } from "vitest";
import { memoizeMatchRoutes } from "./route-match-cache";

/** A tree shaped like Remix's: a pathless root, a language segment, index, nested, dynamic and splat routes. */
function tree(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        {
          id: "routes/$lang",
          path: ":lang",
          children: [
            { id: "routes/$lang._index", index: true },
            { id: "routes/$lang.search", path: "search" },
            { id: "routes/$lang.catalog.products.$productId", path: "catalog/products/:productId" },
            { id: "routes/$lang.catalog.products.new", path: "catalog/products/new" },
            { id: "routes/$lang.bureau", path: "bureau", children: [{ id: "routes/$lang.bureau._index", index: true }, { id: "routes/$lang.bureau.firms", path: "firms" }] },
          ],
        },
        { id: "routes/api.v1.search.products", path: "api/v1/search/products" },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const paths = ["/", "/pt", "/pt/", "/zh-CN/search", "/en/catalog/products/p1", "/en/catalog/products/new", "/en/bureau", "/en/bureau/firms", "/api/v1/search/products", "/nowhere/at/all", "/en/catalog/products/%E7%81%AF"];

function plain(matches: ReturnType<typeof matchRoutes>) {
  return matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname, pathnameBase: match.pathnameBase })) ?? null;
}

describe("memoizeMatchRoutes", () => {
  it("answers every path as matchRoutes does, the second time from memory", () => {
    const original = vi.fn(matchRoutes);
    const cached = memoizeMatchRoutes(original as never);
    const routes = tree();
    for (const path of paths) expect(plain(cached(routes, path) as never)).toEqual(plain(matchRoutes(routes, path)));
    const calls = original.mock.calls.length;
    for (const path of paths) expect(plain(cached(routes, { pathname: path }) as never)).toEqual(plain(matchRoutes(routes, path)));
    expect(original.mock.calls.length).toBe(calls);
  });

  it("gives each tree of the same shape matches pointing at its own route objects, with params of their own", () => {
    const cached = memoizeMatchRoutes(matchRoutes as never);
    const first = tree();
    const second = tree();
    const a = cached(first, "/en/catalog/products/p1")!;
    const b = cached(second, "/en/catalog/products/p1")!;
    expect(b.map((match) => match.route.id)).toEqual(a.map((match) => match.route.id));
    expect(b.at(-1)!.route).toBe(second[0].children![1].children![2]);
    expect(b.at(-1)!.route).not.toBe(a.at(-1)!.route);
    (b.at(-1)!.params as Record<string, string>).productId = "changed";
    expect(cached(second, "/en/catalog/products/p1")!.at(-1)!.params.productId).toBe("p1");
  });

  it("keeps trees of another shape apart, and the basename in the key", () => {
    const cached = memoizeMatchRoutes(matchRoutes as never);
    const other: AgnosticRouteObject[] = [{ id: "root", path: "", children: [{ id: "routes/$lang.search", path: ":lang/find" }] }];
    expect(cached(tree(), "/en/search")?.at(-1)?.route.id).toBe("routes/$lang.search");
    expect(cached(other, "/en/search")).toBeNull();
    expect(cached(other, "/en/find")?.at(-1)?.route.id).toBe("routes/$lang.search");
    expect(cached(tree(), "/app/en/search", "/app")?.at(-1)?.route.id).toBe("routes/$lang.search");
    expect(cached(tree(), "/en/search", "/app")).toBeNull();
  });

  it("remembers at most the given number of paths, and matches trees without unique ids every time", () => {
    const original = vi.fn(matchRoutes);
    const cached = memoizeMatchRoutes(original as never, 2);
    const routes = tree();
    cached(routes, "/en/search");
    cached(routes, "/en/bureau");
    cached(routes, "/en/bureau/firms");
    original.mockClear();
    cached(routes, "/en/search");
    expect(original).toHaveBeenCalledTimes(1);
    cached(routes, "/en/bureau/firms");
    expect(original).toHaveBeenCalledTimes(1);

    const duplicated: AgnosticRouteObject[] = [{ id: "a", path: "x" }, { id: "a", path: "y" }];
    original.mockClear();
    expect(cached(duplicated, "/y")?.[0].route).toBe(duplicated[1]);
    expect(cached(duplicated, "/y")?.[0].route).toBe(duplicated[1]);
    expect(original).toHaveBeenCalledTimes(2);
  });
});
