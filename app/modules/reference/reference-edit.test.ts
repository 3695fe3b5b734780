import { describe, expect, it } from "vitest";
import { AddAliasSchema, AddTownSchema, CertificationRulesSchema, formIdOf, parseHsHeadings, parseMarkets, parseReminderDays, RemoveReferenceSchema, RenameSchema, usageTotal } from "./reference-edit";

describe("reference data edits", () => {
  it("reads HS headings as people type them: any separator, full-width digits, dots, each once and sorted", () => {
    expect(parseHsHeadings("9405, 8539；８５１３ 94.05")).toEqual({ headings: ["8513", "8539", "9405"], invalid: [] });
    expect(parseHsHeadings("9405 94x5 940511")).toEqual({ headings: ["9405"], invalid: ["94x5", "940511"] });
    expect(parseHsHeadings("")).toEqual({ headings: [], invalid: [] });
  });

  it("requires the Chinese and English names and refuses a bad heading with its value", () => {
    const base = { intent: "rename", kind: "cluster", id: "c1", nameZh: "灯饰", nameEn: "Lighting" };
    expect(RenameSchema.safeParse(base).success).toBe(true);
    expect(RenameSchema.safeParse({ ...base, nameEn: "  " }).success).toBe(false);
    const bad = RenameSchema.safeParse({ ...base, hsHeadings: "9405, abcd" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("reference:errors.hsHeadingInvalid|value=abcd");
    expect(RenameSchema.safeParse({ ...base, kind: "certification" }).success).toBe(false);
  });

  it("bounds an alias and names the form a reply belongs to", () => {
    expect(AddAliasSchema.safeParse({ intent: "addAlias", kind: "town", id: "t1", alias: "x".repeat(101) }).success).toBe(false);
    expect(AddAliasSchema.safeParse({ intent: "addAlias", kind: "town", id: "t1", alias: " Xiao Lan " }).data?.alias).toBe("Xiao Lan");
    expect(formIdOf("addAlias", { kind: "cluster", id: "c1" })).toBe("alias-cluster-c1");
    expect(formIdOf("retireAlias", { aliasId: "a1" })).toBe("alias-a1");
    expect(formIdOf("rename", { kind: "town", id: "t1" })).toBe("rename-town-t1");
  });
});

describe("adding, removing and ruling reference data (issue 14)", () => {
  it("takes a code in lower case with hyphens and refuses anything else", () => {
    const base = { intent: "addTown", nameZh: "横栏", nameEn: "Henglan" };
    expect(AddTownSchema.safeParse({ ...base, slug: " Henglan " }).data?.slug).toBe("henglan");
    expect(AddTownSchema.safeParse({ ...base, slug: "torch-zone" }).success).toBe(true);
    expect(AddTownSchema.safeParse({ ...base, slug: "héng lan" }).error?.issues[0].message).toBe("reference:errors.slugInvalid");
    expect(AddTownSchema.safeParse({ ...base, slug: "a--b" }).success).toBe(false);
    expect(AddTownSchema.safeParse({ ...base, slug: "henglan", designation: "cityOfLights" }).success).toBe(false);
    expect(AddTownSchema.safeParse({ ...base, slug: "henglan", designation: "nationalBase", designatedBy: "MOST, 2009" }).success).toBe(true);
    expect(RemoveReferenceSchema.safeParse({ intent: "removeReference", kind: "certification", id: "CE" }).success).toBe(false);
  });

  it("reads markets as codes, known countries or the EU, and reminder days from 1 to 365", () => {
    const known = (code: string) => ["BR", "PT", "US"].includes(code);
    expect(parseMarkets("br, PT；EU ｕｓ", known)).toEqual({ markets: ["BR", "EU", "PT", "US"], invalid: [] });
    expect(parseMarkets("BR XX Brazil", known)).toEqual({ markets: ["BR"], invalid: ["XX", "BRAZIL"] });
    expect(parseReminderDays("15, 60 ６０")).toEqual({ days: [60, 15], invalid: [] });
    expect(parseReminderDays("0 400 -3 x")).toEqual({ days: [], invalid: ["0", "400", "-3", "x"] });
    const rules = { intent: "certificationRules", id: "CE" };
    expect(CertificationRulesSchema.safeParse({ ...rules, reminderDays: "60, soon" }).error?.issues[0].message).toBe("reference:errors.reminderDaysInvalid|value=soon");
    expect(CertificationRulesSchema.safeParse({ ...rules, validityMonths: "0" }).success).toBe(false);
    expect(CertificationRulesSchema.safeParse({ ...rules, validityMonths: "36", expiryRequired: "on" }).data).toMatchObject({ validityMonths: 36, expiryRequired: "on" });
  });

  it("adds up what uses a town and names the forms", () => {
    expect(usageTotal({ firms: 2, clusters: 1, notices: 1, calls: 0, pending: 0 })).toBe(4);
    expect(usageTotal({ firms: 0, clusters: 0, notices: 0, calls: 0, pending: 0 })).toBe(0);
    expect(formIdOf("removeReference", { kind: "town", id: "t1" })).toBe("remove-town-t1");
    expect(formIdOf("addCluster", {})).toBe("addCluster");
    expect(formIdOf("certificationRules", { id: "CE" })).toBe("rules-CE");
  });
});
