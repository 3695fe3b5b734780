import { z } from "zod";
import { isValidUscc, normalizeUscc, usccProblem } from "~/modules/firm/uscc";
import { privacyConsentField } from "~/modules/privacy/privacy.schema";

/**
 * Form schemas shared by Conform in the browser and the actions on the server.
 * Messages are translation keys ("validation:..."), rendered by ErrorList.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const required = { required_error: "validation:required", invalid_type_error: "validation:required" };

export const emailField = z
  .string(required)
  .trim()
  .max(254, "validation:tooLong")
  .email("validation:email")
  .transform((value) => value.toLowerCase());

export const passwordField = z
  .string(required)
  .min(PASSWORD_MIN, "validation:passwordTooShort")
  .max(PASSWORD_MAX, "validation:passwordTooLong");

export const displayNameField = z.string(required).trim().min(1, "validation:required").max(100, "validation:tooLong");

export const LoginSchema = z.object({
  email: emailField,
  // Any length is accepted at sign-in; only registration enforces the rules.
  password: z.string(required).max(1024, "validation:tooLong"),
  redirectTo: z.string().max(2000).optional(),
});

const registerBase = z.object({
  displayName: displayNameField,
  email: emailField,
  password: passwordField,
  confirmPassword: z.string(required).max(PASSWORD_MAX, "validation:passwordTooLong"),
  companyName: z.string(required).trim().min(2, "validation:tooShort").max(200, "validation:tooLong"),
  // Honeypot: hidden from people, filled in by bots.
  homepage: z.string().max(0, "validation:botSuspected").optional(),
  // The privacy notice, accepted (its version is recorded on the account).
  privacyConsent: privacyConsentField,
});

const usccField = z
  .string(required)
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const problem = usccProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `validation:uscc.${problem}` });
  });

export const RegisterSchema = z
  .discriminatedUnion("accountType", [
    registerBase.extend({
      accountType: z.literal("firm"),
      uscc: usccField,
      townId: z.string().max(40).optional(),
    }),
    registerBase.extend({
      accountType: z.literal("buyer"),
      country: z
        .string(required)
        .regex(/^[A-Z]{2}$/, "validation:country"),
    }),
  ], { errorMap: () => ({ message: "validation:accountType" }) })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "validation:passwordsDiffer" });
    }
  });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string(required).max(1024, "validation:tooLong"),
    newPassword: passwordField,
    confirmPassword: z.string(required).max(PASSWORD_MAX, "validation:passwordTooLong"),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "validation:passwordsDiffer" });
    }
  });

export const staffRoles = ["BUREAU_STAFF", "ADMIN"] as const;

export const CreateStaffSchema = z.object({
  displayName: displayNameField,
  email: emailField,
  password: passwordField,
  role: z.enum(staffRoles, { errorMap: () => ({ message: "validation:required" }) }),
});

export { isValidUscc };
