import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { UNSAFE_convertRoutesToDataRoutes as convertRoutesToDataRoutes } from "@remix-run/router";
import { installServerRoutesCache, rememberDataRoutes, rememberServerRoutes } from "./server-routes-cache";

describe("rememberServerRoutes", () => {
  const manifest = { root: { id: "root" } };
  const rootModule = { default: () => null };
  const future = { v3_fetcherPersist: true };

  it("builds the tree once for the same manifest and the same modules, even in a new object", () => {
    const original = vi.fn(() => [{ id: "root" }]);
    const remembered = rememberServerRoutes(original);
    const first = remembered(manifest, { root: rootModule }, future, false);
    const second = remembered(manifest, { root: rootModule }, future, false);
    expect(second).toBe(first);
    expect(original).toHaveBeenCalledTimes(1);
  });

  it("builds it again when a module, the future flags, the SPA mode or the manifest differ", () => {
    const original = vi.fn(() => [{ id: "root" }]);
    const remembered = rememberServerRoutes(original);
    remembered(manifest, { root: rootModule }, future, false);
    remembered(manifest, { root: { default: () => null } }, future, false);
    remembered(manifest, { root: rootModule, other: rootModule }, future, false);
    remembered(manifest, { root: rootModule }, { ...future }, false);
    remembered(manifest, { root: rootModule }, future, true);
    remembered({ ...manifest }, { root: rootModule }, future, false);
    expect(original).toHaveBeenCalledTimes(6);
  });

  it("passes inner calls (a parent id) through", () => {
    const original = vi.fn(() => []);
    const remembered = rememberServerRoutes(original);
    remembered(manifest, { root: rootModule }, future, false, "root");
    remembered(manifest, { root: rootModule }, future, false, "root");
    expect(original).toHaveBeenCalledTimes(2);
  });

  it("installs on the function RemixServer calls: one tree for every render of a build", () => {
    installServerRoutesCache();
    const require = createRequire(import.meta.url);
    const routes = require(path.join(path.dirname(require.resolve("@remix-run/react")), "routes.js")) as { createServerRoutes: (...args: unknown[]) => unknown[] };
    const routeManifest = { root: { id: "root", path: "", hasLoader: true }, "routes/a": { id: "routes/a", parentId: "root", path: "a", hasLoader: false } };
    const modules = { root: { default: () => null }, "routes/a": { default: () => null } };
    const first = routes.createServerRoutes(routeManifest, { ...modules }, future, false);
    expect(routes.createServerRoutes(routeManifest, { ...modules }, future, false)).toBe(first);
    expect(first).toMatchObject([{ id: "root", children: [{ id: "routes/a", path: "a" }] }]);
  });
});

describe("rememberDataRoutes", () => {
  const tree = () => [{ id: "root", path: "", children: [{ id: "routes/a", path: "a" }, { id: "routes/b", index: true }] }];
  const mapRouteProperties = () => ({ hasErrorBoundary: false });

  it("converts a tree once, and fills each caller's empty manifest with the same entries", () => {
    const original = vi.fn(convertRoutesToDataRoutes as never) as never;
    const remembered = rememberDataRoutes(original);
    const routes = tree();
    const firstManifest: Record<string, unknown> = {};
    const first = remembered(routes, mapRouteProperties, undefined, firstManifest);
    const secondManifest: Record<string, unknown> = {};
    const second = remembered(routes, mapRouteProperties, undefined, secondManifest);
    expect(second).toBe(first);
    expect(original).toHaveBeenCalledTimes(1);
    expect(Object.keys(secondManifest).sort()).toEqual(["root", "routes/a", "routes/b"]);
    expect(secondManifest).toEqual(firstManifest);
    expect(secondManifest["routes/a"]).toBe((first as { children: unknown[] }[])[0].children[0]);
    expect(first).toEqual(convertRoutesToDataRoutes(tree() as never, mapRouteProperties as never, undefined, {}));
  });

  it("converts anew for another tree, other route properties, a parent path or a manifest already in use", () => {
    const original = vi.fn(convertRoutesToDataRoutes as never) as never;
    const remembered = rememberDataRoutes(original);
    const routes = tree();
    remembered(routes, mapRouteProperties, undefined, {});
    remembered(tree(), mapRouteProperties, undefined, {});
    remembered(routes, () => ({}), undefined, {});
    remembered(routes[0].children, mapRouteProperties, ["0"], {});
    remembered(routes, mapRouteProperties, undefined, { other: {} });
    expect(original).toHaveBeenCalledTimes(5);
  });
});
