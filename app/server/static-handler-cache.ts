import { createRequire } from "node:module";
import type { AgnosticDataRouteObject, AgnosticRouteMatch, AgnosticRouteObject, Location, StaticHandler } from "@remix-run/router";

/**
 * Remix's static handler, matching against a tree of one branch.
 *
 * The static handler's `query` and `queryRoute` match the request's path
 * against the whole route tree with the router's own `matchRoutes`, which
 * flattens and ranks the ~110 routes and compiles a regular expression for
 * each route it tries, on every request. Being an internal call, it is not
 * reached by the remembering `matchRoutes` (`route-match-cache.ts`); under
 * load it was a ninth of a plain page's CPU and as much of each resource
 * route's (a CPU profile of `npm run bench -- agenda`).
 *
 * This wraps `createStaticHandler` on the package's exports object, through
 * which Remix's server runtime calls it once per build. The wrapped handler
 * finds the request's branch with the exported (remembering) `matchRoutes`
 * and hands the request to a handler built once for that branch alone: the
 * same route objects (ids, loaders, actions, flags) with every sibling left
 * out. Matching that tree gives the same routes and params as matching the
 * whole one, because the branch found first in the whole tree is also first
 * among its own prefixes. A path nothing matches goes to the whole tree's
 * handler, which answers 404 as before.
 */
type Route = AgnosticRouteObject;
type MatchRoutes = (routes: Route[], location: Partial<Location> | string, basename?: string) => AgnosticRouteMatch<string, Route>[] | null;
type CreateStaticHandler = (routes: Route[], opts?: { basename?: string } & Record<string, unknown>) => StaticHandler;

/** At most this many branches get a handler of their own (a tree of ~110 routes has fewer). */
const MAX_BRANCHES = 500;

/** The routes along `ids`, each with only the next one as its child. */
export function pruneToBranch(routes: Route[], ids: readonly string[]): Route[] | null {
  const [id, ...rest] = ids;
  const route = routes.find((candidate) => candidate.id === id);
  if (!route) return null;
  if (!rest.length) return [{ ...route, children: undefined } as Route];
  const children = pruneToBranch(route.children ?? [], rest);
  return children && [{ ...route, children } as Route];
}

export function branchStaticHandlers(original: CreateStaticHandler, matchRoutes: () => MatchRoutes): CreateStaticHandler {
  return function createStaticHandler(routes, opts) {
    const whole = original(routes, opts);
    const basename = opts?.basename || "/";
    const branches = new Map<string, StaticHandler>();
    const handlerFor = (request: Request): StaticHandler => {
      const matches = matchRoutes()(routes, { pathname: new URL(request.url).pathname }, basename);
      if (!matches?.length) return whole;
      const ids = matches.map((match) => match.route.id as string);
      const key = ids.join("\u0000");
      let handler = branches.get(key);
      if (!handler) {
        const branch = branches.size < MAX_BRANCHES ? pruneToBranch(routes, ids) : null;
        if (!branch) return whole;
        handler = original(branch, opts);
        branches.set(key, handler);
      }
      return handler;
    };
    return {
      dataRoutes: whole.dataRoutes as AgnosticDataRouteObject[],
      query: (request, options) => handlerFor(request).query(request, options),
      queryRoute: (request, options) => handlerFor(request).queryRoute(request, options),
    };
  };
}

let installed = false;

/** Replaces `@remix-run/router`'s exported `createStaticHandler` with the branch-wise one (once per process). */
export function installStaticHandlerCache() {
  if (installed) return;
  const router = createRequire(import.meta.url)("@remix-run/router") as { createStaticHandler: CreateStaticHandler; matchRoutes: MatchRoutes };
  // Read at each request: the remembering matchRoutes, once route-match-cache has installed it.
  router.createStaticHandler = branchStaticHandlers(router.createStaticHandler, () => router.matchRoutes);
  installed = true;
}
