import { z } from "zod";

/**
 * Deleting one's own account: the password again (a borrowed, unlocked
 * browser is not enough) and an explicit confirmation.
 */
export const DeleteAccountSchema = z.object({
  password: z.string({ required_error: "validation:required", invalid_type_error: "validation:required" }).min(1, "validation:required").max(1024, "validation:tooLong"),
  confirm: z.literal("on", { errorMap: () => ({ message: "privacy:delete.confirmRequired" }) }),
});

/** The consent checkbox of the registration form. */
export const privacyConsentField = z.literal("on", { errorMap: () => ({ message: "auth:privacyConsent.required" }) });
