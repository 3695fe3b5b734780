import { z } from "zod";
import { businessTypes, employeeBands, salesChannels } from "./firm-vocabulary";
import { normalizeUscc, usccProblem } from "./uscc";

/**
 * The firm profile form, shared by Conform in the browser and the action.
 * Messages are translation keys. Codes that need server data to check
 * (countries, languages, certifications, towns) are checked again by
 * `profileReferenceErrors` on the server.
 */
export const FIRM_NAME_MAX = 200;
export const FIRM_DESCRIPTION_MAX = 5000;
export const ADDRESS_MAX = 300;
export const MAX_CONTACTS = 10;
export const MAX_FIRM_CERTIFICATIONS = 30;

const optionalText = (max: number) => z.string().trim().max(max, `catalog:errors.maxLength|max=${max}`).optional();

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "catalog:errors.date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "catalog:errors.date");

export const phoneField = z
  .string()
  .trim()
  .max(40, "catalog:errors.maxLength|max=40")
  .regex(/^\+?[0-9 ()-]{5,39}$/, "catalog:errors.phone");

export const emailOptional = z.string().trim().max(254, "catalog:errors.maxLength|max=254").email("validation:email");

export const websiteField = z
  .string()
  .trim()
  .max(300, "catalog:errors.maxLength|max=300")
  .url("catalog:errors.url")
  .refine((value) => /^https?:\/\//i.test(value), "catalog:errors.url");

const certificationRow = z
  .object({
    code: z.string({ required_error: "validation:required" }).max(20, "validation:invalid"),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
  })
  .refine((row) => !row.validFrom || !row.validUntil || row.validFrom <= row.validUntil, {
    message: "catalog:errors.dateOrder",
    path: ["validUntil"],
  });

const contactRow = z.object({
  name: z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(100, "catalog:errors.maxLength|max=100"),
  title: optionalText(100),
  email: emailOptional.optional(),
  phone: phoneField.optional(),
});

export const FirmProfileSchema = z
  .object({
    nameZh: optionalText(FIRM_NAME_MAX),
    nameEn: optionalText(FIRM_NAME_MAX),
    namePt: optionalText(FIRM_NAME_MAX),
    descriptionZh: optionalText(FIRM_DESCRIPTION_MAX),
    descriptionEn: optionalText(FIRM_DESCRIPTION_MAX),
    descriptionPt: optionalText(FIRM_DESCRIPTION_MAX),
    addressZh: optionalText(ADDRESS_MAX),
    addressEn: optionalText(ADDRESS_MAX),
    addressPt: optionalText(ADDRESS_MAX),
    // A verified firm's new code waits for the bureau's re-verification (issue 14).
    uscc: z
      .string()
      .max(40, "validation:invalid")
      .transform(normalizeUscc)
      .superRefine((value, ctx) => {
        const problem = value ? usccProblem(value) : null;
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `validation:uscc.${problem}` });
      })
      .optional(),
    townId: z.string().max(40, "validation:invalid").optional(),
    clusterId: z.string().max(40, "validation:invalid").optional(),
    foundedYear: z
      .number({ invalid_type_error: "catalog:errors.integer" })
      .int("catalog:errors.integer")
      .min(1900, "catalog:errors.yearRange")
      .max(new Date().getFullYear(), "catalog:errors.yearRange")
      .optional(),
    employeesBand: z.enum(employeeBands, { errorMap: () => ({ message: "validation:invalid" }) }).optional(),
    businessTypes: z.array(z.enum(businessTypes, { errorMap: () => ({ message: "validation:invalid" }) })).max(businessTypes.length).default([]),
    exportMarkets: z.array(z.string().regex(/^[A-Z]{2}$/, "validation:country")).max(250, "catalog:errors.tooMany").default([]),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, "catalog:errors.language")).max(60, "catalog:errors.tooMany").default([]),
    salesChannels: z.array(z.enum(salesChannels, { errorMap: () => ({ message: "validation:invalid" }) })).max(salesChannels.length).default([]),
    certifications: z.array(certificationRow).max(MAX_FIRM_CERTIFICATIONS, "catalog:errors.tooMany").default([]),
    contacts: z.array(contactRow).max(MAX_CONTACTS, "catalog:errors.tooMany").default([]),
    website: websiteField.optional(),
    email: emailOptional.optional(),
    phone: phoneField.optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.nameZh && !value.nameEn && !value.namePt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nameZh"], message: "catalog:errors.nameOneLanguage" });
    }
    const codes = value.certifications.map((row) => row.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["certifications", index, "code"], message: "catalog:errors.duplicate" });
      }
    });
  });

export type FirmProfileInput = z.infer<typeof FirmProfileSchema>;
