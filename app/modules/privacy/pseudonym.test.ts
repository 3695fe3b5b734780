import { describe, expect, it } from "vitest";
import { isPseudonym, pseudonymFor } from "./pseudonym";

describe("pseudonymFor", () => {
  it("gives one person the same pseudonym every time, and different people different ones", () => {
    const a = pseudonymFor("ck-user-a", "secret-1");
    expect(pseudonymFor("ck-user-a", "secret-1")).toBe(a);
    expect(pseudonymFor("ck-user-b", "secret-1")).not.toBe(a);
    expect(isPseudonym(a)).toBe(true);
  });

  it("cannot be made without the server's secret, and never contains the id", () => {
    const id = "ckabcdef0123456789";
    expect(pseudonymFor(id, "secret-1")).not.toBe(pseudonymFor(id, "secret-2"));
    expect(pseudonymFor(id, "secret-1")).not.toContain(id);
    expect(isPseudonym(id)).toBe(false);
    expect(isPseudonym(null)).toBe(false);
  });
});
