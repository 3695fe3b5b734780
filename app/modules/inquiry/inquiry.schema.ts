import { z } from "zod";

/**
 * Inquiry forms, shared by Conform in the browser and the actions. Messages
 * are translation keys rendered by ErrorList.
 */
export const MESSAGE_MAX = 5000;
export const REPORT_REASON_MAX = 1000;
export const MAX_PRODUCTS = 20;

export const incoterms = ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"] as const;
export const quantityUnits = ["pieces", "units", "sets", "pairs", "cartons", "kg", "metres"] as const;
export const inquiryStatuses = ["OPEN", "QUOTED", "SAMPLE_SENT", "WON", "LOST"] as const;
export type InquiryStatusValue = (typeof inquiryStatuses)[number];

const required = { required_error: "validation:required", invalid_type_error: "validation:required" };
const id = z.string().trim().min(1).max(40);

export const messageBody = z
  .string({ required_error: "inquiry:errors.emptyMessage", invalid_type_error: "inquiry:errors.emptyMessage" })
  .max(MESSAGE_MAX * 4, `inquiry:errors.tooLong|max=${MESSAGE_MAX}`)
  // Line endings differ by browser; count what the reader sees.
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .refine((value) => value.length > 0, "inquiry:errors.emptyMessage")
  .refine((value) => [...value].length <= MESSAGE_MAX, `inquiry:errors.tooLong|max=${MESSAGE_MAX}`);

const optionalNumber = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const NewInquirySchema = z.object({
  firmId: id,
  requestId: id.optional(),
  productIds: z.array(id).max(MAX_PRODUCTS, `inquiry:errors.tooManyProducts|max=${MAX_PRODUCTS}`).default([]),
  quantity: optionalNumber(
    z.coerce.number({ invalid_type_error: "inquiry:errors.quantity" }).int("inquiry:errors.quantity").min(1, "inquiry:errors.quantity").max(100_000_000, "inquiry:errors.quantity"),
  ),
  unit: z.enum(quantityUnits, { errorMap: () => ({ message: "validation:invalid" }) }).optional(),
  targetPriceUsd: optionalNumber(
    z.coerce.number({ invalid_type_error: "inquiry:errors.price" }).min(0.01, "inquiry:errors.price").max(10_000_000, "inquiry:errors.price"),
  ),
  incoterm: z.enum(incoterms, { errorMap: () => ({ message: "validation:invalid" }) }).optional(),
  destinationCountry: z.string().regex(/^[A-Z]{2}$/, "validation:country").optional(),
  message: messageBody,
  // Honeypot: hidden from people, filled in by bots.
  website: z.string().max(0, "validation:botSuspected").optional(),
});

export const MessageSchema = z.object({
  intent: z.literal("message"),
  body: messageBody,
});

export const StatusSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(inquiryStatuses, { errorMap: () => ({ message: "validation:invalid" }) }),
});

export const ReportSchema = z.object({
  intent: z.literal("report"),
  reason: z
    .string(required)
    .trim()
    .min(1, "validation:required")
    .max(REPORT_REASON_MAX, `inquiry:errors.tooLong|max=${REPORT_REASON_MAX}`),
});

/** A firm answers a buyer's sourcing request: the products it offers and its first message. */
export const RequestAnswerSchema = z.object({
  productIds: z
    .array(id, { required_error: "matching:errors.noProducts", invalid_type_error: "matching:errors.noProducts" })
    .min(1, "matching:errors.noProducts")
    .max(MAX_PRODUCTS, `inquiry:errors.tooManyProducts|max=${MAX_PRODUCTS}`),
  message: messageBody,
  // Honeypot: hidden from people, filled in by bots.
  website: z.string().max(0, "validation:botSuspected").optional(),
});
