import { z } from "zod";
import { normalizeHsCode } from "~/modules/hs/hs-code";
import { attributeDefinitions, productTypesByKey, type AttributeDefinition } from "./vocabulary";

/**
 * The product form, shared by Conform in the browser and the action. The
 * server checks again what needs data (the HS code exists, certifications
 * are on the managed list).
 */
export const moqUnits = ["pieces", "units", "sets", "pairs", "metres", "kilograms", "cartons"] as const;
export const PRODUCT_NAME_MAX = 200;
export const PRODUCT_DESCRIPTION_MAX = 5000;
export const MAX_PRICE_USD = 1_000_000;
export const MAX_PRODUCT_IMAGES = 8;

const optionalText = (max: number) => z.string().trim().max(max, `catalog:errors.maxLength|max=${max}`).optional();

const price = z
  .number({ invalid_type_error: "catalog:errors.number" })
  .min(0, "catalog:errors.priceRange")
  .max(MAX_PRICE_USD, "catalog:errors.priceRange")
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, "catalog:errors.cents")
  .optional();

function attributeField(definition: AttributeDefinition) {
  if (definition.kind === "number") {
    return z
      .number({ invalid_type_error: "catalog:errors.number" })
      .min(definition.min, `catalog:errors.numberRange|min=${definition.min}|max=${definition.max}`)
      .max(definition.max, `catalog:errors.numberRange|min=${definition.min}|max=${definition.max}`)
      .optional();
  }
  const values = Object.keys(definition.values) as [string, ...string[]];
  return z.enum(values, { errorMap: () => ({ message: "validation:invalid" }) }).optional();
}

const attributeShape = Object.fromEntries(
  Object.entries(attributeDefinitions).map(([key, definition]) => [key, attributeField(definition as AttributeDefinition)]),
) as unknown as Record<keyof typeof attributeDefinitions, z.ZodOptional<z.ZodNumber> | z.ZodOptional<z.ZodEnum<[string, ...string[]]>>>;

export const ProductSchema = z
  .object({
    hsCode: z
      .string()
      .trim()
      .max(20, "catalog:errors.hsFormat")
      .optional()
      .refine((value) => !value || (normalizeHsCode(value)?.length ?? 0) >= 4, "catalog:errors.hsFormat"),
    type: z
      .string()
      .max(60, "validation:invalid")
      .optional()
      .refine((value) => !value || productTypesByKey.has(value), "validation:invalid"),
    attributes: z.object(attributeShape).default({}),
    nameZh: optionalText(PRODUCT_NAME_MAX),
    nameEn: optionalText(PRODUCT_NAME_MAX),
    namePt: optionalText(PRODUCT_NAME_MAX),
    descriptionZh: optionalText(PRODUCT_DESCRIPTION_MAX),
    descriptionEn: optionalText(PRODUCT_DESCRIPTION_MAX),
    descriptionPt: optionalText(PRODUCT_DESCRIPTION_MAX),
    moq: z.number({ invalid_type_error: "catalog:errors.integer" }).int("catalog:errors.integer").min(1, "catalog:errors.moqRange").max(100_000_000, "catalog:errors.moqRange").optional(),
    moqUnit: z.enum(moqUnits, { errorMap: () => ({ message: "validation:invalid" }) }).optional(),
    priceMinUsd: price,
    priceMaxUsd: price,
    leadTimeDays: z.number({ invalid_type_error: "catalog:errors.integer" }).int("catalog:errors.integer").min(1, "catalog:errors.leadTimeRange").max(365, "catalog:errors.leadTimeRange").optional(),
    certifications: z.array(z.string().max(20, "validation:invalid")).max(30, "catalog:errors.tooMany").default([]),
    published: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (!value.hsCode && !value.type) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["hsCode"], message: "catalog:errors.hsRequired" });
    }
    if (!value.nameZh && !value.nameEn && !value.namePt && !value.type) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nameZh"], message: "catalog:errors.productNameOrType" });
    }
    if (value.priceMinUsd !== undefined && value.priceMaxUsd !== undefined && value.priceMinUsd > value.priceMaxUsd) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["priceMaxUsd"], message: "catalog:errors.priceOrder" });
    }
    if (value.moq !== undefined && !value.moqUnit) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["moqUnit"], message: "catalog:errors.moqUnit" });
    }
  });

export type ProductInput = z.infer<typeof ProductSchema>;
