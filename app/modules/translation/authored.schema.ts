import { z } from "zod";

/** A party writes their own translation of their message, replacing the machine's. */
export const OWN_TRANSLATION_MAX = 20_000;

export const OwnTranslationSchema = z.object({
  intent: z.literal("translation"),
  messageId: z.string().min(1).max(40),
  targetLang: z.string().regex(/^[a-z]{2,3}$/, "validation:invalid"),
  text: z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(OWN_TRANSLATION_MAX, "validation:tooLong"),
});
