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

describe("safeRedirect and the Location header", () => {
  it("percent-encodes characters a header can't carry, keeping the path on this site", () => {
    expect(safeRedirect("/zh-CN/firms/古镇灯饰", "/fallback")).toBe("/zh-CN/firms/%E5%8F%A4%E9%95%87%E7%81%AF%E9%A5%B0");
    expect(safeRedirect("/\u2215evil.example", "/fallback")).toBe("/%E2%88%95evil.example");
    expect(safeRedirect("/en/a\ud800b", "/fallback")).toBe("/en/ab");
    // Each answer can be put in a header.
    for (const target of ["/zh-CN/firms/古镇灯饰", "/\u2215x", "/en/👍🏽"]) {
      expect(() => new Headers({ Location: safeRedirect(target, "/fallback") })).not.toThrow();
    }
  });
});
