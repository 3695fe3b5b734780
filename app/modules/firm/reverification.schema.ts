import { z } from "zod";
import { REASON_MAX } from "./verification.schema";

/** The bureau's decision on a verified firm's changed name, credit code or town. Refusing needs a reason the firm reads. */
const reason = z
  .string({ required_error: "validation:reasonRequired", invalid_type_error: "validation:reasonRequired" })
  .trim()
  .min(3, "validation:reasonRequired")
  .max(REASON_MAX, "validation:tooLong");

export const ReverificationDecisionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("approve") }), z.object({ intent: z.literal("reject"), reason })], {
  errorMap: () => ({ message: "validation:invalid" }),
});

export const ReverificationRejectSchema = z.object({ intent: z.literal("reject"), reason });
