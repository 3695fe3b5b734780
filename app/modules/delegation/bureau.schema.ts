import { z } from "zod";
import { callStatuses } from "./lifecycle";
import { WeightsSchema } from "./call.schema";
import { scoreCriteria, type ScoreCriterion } from "./scoring";

/**
 * The bureau's smaller forms on a delegation: moving the call along its
 * lifecycle, deciding on an application (with the reason's language),
 * booths, the floor plan, the subsidy paid, and the weights of the
 * what-if. Messages are translation keys.
 */
export const REASON_MAX = 1_000;
export const reasonLocales = ["zh-CN", "en", "pt"] as const;

const id = z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(40);

export const MoveCallSchema = z.object({ intent: z.literal("move"), to: z.enum(callStatuses, { errorMap: () => ({ message: "validation:invalid" }) }) });

export const DecisionSchema = z.object({
  intent: z.literal("decide"),
  applicationId: id,
  decision: z.enum(["APPROVED", "WAITLISTED", "REJECTED"], { errorMap: () => ({ message: "validation:invalid" }) }),
  reason: z.string().trim().max(REASON_MAX, "delegation:errors.tooLong").optional(),
  reasonLocale: z.enum(reasonLocales, { errorMap: () => ({ message: "validation:invalid" }) }).default("zh-CN"),
});

export const WithdrawForFirmSchema = z.object({
  intent: z.literal("withdraw"),
  applicationId: id,
  reason: z.string({ required_error: "delegation:refusal.reasonRequired" }).trim().min(1, "delegation:refusal.reasonRequired").max(REASON_MAX, "delegation:errors.tooLong"),
});

export const BoothSchema = z.object({
  intent: z.literal("booth"),
  applicationId: id,
  booth: z.string().trim().max(20, "delegation:errors.tooLong").optional(),
});

export const SubsidySchema = z.object({
  intent: z.literal("subsidy"),
  applicationId: id,
  subsidyPaidCny: z.coerce.number({ invalid_type_error: "delegation:errors.number", required_error: "validation:required" }).min(0, "delegation:errors.notNegative").max(10_000_000, "delegation:errors.tooLarge"),
});

export const FloorPlanSchema = z.object({
  intent: z.literal("floorPlan"),
  floorPlan: z.string().max(100_000, "delegation:errors.tooLong").default(""),
});

export const SaveWeightsSchema = z.object({ intent: z.literal("weights"), weights: WeightsSchema });

/**
 * Weights tried in the query string (?w.marketFit=40…): each missing or
 * nonsense value is the saved one, so a hand-edited address never fails.
 */
export function weightsFromQuery(params: URLSearchParams): Partial<Record<ScoreCriterion, number>> | null {
  const tried: Partial<Record<ScoreCriterion, number>> = {};
  for (const criterion of scoreCriteria) {
    const raw = params.get(`w.${criterion}`);
    if (raw === null || raw.trim() === "") continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0 && value <= 100) tried[criterion] = value;
  }
  return Object.keys(tried).length ? tried : null;
}
