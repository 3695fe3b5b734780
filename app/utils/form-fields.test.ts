import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkFieldNames, declaredShape, FORM_LIMITS, fitPath, hasControlCharacters, parseFieldName, stripControlCharacters } from "./form-fields";

describe("parseFieldName", () => {
  it("splits conform names into segments", () => {
    expect(parseFieldName("email")).toEqual(["email"]);
    expect(parseFieldName("contacts[3].name")).toEqual(["contacts", 3, "name"]);
    expect(parseFieldName("a.b.c")).toEqual(["a", "b", "c"]);
    expect(parseFieldName("names.zh-CN")).toEqual(["names", "zh-CN"]);
  });

  it("refuses malformed names and names deeper than the limit, without reading them whole", () => {
    for (const name of ["", "a[", "a[]", "a[x]", ".a", "a..b", "a[0", "]"]) expect(parseFieldName(name), name).toBeNull();
    expect(parseFieldName("a" + "[0]".repeat(FORM_LIMITS.maxDepth))).toBeNull();
    expect(parseFieldName("a" + "[0]".repeat(FORM_LIMITS.maxDepth - 1))).toHaveLength(FORM_LIMITS.maxDepth);
  });
});

describe("checkFieldNames", () => {
  it("accepts ordinary forms", () => {
    expect(checkFieldNames(["email", "password", "contacts[0].name", "contacts[49].email", "__intent__"])).toBeNull();
  });

  it("refuses the bodies that used to stop the server", () => {
    expect(checkFieldNames(["email", "contacts[100000000].name"])).toMatchObject({ code: "listTooLong" });
    expect(checkFieldNames(["a" + "[0]".repeat(5000)])).toMatchObject({ code: "badFieldName" });
    expect(checkFieldNames(["b" + ".c".repeat(50)])).toMatchObject({ code: "fieldTooDeep" });
    expect(checkFieldNames(Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}`))).toMatchObject({ code: "tooManyFields" });
    expect(checkFieldNames([`x[${FORM_LIMITS.maxListLength}]`])).toMatchObject({ code: "listTooLong" });
  });
});

describe("control characters", () => {
  it("are removed from values, keeping tabs and line breaks", () => {
    expect(stripControlCharacters("Lamp\u0000x\u0001\u001f\u007f")).toBe("Lampx");
    expect(stripControlCharacters("a\tb\r\nc")).toBe("a\tb\r\nc");
    expect(stripControlCharacters("吸顶灯")).toBe("吸顶灯");
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a b")).toBe(false);
  });
});

describe("fields a schema declares", () => {
  const schema = z
    .object({
      name: z.string(),
      productIds: z.array(z.string()).max(10).default([]),
      contacts: z.array(z.object({ name: z.string(), email: z.string().optional() })).max(3),
      names: z.object({ en: z.string().optional() }).optional(),
      payload: z.any(),
    })
    .superRefine(() => {});
  const shapes = declaredShape(schema);

  it("knows declared paths through wrappers, objects and lists", () => {
    expect(fitPath(shapes, ["name"])).toBe("declared");
    expect(fitPath(shapes, ["productIds"])).toBe("declared");
    expect(fitPath(shapes, ["productIds", 9])).toBe("declared");
    expect(fitPath(shapes, ["contacts", 2, "email"])).toBe("declared");
    expect(fitPath(shapes, ["names", "en"])).toBe("declared");
    expect(fitPath(shapes, ["payload", "any", 3])).toBe("declared");
  });

  it("drops what it does not declare and bounds lists to their declared length", () => {
    expect(fitPath(shapes, ["productIds", "x"])).toBe("undeclared");
    expect(fitPath(shapes, ["name", "x"])).toBe("undeclared");
    expect(fitPath(shapes, ["contacts", 0])).toBe("undeclared");
    expect(fitPath(shapes, ["other"])).toBe("undeclared");
    expect(fitPath(shapes, ["contacts", 3, "name"])).toBe("listTooLong");
    expect(fitPath(shapes, ["productIds", 10])).toBe("listTooLong");
  });

  it("accepts what any option of a union accepts", () => {
    const union = declaredShape(z.discriminatedUnion("intent", [z.object({ intent: z.literal("a"), x: z.string() }), z.object({ intent: z.literal("b"), y: z.string() })]));
    expect(fitPath(union, ["x"])).toBe("declared");
    expect(fitPath(union, ["y"])).toBe("declared");
    expect(fitPath(union, ["z"])).toBe("undeclared");
  });
});
