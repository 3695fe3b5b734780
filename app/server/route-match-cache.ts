import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject, Location } from "@remix-run/router";

/**
 * Route matching, remembered per path.
 *
 * `matchRoutes` of `@remix-run/router` flattens and ranks the whole route
 * tree and compiles a regular expression for every route it tries, on every
 * call; Remix 2 calls it five times for each document (the request handler,
 * the static handler, lazy route discovery twice, React Router's rendering),
 * each time over a tree of the same ~110 routes. Under load that was an
 * eighth of the server's CPU for a page (`npm run bench --
 * search-throughput`, README).
 *
 * This wraps the package's exported `matchRoutes`, which Remix's server
 * runtime, `@remix-run/react` and `react-router` all call through the
 * module's exports object (their CommonJS builds, which Node loads). The
 * static handler's own internal call is not reached and stays as it is.
 *
 * What is remembered is the answer in terms of route ids, keyed by the tree's
 * shape (its ids, paths and flags in order), the basename and the pathname;
 * each call gets fresh match objects pointing at the routes of the tree it
 * passed (Remix builds a new tree of the same shape for every render), so no
 * call sees another request's objects. At most `MAX_PATHS` pathnames are
 * kept (least recently used go first): a catalogue has unbounded ids.
 */
const MAX_PATHS = 2000;
const MAX_SHAPES = 16;

type Route = AgnosticRouteObject;
type Match = AgnosticRouteMatch<string, Route>;
type MatchRoutes = (routes: Route[], location: Partial<Location> | string, basename?: string) => Match[] | null;

interface Remembered {
  ids: string[];
  params: Record<string, string | undefined>[];
  pathnames: string[];
  bases: string[];
}

interface TreeIndex {
  shape: string;
  byId: Map<string, Route>;
}

const trees = new WeakMap<Route[], TreeIndex>();

function indexTree(routes: Route[]): TreeIndex | null {
  const known = trees.get(routes);
  if (known) return known;
  const byId = new Map<string, Route>();
  const parts: string[] = [];
  let complete = true;
  const walk = (list: Route[], depth: number) => {
    for (const route of list) {
      if (typeof route.id !== "string" || byId.has(route.id)) complete = false;
      else byId.set(route.id, route);
      parts.push(`${depth}|${route.id}|${route.path ?? ""}|${route.index ? 1 : 0}|${route.caseSensitive ? 1 : 0}`);
      if (route.children?.length) walk(route.children, depth + 1);
    }
  };
  walk(routes, 0);
  // A tree without unique ids cannot be answered from memory: match it every time.
  if (!complete) return null;
  const index = { shape: parts.join("\n"), byId };
  trees.set(routes, index);
  return index;
}

export function memoizeMatchRoutes(original: MatchRoutes, maxPaths = MAX_PATHS): MatchRoutes {
  const shapes = new Map<string, number>();
  const answers = new Map<string, Remembered | null>();
  return function matchRoutes(routes, location, basename = "/") {
    const tree = indexTree(routes);
    const pathname = typeof location === "string" ? location.split(/[?#]/)[0] : location.pathname;
    if (!tree || pathname === undefined) return original(routes, location, basename);
    let shapeId = shapes.get(tree.shape);
    if (shapeId === undefined) {
      // Remix has one or two shapes; trees that change shape all the time are not remembered.
      if (shapes.size >= MAX_SHAPES) return original(routes, location, basename);
      shapes.set(tree.shape, (shapeId = shapes.size));
    }
    const key = `${shapeId}\u0000${basename}\u0000${pathname}`;
    const remembered = answers.get(key);
    if (remembered !== undefined) {
      answers.delete(key);
      answers.set(key, remembered);
      if (remembered === null) return null;
      return remembered.ids.map((id, i) => ({
        route: tree.byId.get(id)!,
        params: { ...remembered.params[i] },
        pathname: remembered.pathnames[i],
        pathnameBase: remembered.bases[i],
      }));
    }
    const matches = original(routes, location, basename);
    answers.set(
      key,
      matches && {
        ids: matches.map((match) => match.route.id!),
        params: matches.map((match) => ({ ...match.params })),
        pathnames: matches.map((match) => match.pathname),
        bases: matches.map((match) => match.pathnameBase),
      },
    );
    if (answers.size > maxPaths) answers.delete(answers.keys().next().value!);
    return matches;
  };
}

let installed = false;

/** Replaces `@remix-run/router`'s exported `matchRoutes` with the remembering one (once per process). */
export function installRouteMatchCache() {
  if (installed) return;
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = memoizeMatchRoutes(router.matchRoutes);
  installed = true;
}
