import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessRules, routeRules, routesWithoutRule, rulesWithoutRoute } from "~/modules/access/route-rules";

/**
 * The access-rule table (app/modules/access/route-rules.ts) against the
 * route files: every route has a rule, and calls the access functions of
 * its rule. (The role × route test checks the same table against the build
 * and walks the routes as each kind of visitor.)
 */
const routesDir = path.resolve("app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((name) => /\.tsx?$/.test(name));
const idOf = (file: string) => `routes/${file.replace(/\.tsx?$/, "")}`;
const routeIds = ["root", ...routeFiles.map(idOf)];

describe("the access-rule table", () => {
  it("has a rule for every route file, and none for a route that is gone", () => {
    expect(routesWithoutRule(routeIds)).toEqual([]);
    expect(rulesWithoutRoute(routeIds)).toEqual([]);
  });

  it("fails for a route added without a rule", () => {
    expect(routesWithoutRule([...routeIds, "routes/$lang.bureau.delegations.$callId"])).toEqual(["routes/$lang.bureau.delegations.$callId"]);
  });

  it("finds each route calling the access functions of its rule", () => {
    const missing: string[] = [];
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.join(routesDir, file), "utf8");
      for (const call of accessRules[routeRules[idOf(file)]].calls) {
        if (!call.split("|").some((name) => source.includes(`${name}(`))) missing.push(`${file}: ${call}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
