import { describe, expect, it } from "vitest";
import { namespaces, supportedLocales } from "~/i18n/config";
import { resources } from "~/i18n/resources";

/** Every key of the English reference exists in every locale (plural forms compared by their base key). */
type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [path.replace(/_(zero|one|two|few|many|other)$/, "")] : keys(value, path);
  });
}

describe("translations", () => {
  for (const namespace of namespaces) {
    it(`has every ${namespace} key in every locale`, () => {
      const reference = new Set(keys(resources.en[namespace]));
      for (const locale of supportedLocales) {
        const present = new Set(keys(resources[locale][namespace]));
        const missing = [...reference].filter((key) => !present.has(key));
        expect(missing, `${locale}/${namespace}.json`).toEqual([]);
      }
    });
  }
});
