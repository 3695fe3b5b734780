import { z } from "zod";
import { textLanguage, type Locale } from "~/i18n/config";
import { parseHsCodeList } from "~/modules/hs/hs-code-list";
import { quantityUnitKeys } from "~/modules/reference/units";

/**
 * A sourcing request: what a buyer wants to buy. Shared by the form and the
 * action; the server also checks the codes against the HS nomenclature and
 * the certifications against the bureau's list (request.server.ts).
 */
export const requestVisibilities = ["PUBLIC", "VERIFIED_FIRMS", "PRIVATE"] as const;
export const titleLocales = ["zh-CN", "en", "pt"] as const;

/** The title language a form starts with for a reader of `locale` (pt-BR and pt-PT write "pt", zh-Hant writes Chinese). */
export function titleLocaleFor(locale: Locale): (typeof titleLocales)[number] {
  const language = textLanguage(locale);
  return language === "zh-Hant" ? "zh-CN" : language;
}
export const MAX_REQUEST_HS_CODES = 10;

const required = { required_error: "validation:required", invalid_type_error: "validation:required" };

export const SourcingRequestSchema = z.object({
  title: z.string(required).trim().min(3, "validation:tooShort").max(200, "validation:tooLong"),
  titleLocale: z.enum(titleLocales, { errorMap: () => ({ message: "validation:required" }) }),
  // Optional (issue 12): a buyer may describe the goods in words only; the
  // form proposes codes from those words, and the buyer picks any or none.
  hsCodes: z
    .string()
    .max(500, "validation:tooLong")
    .optional()
    .default("")
    .transform((value, ctx) => {
      const { codes, invalid } = parseHsCodeList(value, [4, 6]);
      if (invalid.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `validation:hsCodes|codes=${invalid.join(", ")}` });
      if (codes.length > MAX_REQUEST_HS_CODES) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation:tooMany" });
      return codes;
    }),
  keywords: z.string().trim().max(500, "validation:tooLong").optional().default(""),
  quantity: z.number({ invalid_type_error: "validation:integer" }).int("validation:integer").min(1, "validation:positive").max(1_000_000_000, "validation:tooLarge").optional(),
  unit: z.enum(quantityUnitKeys as [string, ...string[]]).optional(),
  targetPriceUsd: z.number({ invalid_type_error: "validation:number" }).min(0, "validation:positive").max(10_000_000, "validation:tooLarge").optional(),
  requiredCertifications: z.array(z.string().max(40)).max(30, "validation:tooMany").default([]),
  destinationCountry: z.string().regex(/^[A-Z]{2}$/, "validation:country").optional(),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation:date")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "validation:date")
    .optional(),
  visibility: z.enum(requestVisibilities, { errorMap: () => ({ message: "validation:required" }) }),
});

export type SourcingRequestInput = z.infer<typeof SourcingRequestSchema>;

export const RequestStatusSchema = z.object({ intent: z.enum(["close", "reopen"]) });
