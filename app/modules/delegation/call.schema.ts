import { z } from "zod";
import { MAX_WEIGHT, scoreCriteria, type ScoreCriterion } from "./scoring";

/**
 * What the bureau sets when it opens a call for a delegation, and what a
 * firm sends when it applies. Messages are translation keys (namespace
 * `delegation`), shown next to the field with what was typed kept.
 */

export const MAX_QUOTA = 500;
export const MAX_BOOTH_TYPES = 10;
export const MAX_DOCUMENTS_ASKED = 10;
export const MAX_ATTENDEES = 10;
export const MAX_PRODUCTS_SHOWN = 20;

const money = z.coerce
  .number({ invalid_type_error: "delegation:errors.number" })
  .min(0, "delegation:errors.notNegative")
  .max(10_000_000, "delegation:errors.tooLarge");

export const BoothTypeSchema = z.object({
  code: z.string().trim().min(1, "validation:required").max(20, "delegation:errors.tooLong").regex(/^[A-Za-z0-9-]+$/, "delegation:errors.code"),
  name: z.string().trim().min(1, "validation:required").max(80, "delegation:errors.tooLong"),
  widthM: z.coerce.number({ invalid_type_error: "delegation:errors.boothSize" }).positive("delegation:errors.boothSize").max(100, "delegation:errors.boothSize"),
  depthM: z.coerce.number({ invalid_type_error: "delegation:errors.boothSize" }).positive("delegation:errors.boothSize").max(100, "delegation:errors.boothSize"),
  feeCny: money,
});

const weight = z.coerce.number({ invalid_type_error: "delegation:errors.number" }).min(0, "delegation:errors.notNegative").max(MAX_WEIGHT, "delegation:errors.weightTooLarge");

export const WeightsSchema = z
  .object(Object.fromEntries(scoreCriteria.map((criterion) => [criterion, weight])) as Record<ScoreCriterion, typeof weight>)
  .refine((weights) => Object.values(weights).some((value) => value > 0), { message: "delegation:errors.allWeightsZero" });

export const CallSchema = z
  .object({
    opensAt: z.coerce.date({ invalid_type_error: "delegation:errors.date", required_error: "validation:required" }),
    deadline: z.coerce.date({ invalid_type_error: "delegation:errors.date", required_error: "validation:required" }),
    quota: z.coerce.number({ invalid_type_error: "delegation:errors.number" }).int("delegation:errors.wholeNumber").min(1, "delegation:errors.quotaRange").max(MAX_QUOTA, "delegation:errors.quotaRange"),
    townIds: z.array(z.string().max(40)).max(60).default([]),
    clusterIds: z.array(z.string().max(40)).max(60).default([]),
    verifiedOnly: z.boolean().default(true),
    minProducts: z.coerce.number().int().min(0).max(MAX_PRODUCTS_SHOWN).default(1),
    boothTypes: z.array(BoothTypeSchema).min(1, "delegation:errors.boothTypesRequired").max(MAX_BOOTH_TYPES, "delegation:errors.tooMany"),
    subsidySharePercent: z.coerce.number({ invalid_type_error: "delegation:errors.number" }).min(0, "delegation:errors.percentRange").max(100, "delegation:errors.percentRange"),
    subsidyCapCny: money,
    documentsAsked: z.array(z.string().trim().min(1).max(120, "delegation:errors.tooLong")).max(MAX_DOCUMENTS_ASKED, "delegation:errors.tooMany").default([]),
    weights: WeightsSchema,
  })
  .superRefine((call, ctx) => {
    if (call.deadline.getTime() <= call.opensAt.getTime()) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deadline"], message: "delegation:errors.deadlineBeforeOpening" });
    const codes = call.boothTypes.map((booth) => booth.code.toUpperCase());
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["boothTypes", index, "code"], message: "delegation:errors.duplicate" });
    });
  });
export type CallInput = z.output<typeof CallSchema>;

export const AttendeeSchema = z.object({
  name: z.string().trim().min(1, "validation:required").max(80, "delegation:errors.tooLong"),
  role: z.string().trim().max(80, "delegation:errors.tooLong").optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(6).default([]),
});

export const ApplicationSchema = z.object({
  boothTypeCode: z.string({ required_error: "delegation:errors.boothTypeRequired" }).trim().min(1, "delegation:errors.boothTypeRequired").max(20),
  productIds: z.array(z.string().max(40)).min(1, "delegation:errors.productsRequired").max(MAX_PRODUCTS_SHOWN, "delegation:errors.tooMany"),
  attendees: z.array(AttendeeSchema).min(1, "delegation:errors.attendeesRequired").max(MAX_ATTENDEES, "delegation:errors.tooMany"),
  keepWithCluster: z.boolean().default(false),
  note: z.string().trim().max(2_000, "delegation:errors.tooLong").optional(),
});
export type ApplicationInput = z.output<typeof ApplicationSchema>;
