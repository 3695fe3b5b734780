import { describe, expect, it } from "vitest";
import { feedOwnerKey, feedPath, feedTokenHash, newFeedToken, parseFeedToken } from "./feed";

describe("a calendar feed token", () => {
  it("is 32 random bytes in base64url, different every time, and kept only as its SHA-256", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newFeedToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [token] = tokens;
    expect(feedTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash(token)).toBe(feedTokenHash(token));
    expect(feedTokenHash(token)).not.toContain(token);
    expect(feedTokenHash(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(feedTokenHash(token));
  });

  it("is read from the URL's last segment with or without .ics, and anything else is refused", () => {
    const token = newFeedToken();
    expect(parseFeedToken(`${token}.ics`)).toBe(token);
    expect(parseFeedToken(token)).toBe(token);
    expect(feedPath(token)).toBe(`/feeds/meetings/${token}.ics`);
    for (const bad of [undefined, "", ".ics", "abc.ics", `${token}x.ics`, `${token.slice(1)}.ics`, `${token.slice(0, 42)}=.ics`, "../../etc/passwd", `${token}.ics.ics`, "%00".repeat(15)]) {
      expect(parseFeedToken(bad), String(bad)).toBeNull();
    }
  });

  it("belongs to one participant: a buyer's company or a firm, never confused", () => {
    expect(feedOwnerKey({ buyerCompanyId: "c1" })).toBe("buyer:c1");
    expect(feedOwnerKey({ firmId: "c1" })).toBe("firm:c1");
  });
});
