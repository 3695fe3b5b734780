import { createStaticHandler, matchRoutes, type AgnosticRouteObject, type StaticHandlerContext } from "@remix-run/router";
import { describe, expect, it, vi } from "vitest";
import { memoizeMatchRoutes } from "./route-match-cache";
import { branchStaticHandlers, pruneToBranch } from "./static-handler-cache";

/** Each route's loader answers its id and the params it was given. */
const loader = (id: string) => ({ params }: { params: Record<string, string | undefined> }) => ({ id, params });

/** A tree shaped like Remix's: a pathless root, a language segment, index, nested, dynamic, optional-looking and splat routes, and siblings that rank against each other. */
function tree(): AgnosticRouteObject[] {
  const route = (id: string, rest: Partial<AgnosticRouteObject> = {}) => ({ id, loader: loader(id), ...rest }) as AgnosticRouteObject;
  return [
    route("root", {
      path: "",
      children: [
        route("routes/_index", { index: true }),
        route("routes/$lang", {
          path: ":lang",
          children: [
            route("routes/$lang._index", { index: true }),
            route("routes/$lang.search", { path: "search" }),
            route("routes/$lang.catalog.products.$productId", { path: "catalog/products/:productId" }),
            route("routes/$lang.catalog.products.new", { path: "catalog/products/new" }),
            route("routes/$lang.meetings.$editionSlug.firm_.agenda", { path: "meetings/:editionSlug/firm/agenda" }),
            route("routes/$lang.meetings.$editionSlug.firm_.agenda[.]ics", { path: "meetings/:editionSlug/firm/agenda.ics" }),
            route("routes/$lang.bureau", { path: "bureau", children: [route("routes/$lang.bureau._index", { index: true }), route("routes/$lang.bureau.firms", { path: "firms" })] }),
            route("routes/$lang.$", { path: "*" }),
          ],
        }),
        route("routes/api.v1.search.products", { path: "api/v1/search/products" }),
        route("routes/feeds.meetings.$token", { path: "feeds/meetings/:token" }),
        route("routes/$", { path: "*" }),
      ],
    }),
  ];
}

const paths = [
  "/",
  "/pt",
  "/pt/",
  "/zh-CN/search",
  "/en/catalog/products/p1",
  "/en/catalog/products/new",
  "/en/catalog/products/%E7%81%AF",
  "/zh-CN/meetings/mif-2027/firm/agenda",
  "/zh-CN/meetings/mif-2027/firm/agenda.ics",
  "/en/bureau",
  "/en/bureau/firms",
  "/en/bureau/firms/extra",
  "/api/v1/search/products",
  "/feeds/meetings/abc.ics",
  "/nowhere/at/all",
];

function summary(result: StaticHandlerContext | Response) {
  if (result instanceof Response) return { status: result.status };
  return {
    status: result.statusCode,
    matches: result.matches.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname, pathnameBase: match.pathnameBase })),
    loaderData: result.loaderData,
    errors: result.errors && Object.fromEntries(Object.entries(result.errors).map(([id, error]) => [id, (error as { status?: number }).status ?? String(error)])),
  };
}

const request = (path: string, method = "GET") => new Request(`http://ponte.test${path}?q=1`, { method });

describe("branchStaticHandlers", () => {
  it("answers every document request as the whole tree's handler does", async () => {
    const whole = createStaticHandler(tree());
    const branchWise = branchStaticHandlers(createStaticHandler, () => memoizeMatchRoutes(matchRoutes as never) as never)(tree());
    for (const path of paths) {
      expect(summary(await branchWise.query(request(path))), path).toEqual(summary(await whole.query(request(path))));
      // The second time from the branch's own handler, with the same answer.
      expect(summary(await branchWise.query(request(path))), path).toEqual(summary(await whole.query(request(path))));
    }
  });

  it("answers resource and data requests, with or without a route id, as the whole tree's handler does", async () => {
    const whole = createStaticHandler(tree());
    const branchWise = branchStaticHandlers(createStaticHandler, () => matchRoutes as never)(tree());
    const outcome = async (run: () => Promise<unknown>) => {
      try {
        return { value: await run() };
      } catch (error) {
        return { thrown: (error as { status?: number }).status ?? String(error) };
      }
    };
    for (const path of paths) {
      expect(await outcome(() => branchWise.queryRoute(request(path))), path).toEqual(await outcome(() => whole.queryRoute(request(path))));
      for (const routeId of ["root", "routes/$lang", "routes/$lang.search", "routes/api.v1.search.products"]) {
        expect(await outcome(() => branchWise.queryRoute(request(path), { routeId })), `${path} ${routeId}`).toEqual(await outcome(() => whole.queryRoute(request(path), { routeId })));
      }
    }
    // A method the router does not know: the same refusal.
    expect(summary(await branchWise.query(request("/en/search", "PROPFIND")))).toEqual(summary(await whole.query(request("/en/search", "PROPFIND"))));
  });

  it("builds one handler per branch, once", async () => {
    const create = vi.fn(createStaticHandler);
    const branchWise = branchStaticHandlers(create, () => matchRoutes as never)(tree());
    expect(create).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i++) {
      await branchWise.query(request("/en/search"));
      await branchWise.query(request("/pt/search"));
      await branchWise.queryRoute(request("/feeds/meetings/abc.ics"));
    }
    // The whole tree, the search branch (both languages) and the feed's branch.
    expect(create).toHaveBeenCalledTimes(3);
    // Two paths the splat route catches share its branch's handler.
    await branchWise.query(request("/api/v1/nothing-here"));
    await branchWise.query(request("/api/v2/nothing-either/x"));
    expect(create).toHaveBeenCalledTimes(4);
  });
});

describe("pruneToBranch", () => {
  it("keeps the routes along the ids, each with the next as its only child, and leaves the tree it was given alone", () => {
    const routes = tree();
    const branch = pruneToBranch(routes, ["root", "routes/$lang", "routes/$lang.bureau", "routes/$lang.bureau.firms"]);
    expect(branch?.[0].id).toBe("root");
    expect(branch?.[0].children?.map((child) => child.id)).toEqual(["routes/$lang"]);
    expect(branch?.[0].children?.[0].children?.[0].children?.map((child) => child.id)).toEqual(["routes/$lang.bureau.firms"]);
    expect(branch?.[0].children?.[0].children?.[0].children?.[0].children).toBeUndefined();
    expect(routes[0].children).toHaveLength(5);
    expect(pruneToBranch(routes, ["root", "routes/missing"])).toBeNull();
  });
});
