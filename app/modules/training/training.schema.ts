import { z } from "zod";

/** The bureau's training session form and the firms' and bureau's small forms (conform + zod). */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
export const PLACE_MAX = 200;
export const LINK_MAX = 500;
export const CAPACITY_MAX = 5_000;
/** Attendance is recorded for at most this many registrations at once. */
export const ATTENDANCE_MAX = CAPACITY_MAX;

const optionalText = (max: number) => z.string().trim().max(max, `validation:tooLong|max=${max}`).optional();
const localTime = z
  .string({ required_error: "validation:required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "training:errors.time");

export const SessionFormSchema = z
  .object({
    titleZh: z.string({ required_error: "training:errors.titleZhRequired" }).trim().min(1, "training:errors.titleZhRequired").max(TITLE_MAX, `validation:tooLong|max=${TITLE_MAX}`),
    titleEn: optionalText(TITLE_MAX),
    titlePt: optionalText(TITLE_MAX),
    descriptionZh: optionalText(DESCRIPTION_MAX),
    descriptionEn: optionalText(DESCRIPTION_MAX),
    descriptionPt: optionalText(DESCRIPTION_MAX),
    startsAt: localTime,
    endsAt: localTime,
    place: optionalText(PLACE_MAX),
    videoLink: z
      .string()
      .trim()
      .max(LINK_MAX, `validation:tooLong|max=${LINK_MAX}`)
      .url("training:errors.videoLink")
      .refine((value) => /^https:\/\//i.test(value), "training:errors.videoLink")
      .optional(),
    capacity: z.coerce
      .number({ required_error: "validation:required", invalid_type_error: "training:errors.capacity" })
      .int("training:errors.capacity")
      .min(1, "training:errors.capacity")
      .max(CAPACITY_MAX, "training:errors.capacity"),
  })
  .superRefine((value, ctx) => {
    if (!value.place && !value.videoLink) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["place"], message: "training:errors.placeOrLink" });
  });
export type SessionFormValues = z.infer<typeof SessionFormSchema>;

const sessionId = z.string({ required_error: "validation:required" }).trim().min(1).max(64);

/** A firm takes or gives back its seat. */
export const RegistrationSchema = z.object({
  intent: z.enum(["register", "cancel"], { errorMap: () => ({ message: "validation:invalid" }) }),
  sessionId,
});

/** The bureau records who attended: the registrations checked attended, the others absent. */
export const AttendanceSchema = z.object({
  intent: z.literal("attendance", { errorMap: () => ({ message: "validation:invalid" }) }),
  attended: z.array(z.string().trim().max(64)).max(ATTENDANCE_MAX).default([]),
});
