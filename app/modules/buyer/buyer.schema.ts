import { z } from "zod";
import { parseHsCodeList } from "~/modules/hs/hs-code-list";

/**
 * A buyer's company profile. Shared by the form in the browser and the
 * action; the server adds checks that need reference data (buyer.server.ts).
 */
export const buyerTypes = ["importer", "distributor", "retailer", "ecommerce", "franchise"] as const;
export const volumeBands = ["<50k", "50k-250k", "250k-1m", "1m-5m", ">5m"] as const;
/** Incoterms 2020. */
export const incoterms = ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"] as const;
/** Languages offered as choices (ISO 639-1); any other valid code already stored is kept. */
export const buyerLanguageChoices = ["pt", "en", "zh", "es", "fr", "ar", "ru", "de", "it", "ja", "ko", "id", "ms", "th", "vi", "hi", "ur", "tr", "pl", "sw", "kk"] as const;

const required = { required_error: "validation:required", invalid_type_error: "validation:required" };
const list = (item: z.ZodTypeAny, max: number) => z.array(item).max(max, "validation:tooMany").default([]);

export const MAX_INTERESTS = 30;

export const BuyerProfileSchema = z.object({
  name: z.string(required).trim().min(2, "validation:tooShort").max(200, "validation:tooLong"),
  country: z.string(required).regex(/^[A-Z]{2}$/, "validation:country"),
  buyerType: z.enum(buyerTypes, { errorMap: () => ({ message: "validation:required" }) }),
  languages: list(z.string().regex(/^[a-z]{2}$/, "validation:invalid"), 20),
  interests: z
    .string()
    .max(1000, "validation:tooLong")
    .optional()
    .transform((value, ctx) => {
      const { codes, invalid } = parseHsCodeList(value ?? "", [2, 4]);
      if (invalid.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `validation:hsInterests|codes=${invalid.join(", ")}` });
      if (codes.length > MAX_INTERESTS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation:tooMany" });
      return codes;
    }),
  volumeBand: z.enum(volumeBands).optional(),
  requiredCertifications: list(z.string().max(40), 30),
  incoterms: list(z.enum(incoterms), incoterms.length),
  website: z
    .string()
    .trim()
    .max(300, "validation:tooLong")
    .url("validation:url")
    .refine((value) => /^https?:\/\//i.test(value), "validation:url")
    .optional(),
});

export type BuyerProfileInput = z.infer<typeof BuyerProfileSchema>;
