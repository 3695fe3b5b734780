import { z } from "zod";
import { MAX_RULE_VALUES, verifiedRules } from "~/modules/notice/rules";

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
    // Who may register: the notices' targeting rules (app/modules/notice/rules.ts); none: every firm.
    townIds: z.array(z.string().trim().max(64)).max(MAX_RULE_VALUES, "notices:errors.tooManyValues").default([]),
    clusterIds: z.array(z.string().trim().max(64)).max(MAX_RULE_VALUES, "notices:errors.tooManyValues").default([]),
    markets: z
      .string()
      .max(2000)
      .optional()
      .transform((value) => (value ?? "").split(/[\s,，、;]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[A-Za-z]{2}$/, "notices:errors.rules")).max(MAX_RULE_VALUES, "notices:errors.tooManyValues")),
    verified: z.enum(verifiedRules, { errorMap: () => ({ message: "validation:invalid" }) }).default("any"),
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
  intent: z.enum(["register", "waitlist", "cancel"], { errorMap: () => ({ message: "validation:invalid" }) }),
  sessionId,
});

/** The bureau cancels the session (firms are told). */
export const CancelSessionSchema = z.object({
  intent: z.literal("cancelSession", { errorMap: () => ({ message: "validation:invalid" }) }),
});

/** The bureau deletes a session (with its files): cancelled, or nobody registered. */
export const DeleteSessionSchema = z.object({
  intent: z.literal("deleteSession", { errorMap: () => ({ message: "validation:invalid" }) }),
});

/** The bureau records who attended: the registrations checked attended, the others absent. */
export const AttendanceSchema = z.object({
  intent: z.literal("attendance", { errorMap: () => ({ message: "validation:invalid" }) }),
  attended: z.array(z.string().trim().max(64)).max(ATTENDANCE_MAX).default([]),
});

/** The bureau's forms on a session's page: attendance, or cancelling the session. */
export const SessionPageSchema = z.discriminatedUnion("intent", [AttendanceSchema, CancelSessionSchema, DeleteSessionSchema], { errorMap: () => ({ message: "validation:invalid" }) });

/** An absolute https link without credentials (never throws: the refinement runs even when `.url()` failed). */
export function isHttpsLink(value: string): boolean {
  if (!/^https:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && !!url.hostname;
  } catch {
    return false;
  }
}

/** The recording's link: https only (no javascript:, http: or data:), or empty to take it down. */
export const RecordingUrlSchema = z
  .string()
  .trim()
  .max(LINK_MAX, `validation:tooLong|max=${LINK_MAX}`)
  .url("training:errors.recordingUrl")
  .refine(isHttpsLink, "training:errors.recordingUrl")
  .optional();

/** The bureau's forms on a session's materials page: uploading PDFs (multipart), removing one, setting the recording. */
export const UploadMaterialsSchema = z.object({ intent: z.literal("upload", { errorMap: () => ({ message: "validation:invalid" }) }) });
export const RemoveMaterialSchema = z.object({
  intent: z.literal("removeMaterial", { errorMap: () => ({ message: "validation:invalid" }) }),
  materialId: z.string({ required_error: "validation:required" }).trim().min(1).max(64),
});
export const RecordingSchema = z.object({ intent: z.literal("recording", { errorMap: () => ({ message: "validation:invalid" }) }), recordingUrl: RecordingUrlSchema });
export const MaterialsPageSchema = z.discriminatedUnion("intent", [UploadMaterialsSchema, RemoveMaterialSchema, RecordingSchema], { errorMap: () => ({ message: "validation:invalid" }) });
