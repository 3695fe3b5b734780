import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Remix drops `*.server` modules from the browser bundle: a value imported
 * from one is `undefined` in the browser. Used in a route's component (or
 * anywhere in a shared component), the page renders on the server and then
 * breaks when React takes over (a call page lost its lifecycle buttons this
 * way). Loaders and actions may use them; components must not.
 */
const root = path.resolve(import.meta.dirname, "../..");

function serverValueImports(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*"([^"]+\.server)"/g)) {
    if (match[1]) continue;
    for (const entry of match[2].split(",")) {
      const name = entry.trim();
      if (!name || name.startsWith("type ")) continue;
      names.push(name.split(/\s+as\s+/).pop()!.trim());
    }
  }
  for (const match of source.matchAll(/import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*"([^"]+\.server)"/g)) names.push(match[1]);
  return names;
}

/** The part of a route module React runs in the browser: from the default export on (components come last, by the codebase's layout). */
function componentPart(source: string): string {
  const start = source.search(/export default function/);
  return start === -1 ? "" : source.slice(start);
}

/** The identifier itself, not a property or a translation key of the same name (`row.countryName`, `t("account.changePassword")`). */
const usesName = (code: string, name: string) => new RegExp(`(?<![.\\w$"'])${name}\\b`).test(code);

const files = (dir: string) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".tsx")).map((file) => path.join(dir, file));

describe("server-only modules stay on the server", () => {
  it("no route component uses a value imported from a .server module", () => {
    const offenders: string[] = [];
    for (const file of files("app/routes")) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      const browser = componentPart(source);
      for (const name of serverValueImports(source)) if (usesName(browser, name)) offenders.push(`${file}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it("no shared component imports a value from a .server module", () => {
    const offenders = files("app/components").flatMap((file) => serverValueImports(fs.readFileSync(path.join(root, file), "utf8")).map((name) => `${file}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it("finds the mistake it guards against", () => {
    const source = 'import { callTermsEditable } from "~/modules/delegation/calls.server";\nexport async function loader() {}\nexport default function Page() { return callTermsEditable("DRAFT"); }';
    expect(serverValueImports(source)).toEqual(["callTermsEditable"]);
    expect(usesName(componentPart(source), "callTermsEditable")).toBe(true);
    expect(usesName('{row.countryName} {t("account.changePassword")}', "countryName")).toBe(false);
  });
});
