import { z } from "zod";

/** The bureau's decision on a firm it holds: give it to an account, or close it (ticked, as it deletes products and images). */
export const HeldFirmAssignSchema = z.object({
  intent: z.literal("assign"),
  email: z.string({ required_error: "validation:required" }).trim().max(254, "validation:tooLong").email("validation:email"),
});

export const HeldFirmCloseSchema = z.object({
  intent: z.literal("close"),
  confirm: z.literal("on", { errorMap: () => ({ message: "verification:errors.confirmClose" }) }),
});

export const HeldFirmDecisionSchema = z.discriminatedUnion("intent", [HeldFirmAssignSchema, HeldFirmCloseSchema], {
  errorMap: () => ({ message: "validation:invalid" }),
});
