import { describe, expect, it } from "vitest";
import { AddAliasSchema, formIdOf, parseHsHeadings, RenameSchema } from "./reference-edit";

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
