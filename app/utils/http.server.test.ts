import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";

describe("safeRedirect", () => {
  it.each(["/en/account", "/pt/firms/x?y=1#z"])("keeps %s", (target) => {
    expect(safeRedirect(target, "/fallback")).toBe(target);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/en/\u0000", "", null, undefined, "en/account"])(
    "refuses %j",
    (target) => {
      expect(safeRedirect(target as string, "/fallback")).toBe("/fallback");
    },
  );
});
