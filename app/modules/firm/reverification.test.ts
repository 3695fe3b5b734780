import { describe, expect, it } from "vitest";
import { asPendingValues, blankedLegalNames, identityShown, routeIdentityChange, type IdentityValues } from "./reverification";

const author = (text: string) => ({ text, origin: "author" as const });
const stored: IdentityValues = {
  name: { "zh-CN": author("中山市古镇灯饰有限公司"), en: author("Guzhen Lighting Co."), pt: author("Iluminação Guzhen") },
  uscc: "91442000MA4W00000X",
  townId: "town-guzhen",
};

describe("routeIdentityChange", () => {
  it("sends a verified firm's new legal name, credit code or town to the bureau and applies nothing of them", () => {
    const submitted = { ...stored, name: { ...stored.name, en: author("Guzhen Lighting Group") }, townId: "town-xiaolan" };
    const routed = routeIdentityChange({ verified: true, byBureau: false, stored, submitted });
    expect(routed.apply).toEqual({});
    expect(routed.pending).toEqual({ name: submitted.name, uscc: null, townId: "town-xiaolan", fields: ["name", "townId"] });
    expect(routed.dropPending).toBe(false);
  });

  it("lets a verified firm change its Portuguese name at once", () => {
    const submitted = { ...stored, name: { ...stored.name, pt: author("Luzes Guzhen") } };
    const routed = routeIdentityChange({ verified: true, byBureau: false, stored, submitted });
    expect(routed.apply).toEqual({ name: submitted.name });
    expect(routed.pending).toBeNull();
  });

  it("drops the pending change when a verified firm goes back to its verified values", () => {
    const routed = routeIdentityChange({ verified: true, byBureau: false, stored, submitted: { ...stored } });
    expect(routed).toEqual({ apply: {}, pending: null, dropPending: true });
  });

  it("applies at once for a firm not verified, and for the bureau (which leaves a pending change alone)", () => {
    const submitted = { ...stored, uscc: "91442000MA4W00001X" };
    expect(routeIdentityChange({ verified: false, byBureau: false, stored, submitted })).toEqual({ apply: { uscc: "91442000MA4W00001X" }, pending: null, dropPending: true });
    expect(routeIdentityChange({ verified: true, byBureau: true, stored, submitted })).toEqual({ apply: { uscc: "91442000MA4W00001X" }, pending: null, dropPending: false });
  });
});

describe("identityShown", () => {
  const pending = { name: { "zh-CN": author("中山市新名灯饰有限公司") }, uscc: null, townId: null, fields: ["name" as const] };
  it("shows the verified values to the public and the pending ones to the firm and the bureau", () => {
    expect(identityShown(stored, pending, "public")).toBe(stored);
    expect(identityShown(stored, pending, "firm").name).toEqual(pending.name);
    expect(identityShown(stored, pending, "bureau")).toMatchObject({ uscc: stored.uscc, townId: stored.townId });
    expect(identityShown(stored, null, "firm")).toBe(stored);
  });
});

describe("blankedLegalNames", () => {
  it("names the legal languages left blank, not the Portuguese translation", () => {
    expect(blankedLegalNames(stored.name, { pt: author("x") })).toEqual(["zh-CN", "en"]);
    expect(blankedLegalNames(stored.name, { "zh-CN": author("  "), en: author("Guzhen") })).toEqual(["zh-CN"]);
    expect(blankedLegalNames(stored.name, { "zh-CN": author("甲"), en: author("A") })).toEqual([]);
    expect(blankedLegalNames({ pt: author("x") }, {})).toEqual([]);
  });
});

describe("asPendingValues", () => {
  it("keeps only known fields and treats a row without any as none", () => {
    expect(asPendingValues({ name: null, uscc: "X", townId: null, fields: ["uscc", "bogus"] })).toEqual({ name: null, uscc: "X", townId: null, fields: ["uscc"] });
    expect(asPendingValues({ name: null, uscc: null, townId: null, fields: ["bogus"] })).toBeNull();
    expect(asPendingValues(null)).toBeNull();
  });
});
