import { describe, expect, it } from "vitest";
import { defaultLocale, namespaces, supportedLocales } from "~/i18n/config";
import { resources } from "~/i18n/resources";

/**
 * Every key of every namespace exists in every locale, with the plural forms
 * that locale's grammar needs (Chinese: "other" only; Portuguese and
 * English: "one" and "other"), and no value is empty.
 */
type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded: "firms_one", "firms_other" → "firms (plural)". */
function logicalKeys(keys: Iterable<string>) {
  return new Set([...keys].map((key) => (PLURAL.test(key) ? `${key.replace(PLURAL, "")} (plural)` : key)));
}

function interpolations(text: string) {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();
}

describe("translations", () => {
  for (const ns of namespaces) {
    const reference = flatten(resources[defaultLocale][ns]);
    for (const locale of supportedLocales) {
      describe(`${locale}/${ns}`, () => {
        const keys = flatten(resources[locale][ns]);

        it("has every key the reference locale has, and no others", () => {
          expect([...logicalKeys(keys.keys())].sort()).toEqual([...logicalKeys(reference.keys())].sort());
        });

        it("has the plural forms its language needs", () => {
          const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
          const plurals = new Set([...keys.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, "")));
          for (const base of plurals) {
            for (const category of categories) {
              if (category === "zero" || category === "two" || category === "few" || category === "many") continue;
              expect(keys.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
            }
          }
        });

        it("has no empty value and keeps every interpolation", () => {
          for (const [key, value] of keys) {
            expect(value.trim(), key).not.toBe("");
            const referenceValue = reference.get(key) ?? reference.get(key.replace(PLURAL, "_other"));
            if (referenceValue) expect(interpolations(value), key).toEqual(interpolations(referenceValue));
          }
        });
      });
    }
  }
});

describe("translation keys named in the code", () => {
  it("exist: every \"namespace:key\" literal in app/ resolves in the reference locale", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === "generated") continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts")) files.push(path);
      }
    };
    walk("app");
    const pattern = new RegExp(`["'\`](${namespaces.join("|")}):([A-Za-z][A-Za-z0-9_.]*)["'\`|]`, "g");
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(pattern)) {
        const [, ns, key] = match;
        checked++;
        const keys = flatten(resources[defaultLocale][ns as (typeof namespaces)[number]]);
        const found = keys.has(key) || [...keys.keys()].some((k) => k.startsWith(`${key}.`) || k.replace(PLURAL, "") === key);
        if (!found) missing.push(`${file}: ${ns}:${key}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
