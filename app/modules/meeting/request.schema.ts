import { z } from "zod";
import { MEETING_REQUEST_RULES } from "./requests";

/** The meeting-request forms (both sides): ask with a short message, accept or decline, cancel a registration. */
const id = z.string({ required_error: "validation:required" }).min(1, "validation:required").max(64, "validation:invalid");

export const AskSchema = z.object({
  intent: z.literal("ask"),
  counterpartId: id,
  message: z.string().trim().max(MEETING_REQUEST_RULES.messageMax, "validation:tooLong").optional().default(""),
});

export const RespondSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  requestId: id,
});

export const CancelRegistrationSchema = z.object({ intent: z.literal("cancel") });

export const meetingIntents = ["register", "cancel", "ask", "accept", "decline"] as const;
export type MeetingIntent = (typeof meetingIntents)[number];

export function meetingIntent(value: FormDataEntryValue | null): MeetingIntent | null {
  return typeof value === "string" && (meetingIntents as readonly string[]).includes(value) ? (value as MeetingIntent) : null;
}
