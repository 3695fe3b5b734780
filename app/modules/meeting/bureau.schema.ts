import { z } from "zod";

/** The bureau's schedule actions (the grid form has its own schema, grid.ts). */
const id = z.string({ required_error: "validation:required" }).min(1, "validation:required").max(64, "validation:invalid");

export const RunSchema = z.object({ intent: z.enum(["run", "publish"]) });
export const LockSchema = z.object({ intent: z.enum(["lock", "unlock"]), meetingId: id });
export const MoveSchema = z.object({
  intent: z.literal("move"),
  meetingId: id,
  slotId: z.string({ required_error: "validation:required" }).max(20, "validation:invalid"),
  table: z.string().max(10, "validation:invalid").optional(),
});

/** Self-booking on or off for the edition (issue 10, item 4). */
export const SelfBookingSchema = z.object({ intent: z.literal("selfBooking"), selfBooking: z.enum(["on", "off"], { errorMap: () => ({ message: "validation:invalid" }) }) });

export const bureauIntents = ["grid", "run", "publish", "lock", "unlock", "move", "selfBooking"] as const;
export type BureauIntent = (typeof bureauIntents)[number];
export function bureauIntent(value: FormDataEntryValue | null): BureauIntent | null {
  return typeof value === "string" && (bureauIntents as readonly string[]).includes(value) ? (value as BureauIntent) : null;
}
