import { z } from "zod";
import { problemCategories, problemStatuses } from "./status";

/**
 * Problem forms, shared by Conform in the browser and the actions. Messages
 * are translation keys rendered by ErrorList.
 */
export const SUBJECT_MAX = 150;
export const BODY_MAX = 5000;
export const DEPARTMENT_MAX = 100;
export const COMMENT_MAX = 1000;

const invalid = { errorMap: () => ({ message: "validation:invalid" }) };

const text = (max: number, emptyKey: string) =>
  z
    .string({ required_error: emptyKey, invalid_type_error: emptyKey })
    .max(max * 4, `problems:errors.tooLong|max=${max}`)
    // Line endings differ by browser; count what the reader sees.
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length > 0, emptyKey)
    .refine((value) => [...value].length <= max, `problems:errors.tooLong|max=${max}`);

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string(invalid)
      .transform((value) => value.trim())
      .refine((value) => [...value].length <= max, `problems:errors.tooLong|max=${max}`)
      .optional(),
  );

export const RaiseProblemSchema = z.object({
  category: z.enum(problemCategories, { errorMap: () => ({ message: "problems:errors.category" }) }),
  subject: text(SUBJECT_MAX, "problems:errors.emptySubject"),
  body: text(BODY_MAX, "problems:errors.emptyBody"),
});

export const ProblemMessageSchema = z.object({
  intent: z.literal("message"),
  body: text(BODY_MAX, "problems:errors.emptyBody"),
  /** Bureau staff only: a note the firm never sees. */
  internal: z.preprocess((value) => value === "on" || value === "true", z.boolean()).default(false),
});

export const AssignProblemSchema = z.object({
  intent: z.literal("assign"),
  assigneeId: z.preprocess((value) => (value === "" ? undefined : value), z.string(invalid).trim().min(1).max(40).optional()),
  department: optionalText(DEPARTMENT_MAX),
});

export const ProblemStatusSchema = z.object({
  intent: z.enum(["close", "reopen"], invalid),
});

export const RateProblemSchema = z.object({
  intent: z.literal("rate"),
  rating: z.coerce.number({ invalid_type_error: "problems:errors.rating" }).int("problems:errors.rating").min(1, "problems:errors.rating").max(5, "problems:errors.rating"),
  comment: optionalText(COMMENT_MAX),
});

/** The bureau's list: filters from the query string (bad values fall back to none). */
export const BureauProblemQuerySchema = z.object({
  status: z.enum(problemStatuses).optional().catch(undefined),
  category: z.enum(problemCategories).optional().catch(undefined),
  assigned: z.enum(["me", "none"]).optional().catch(undefined),
});
