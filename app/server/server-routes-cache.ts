import { createRequire } from "node:module";
import path from "node:path";

/**
 * The route tree `<RemixServer>` renders with, built once per build.
 *
 * `RemixServer` calls `createServerRoutes(manifest.routes, routeModules,
 * future, isSpaMode)` for every document: a walk over the ~110 routes
 * building a route object (and a React element per layout) for each, from
 * values that are the same objects for every request of one build. Under
 * load it was about a twentieth of a search page's CPU (`npm run bench --
 * search-throughput`). The tree it returns is only read: React Router's
 * static router copies every route into its own data routes.
 *
 * This wraps the function on the exports object of `@remix-run/react`'s
 * CommonJS `routes.js`, through which its `server.js` calls it; a new build
 * (dev reload) brings new manifest and module objects, so a new tree.
 */
type CreateServerRoutes = (manifest: object, routeModules: object, future: unknown, isSpaMode: boolean, ...rest: unknown[]) => unknown[];

export function rememberServerRoutes(original: CreateServerRoutes): CreateServerRoutes {
  // Per manifest (one per build): the modules it was built with and the tree.
  const trees = new WeakMap<object, { modules: Record<string, unknown>; future: unknown; isSpaMode: boolean; routes: unknown[] }>();
  return function createServerRoutes(manifest, routeModules, future, isSpaMode, ...rest) {
    // Inner calls (children) and anything unusual go to the original.
    if (rest.some((value) => value !== undefined)) return original(manifest, routeModules, future, isSpaMode, ...rest);
    // Remix passes a new object of route modules with each request: the same modules are the same tree.
    const modules = routeModules as Record<string, unknown>;
    const known = trees.get(manifest);
    if (known && known.future === future && known.isSpaMode === isSpaMode && sameModules(known.modules, modules)) return known.routes;
    const routes = original(manifest, routeModules, future, isSpaMode);
    trees.set(manifest, { modules: { ...modules }, future, isSpaMode, routes });
    return routes;
  };
}

function sameModules(a: Record<string, unknown>, b: Record<string, unknown>) {
  let count = 0;
  for (const id in b) {
    if (a[id] !== b[id]) return false;
    count++;
  }
  return count === Object.keys(a).length;
}

/**
 * React Router's static router then converts that tree into "data routes"
 * (a copy of every route with its flags worked out) for each render: again
 * the same result from the same objects, about a twenty-fifth of a plain
 * page's CPU. `createStaticRouter` calls the conversion through
 * `@remix-run/router`'s exports with a fresh, empty manifest; for a tree it
 * has seen (the remembered one above) it now gets the same data routes and
 * its manifest filled with the same entries. The data routes are only read
 * while rendering on the server (Remix's routes are never lazy). Any other
 * call (a parent path, a manifest already holding routes) is converted anew.
 */
type ConvertRoutes = (routes: unknown[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, unknown>) => unknown[];

export function rememberDataRoutes(original: ConvertRoutes): ConvertRoutes {
  const converted = new WeakMap<unknown[], { mapRouteProperties: unknown; dataRoutes: unknown[]; manifest: Record<string, unknown> }>();
  return function convertRoutesToDataRoutes(routes, mapRouteProperties, parentPath, manifest) {
    if (parentPath !== undefined || !manifest || !isEmpty(manifest)) return original(routes, mapRouteProperties, parentPath, manifest);
    const known = converted.get(routes);
    if (known && known.mapRouteProperties === mapRouteProperties) {
      Object.assign(manifest, known.manifest);
      return known.dataRoutes;
    }
    const dataRoutes = original(routes, mapRouteProperties, undefined, manifest);
    converted.set(routes, { mapRouteProperties, dataRoutes, manifest: { ...manifest } });
    return dataRoutes;
  };
}

function isEmpty(object: object) {
  for (const _key in object) return false;
  return true;
}

let installed = false;

/** Replaces `@remix-run/react`'s `createServerRoutes` and the router's data-route conversion with the remembering ones (once per process). */
export function installServerRoutesCache() {
  if (installed) return;
  const require = createRequire(import.meta.url);
  // The package has no "exports" map: its main file is dist/index.js, beside routes.js.
  const routesModule = require(path.join(path.dirname(require.resolve("@remix-run/react")), "routes.js")) as { createServerRoutes: CreateServerRoutes };
  routesModule.createServerRoutes = rememberServerRoutes(routesModule.createServerRoutes);
  const router = require("@remix-run/router") as { UNSAFE_convertRoutesToDataRoutes: ConvertRoutes };
  router.UNSAFE_convertRoutesToDataRoutes = rememberDataRoutes(router.UNSAFE_convertRoutesToDataRoutes);
  installed = true;
}
