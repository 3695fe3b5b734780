import { Converter } from "opencc-js";
import { singleton } from "~/utils/singleton.server";

/**
 * Simplified ↔ Traditional Chinese with OpenCC (opencc-js). Macao reads
 * Traditional characters with Hong Kong usage ("cn" → "hk": 吸顶灯 → 吸頂燈,
 * 红木家具 → 紅木傢俱); search and matching work on Simplified, so
 * Traditional input is folded back ("hk" → "cn").
 *
 * Server-only: the dictionaries weigh megabytes and must not reach the
 * browser bundle. Converters are built once per process.
 */
type Convert = (text: string) => string;

function converter(name: string, from: "cn" | "hk", to: "cn" | "hk"): Convert {
  return singleton(`opencc:${name}`, () => Converter({ from, to }));
}

export function toTraditional(text: string): string {
  return text ? converter("cn-hk", "cn", "hk")(text) : text;
}

export function toSimplified(text: string): string {
  return text ? converter("hk-cn", "hk", "cn")(text) : text;
}

/** Converts every string leaf of a translation tree (i18n resources). */
export function treeToTraditional<T>(tree: T): T {
  if (typeof tree === "string") return toTraditional(tree) as T;
  if (Array.isArray(tree)) return tree.map((item) => treeToTraditional(item)) as T;
  if (tree && typeof tree === "object") {
    return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, treeToTraditional(value)])) as T;
  }
  return tree;
}
