import { z } from "zod";

/**
 * Meeting outcomes (issue 10, item 7), pure: when a side may record what came
 * of a meeting, and the two forms. The firm records attendance (held, or who
 * did not come), interest, samples, quotation, the intended order value and,
 * at its follow-ups (30, 90 and 180 days), whether an order was placed and
 * its value; the buyer records attendance, interest, samples and rates the
 * meeting. Values are whole US dollars, bounded.
 */
export const OUTCOME_RULES = {
  /** A record can be changed until this many days after the meeting: the 180-day follow-up and a margin. */
  editableDays: 200,
  notesMax: 2000,
  maxUsd: 1_000_000_000,
} as const;

export const attendanceValues = ["HELD", "NO_SHOW_FIRM", "NO_SHOW_BUYER"] as const;
export const interestValues = ["NONE", "LOW", "MEDIUM", "HIGH"] as const;
export type Attendance = (typeof attendanceValues)[number];
export type Interest = (typeof interestValues)[number];

export type OutcomeWindow = "notYet" | "open" | "closed";

/** Recording opens when the meeting starts and closes `editableDays` after it. */
export function outcomeWindow(startsAt: Date, now: Date): OutcomeWindow {
  if (now.getTime() < startsAt.getTime()) return "notYet";
  const closes = startsAt.getTime() + OUTCOME_RULES.editableDays * 86_400_000;
  return now.getTime() <= closes ? "open" : "closed";
}

const id = z.string({ required_error: "validation:required" }).min(1, "validation:required").max(64, "validation:invalid");
const checkbox = z
  .enum(["on", "true"], { invalid_type_error: "validation:invalid", message: "validation:invalid" })
  .optional()
  .transform((value) => value !== undefined);
const usd = z.coerce
  .number({ invalid_type_error: "meetingReport:errors.usd" })
  .int("meetingReport:errors.usd")
  .min(0, "meetingReport:errors.usd")
  .max(OUTCOME_RULES.maxUsd, "meetingReport:errors.usd")
  .optional();
const notes = z.string().trim().max(OUTCOME_RULES.notesMax, "validation:tooLong").optional();
const attendance = z.enum(attendanceValues, { errorMap: (_issue, ctx) => ({ message: ctx.data === undefined ? "validation:required" : "validation:invalid" }) });
const interest = z.enum(interestValues, { invalid_type_error: "validation:invalid", message: "validation:invalid" }).optional();
/** The follow-up stage (days after the meeting) the firm answers with this post; none: a plain update. */
const followUpStage = z
  .enum(["30", "90", "180"], { invalid_type_error: "validation:invalid", message: "validation:invalid" })
  .optional()
  .transform((value) => (value === undefined ? undefined : (Number(value) as 30 | 90 | 180)));

export const FirmOutcomeSchema = z
  .object({
    requestId: id,
    attendance,
    interest,
    samplesRequested: checkbox,
    quotationSent: checkbox,
    intendedOrderUsd: usd,
    orderPlaced: checkbox,
    confirmedOrderUsd: usd,
    followUpStage,
    notes,
  })
  .superRefine((value, ctx) => {
    if (value.followUpStage !== undefined && value.attendance !== "HELD") {
      ctx.addIssue({ code: "custom", path: ["followUpStage"], message: "meetingReport:errors.notHeld" });
    }
    if (value.confirmedOrderUsd !== undefined && value.confirmedOrderUsd > 0 && !value.orderPlaced) {
      ctx.addIssue({ code: "custom", path: ["orderPlaced"], message: "meetingReport:errors.orderNotPlaced" });
    }
    if (value.attendance !== "HELD" && (value.orderPlaced || value.quotationSent || value.samplesRequested || (value.intendedOrderUsd ?? 0) > 0)) {
      ctx.addIssue({ code: "custom", path: ["attendance"], message: "meetingReport:errors.notHeld" });
    }
  });

export const BuyerOutcomeSchema = z
  .object({
    requestId: id,
    attendance,
    interest,
    samplesRequested: checkbox,
    rating: z.coerce.number({ invalid_type_error: "meetingReport:errors.rating" }).int("meetingReport:errors.rating").min(1, "meetingReport:errors.rating").max(5, "meetingReport:errors.rating").optional(),
    notes,
  })
  .superRefine((value, ctx) => {
    if (value.attendance !== "HELD" && (value.rating !== undefined || value.samplesRequested)) {
      ctx.addIssue({ code: "custom", path: ["attendance"], message: "meetingReport:errors.notHeld" });
    }
  });

export type FirmOutcomeInput = z.infer<typeof FirmOutcomeSchema>;
export type BuyerOutcomeInput = z.infer<typeof BuyerOutcomeSchema>;

/** The stored record of one side; fields the side does not record stay empty. */
export interface OutcomeRecord {
  attendance: Attendance;
  interest: Interest | null;
  samplesRequested: boolean;
  quotationSent: boolean;
  intendedOrderUsd: number | null;
  orderPlaced: boolean;
  confirmedOrderUsd: number | null;
  rating: number | null;
  notes: string | null;
}

export function outcomeRecord(input: { side: "FIRM"; value: FirmOutcomeInput } | { side: "BUYER"; value: BuyerOutcomeInput }): OutcomeRecord {
  const common = { attendance: input.value.attendance, interest: input.value.interest ?? null, samplesRequested: input.value.samplesRequested, notes: input.value.notes ? input.value.notes : null };
  if (input.side === "BUYER") {
    return { ...common, quotationSent: false, intendedOrderUsd: null, orderPlaced: false, confirmedOrderUsd: null, rating: input.value.rating ?? null };
  }
  const firm = input.value;
  return {
    ...common,
    quotationSent: firm.quotationSent,
    intendedOrderUsd: firm.intendedOrderUsd ?? null,
    orderPlaced: firm.orderPlaced,
    confirmedOrderUsd: firm.orderPlaced ? (firm.confirmedOrderUsd ?? null) : null,
    rating: null,
  };
}
