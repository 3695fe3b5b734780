import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "~/i18n/resources/en/audit.json";

/**
 * Every action the app records is named in the reader's language: the
 * action strings written in `recordAudit` calls (plain and in `a ? "x" : "y"`)
 * each have a label under audit:trail.actions.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function recordedActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of [...sources("app/modules"), ...sources("prisma/seed")]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\baction: ((?:[^,}\n]*\?\s*)?"[A-Za-z.-]+"(?:\s*:\s*"[A-Za-z.-]+")?)/g)) {
      // In `a === "X" ? "y" : "z"` only what follows the "?" is an action.
      const values = match[1].includes("?") ? match[1].slice(match[1].lastIndexOf("?")) : match[1];
      for (const literal of values.matchAll(/"([A-Za-z.-]+)"/g)) actions.add(literal[1]);
    }
  }
  return actions;
}

function has(tree: unknown, key: string): boolean {
  const value = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
  return typeof value === "string";
}

describe("audit actions", () => {
  it("finds the recorded actions", () => {
    const actions = recordedActions();
    expect(actions).toContain("update-by-bureau");
    expect(actions).toContain("alias-add");
    expect(actions.size).toBeGreaterThan(30);
  });

  it("has a label for every recorded action", () => {
    const missing = [...recordedActions()].filter((action) => !has(en.trail.actions, action));
    expect(missing).toEqual([]);
  });
});
