import { z } from "zod";

/**
 * The bureau's decision on a firm. Rejecting and withdrawing a verification
 * need a reason: the firm reads it on its account page.
 */
export const REASON_MAX = 500;

const reason = z
  .string({ required_error: "validation:reasonRequired", invalid_type_error: "validation:reasonRequired" })
  .trim()
  .min(3, "validation:reasonRequired")
  .max(REASON_MAX, "validation:tooLong");

export const VerificationDecisionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("verify") }),
    z.object({ intent: z.literal("reject"), reason }),
    z.object({ intent: z.literal("unverify"), reason }),
  ],
  { errorMap: () => ({ message: "validation:invalid" }) },
);

export type VerificationDecision = z.infer<typeof VerificationDecisionSchema>;
export const verificationStatuses = ["PENDING", "VERIFIED", "REJECTED"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

/** Which decisions make sense from a status (a stale page may ask for another). */
export const allowedDecisions: Record<VerificationStatus, VerificationDecision["intent"][]> = {
  PENDING: ["verify", "reject"],
  VERIFIED: ["unverify", "reject"],
  REJECTED: ["verify"],
};

/** The decisions that carry a reason, for the reason forms in the browser. */
export const ReasonDecisionSchema = z.object({ intent: z.enum(["reject", "unverify"]), reason });
