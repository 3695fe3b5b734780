import { z } from "zod";
import { employeeBands } from "~/modules/firm/firm-vocabulary";
import { calendarDay } from "~/utils/query";
import { MAX_RULE_VALUES, verifiedRules } from "./rules";

/** The bureau's notice form, shared by the page (conform) and the server. */
export const noticeCategories = ["subsidy", "fair-call", "regulation", "market-alert", "training"] as const;
export type NoticeCategory = (typeof noticeCategories)[number];

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const DEPARTMENT_MAX = 120;

const optionalText = (max: number) => z.string().trim().max(max, `validation:tooLong|max=${max}`).optional();
const day = calendarDay.optional();
/** Lists typed as words ("BR, PT" or "94 9405"): split on commas and spaces. */
const wordList = z
  .string()
  .max(2000)
  .optional()
  .transform((value) => (value ?? "").split(/[\s,，、;]+/).filter(Boolean))
  .pipe(z.array(z.string()).max(MAX_RULE_VALUES, "notices:errors.tooManyValues"));
const idList = z.array(z.string().trim().max(64)).max(MAX_RULE_VALUES, "notices:errors.tooManyValues").default([]);

export const NoticeFormSchema = z
  .object({
    titleZh: z.string({ required_error: "notices:errors.titleZhRequired" }).trim().min(1, "notices:errors.titleZhRequired").max(TITLE_MAX, `validation:tooLong|max=${TITLE_MAX}`),
    titleEn: optionalText(TITLE_MAX),
    titlePt: optionalText(TITLE_MAX),
    bodyZh: z.string({ required_error: "notices:errors.bodyZhRequired" }).trim().min(1, "notices:errors.bodyZhRequired").max(BODY_MAX, `validation:tooLong|max=${BODY_MAX}`),
    bodyEn: optionalText(BODY_MAX),
    bodyPt: optionalText(BODY_MAX),
    category: z.enum(noticeCategories, { errorMap: () => ({ message: "validation:invalid" }) }),
    department: z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(DEPARTMENT_MAX, `validation:tooLong|max=${DEPARTMENT_MAX}`),
    validFrom: day,
    validUntil: day,
    deadline: day,
    isPublic: z.literal("on").optional(),
    townIds: idList,
    clusterIds: idList,
    hsCodes: wordList,
    markets: wordList,
    certificationsHeld: idList,
    certificationsMissing: idList,
    sizeBands: z.array(z.enum(employeeBands, { errorMap: () => ({ message: "validation:invalid" }) })).max(employeeBands.length).default([]),
    verified: z.enum(verifiedRules).default("any"),
    removeAttachmentIds: z.array(z.string().max(64)).max(20).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["validUntil"], message: "notices:errors.validityOrder" });
    }
    if (value.deadline && value.validFrom && value.deadline < value.validFrom) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deadline"], message: "notices:errors.deadlineBeforeValidity" });
    }
    for (const code of value.hsCodes) {
      if (!/^(\d{2}|\d{4})$/.test(code)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["hsCodes"], message: `notices:errors.hsCode|code=${code.replace(/[|=]/g, "_").slice(0, 20)}` });
        break;
      }
    }
    for (const code of value.markets) {
      if (!/^[A-Za-z]{2}$/.test(code)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["markets"], message: `notices:errors.market|code=${code.replace(/[|=]/g, "_").slice(0, 20)}` });
        break;
      }
    }
  });

export type NoticeFormValues = z.infer<typeof NoticeFormSchema>;

/** Sending: now, or at a local time (Asia/Shanghai) given by the bureau. */
export const SendSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sendNow"), confirmEmpty: z.literal("on").optional() }),
  z.object({
    intent: z.literal("schedule"),
    sendAt: z
      .string({ required_error: "validation:required" })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation:invalid"),
    confirmEmpty: z.literal("on").optional(),
  }),
  z.object({ intent: z.literal("unschedule") }),
  z.object({ intent: z.literal("remind") }),
]);

/** What a firm does with a notice. */
export const firmNoticeActions = ["interested", "applied", "notInterested"] as const;
export const FirmNoticeActionSchema = z.object({ intent: z.enum(firmNoticeActions) });

/** Correcting the texts of a notice already sent (its history keeps the texts it replaces). */
export const RevisionSchema = z.object({
  titleZh: z.string({ required_error: "notices:errors.titleZhRequired" }).trim().min(1, "notices:errors.titleZhRequired").max(TITLE_MAX, `validation:tooLong|max=${TITLE_MAX}`),
  titleEn: optionalText(TITLE_MAX),
  titlePt: optionalText(TITLE_MAX),
  bodyZh: z.string({ required_error: "notices:errors.bodyZhRequired" }).trim().min(1, "notices:errors.bodyZhRequired").max(BODY_MAX, `validation:tooLong|max=${BODY_MAX}`),
  bodyEn: optionalText(BODY_MAX),
  bodyPt: optionalText(BODY_MAX),
});
export type RevisionValues = z.infer<typeof RevisionSchema>;
