import { describe, expect, it } from "vitest";
import { actionKeys, canonical, describeChanges, listDifference, referencedIds, sameValue, showValue, type Vocabulary } from "./describe";
import { diffFields } from "./audit.server";

const countries: Record<string, string> = { BR: "Brasil", PT: "Portugal", AO: "Angola" };
const vocabulary: Vocabulary = {
  locale: "pt",
  zone: "Asia/Shanghai",
  countryName: (code) => countries[code] ?? code,
  languageName: (code) => ({ pt: "português", zh: "chinês" })[code] ?? code,
  townName: (id) => ({ t1: "Guzhen", t2: "Xiaolan" })[id],
  clusterName: (id) => ({ c1: "Iluminação" })[id],
  fieldLabel: (field) => ({ exportMarkets: "Mercados de exportação", townId: "Vila", published: "Público", validUntil: "Válido até" })[field],
  enumLabel: (field, value) => (field === "businessTypes" && value === "manufacturer" ? "Fabricante" : undefined),
  localized: (value) => (value as Record<string, { text: string }>).pt?.text ?? (value as Record<string, { text: string }>).en?.text ?? "",
  yes: "sim",
  no: "não",
  empty: "∅",
};

describe("describeChanges", () => {
  it("shows a field's label and its values as people know them", () => {
    expect(describeChanges({ townId: { from: "t1", to: "t2" }, published: { from: false, to: true } }, vocabulary)).toEqual([
      { field: "townId", label: "Vila", kind: "change", from: "Guzhen", to: "Xiaolan" },
      { field: "published", label: "Público", kind: "change", from: "não", to: "sim" },
    ]);
  });

  it("compares lists as sets: a reordered list is no change, a changed one is its members added and removed", () => {
    expect(describeChanges({ exportMarkets: { from: ["BR", "PT"], to: ["PT", "BR"] } }, vocabulary)).toEqual([]);
    expect(describeChanges({ exportMarkets: { from: ["BR", "PT"], to: ["PT", "AO", "PT"] } }, vocabulary)).toEqual([
      { field: "exportMarkets", label: "Mercados de exportação", kind: "list", added: ["Angola"], removed: ["Brasil"] },
    ]);
    // Objects in lists compare regardless of key order.
    expect(describeChanges({ certifications: { from: [{ code: "CE", validUntil: "2027-01-31" }], to: [{ validUntil: "2027-01-31", code: "CE" }] } }, vocabulary)).toEqual([]);
  });

  it("falls back to the field's key, and keeps facts recorded at creation as values", () => {
    const lines = describeChanges({ oddField: { from: null, to: "x" }, businessTypes: ["manufacturer"], name: { en: { text: "Lamp" } } }, vocabulary);
    expect(lines).toEqual([
      { field: "oddField", label: "oddField", kind: "change", from: "∅", to: "x" },
      { field: "businessTypes", label: "businessTypes", kind: "value", value: "Fabricante" },
      { field: "name", label: "name", kind: "value", value: "Lamp" },
    ]);
  });

  it("reads stored added/removed deltas and ignores what is not an object", () => {
    expect(describeChanges({ images: { added: ["a.jpg"] } }, vocabulary)).toEqual([{ field: "images", label: "images", kind: "list", added: ["a.jpg"], removed: [] }]);
    expect(describeChanges(null, vocabulary)).toEqual([]);
    expect(describeChanges(["x"], vocabulary)).toEqual([]);
  });

  it("shows instants in the zone that matters and calendar days as days", () => {
    expect(showValue("verifiedAt", "2026-12-04T20:30:00.000Z", vocabulary)).toContain("5 de dez");
    expect(showValue("verifiedAt", "2026-12-04T20:30:00.000Z", vocabulary)).toContain("04:30");
    expect(showValue("verifiedAt", "2026-12-04T20:30:00.000Z", vocabulary)).toContain("GMT+8");
    expect(showValue("deadline", "2027-03-01", vocabulary)).toContain("1 de mar");
    expect(showValue("verifiedAt", "not a date", vocabulary)).toBe("not a date");
  });

  it("clips long text and names a certificate with its last valid day", () => {
    expect(showValue("reason", "x".repeat(500), vocabulary)).toHaveLength(160);
    expect(showValue("certifications", { code: "CE", validUntil: "2027-01-31" }, vocabulary)).toMatch(/^CE \(Válido até: 31 de jan/);
    expect(showValue("contacts", { name: "Li", email: "li@example.cn" }, vocabulary)).toBe("Li · li@example.cn");
  });
});

describe("sets and keys", () => {
  it("canonical ignores key order, sameValue ignores list order and duplicates", () => {
    expect(canonical({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe(canonical({ a: [2, { c: 2, d: 1 }], b: 1 }));
    expect(sameValue(["a", "b"], ["b", "a", "a"])).toBe(true);
    expect(sameValue(["a"], ["a", "b"])).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(listDifference([1, 2], [2, 3])).toEqual({ added: [3], removed: [1] });
  });

  it("diffFields records no change for a reordered list", () => {
    expect(diffFields({ languages: ["zh", "en"], phone: "1" }, { languages: ["en", "zh"], phone: "2" }, ["languages", "phone"])).toEqual({ phone: { from: "1", to: "2" } });
  });

  it("collects the towns and clusters named, and the action's keys most specific first", () => {
    expect(referencedIds({ townId: { from: "t1", to: "t2" }, clusterId: "c1", name: "x" })).toEqual({ towns: ["t1", "t2"], clusters: ["c1"] });
    expect(actionKeys("product", "update")).toEqual(["trail.actionsByEntity.product.update", "trail.actions.update", "trail.actions.other"]);
  });
});
