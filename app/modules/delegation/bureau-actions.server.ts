import type { ZodTypeAny } from "zod";
import { parseSubmission } from "~/utils/form.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { callWeights, saveCallWeights, type StaffActor } from "./calls.server";
import { decideApplication, fillFromWaitlist, withdrawForFirm } from "./decisions.server";
import { assignBoothsFromPlan, recordSubsidy, saveFloorPlan, setBooth } from "./booths.server";
import { BoothSchema, DecisionSchema, FloorPlanSchema, SaveWeightsSchema, SubsidySchema, WithdrawForFirmSchema } from "./bureau.schema";
import { parseFloorPlan } from "./floor-plan";
import { prisma } from "~/utils/db.server";
import { z } from "zod";

/**
 * The forms of the bureau's ranking page, one intent each: decide, withdraw
 * for the firm, booth, subsidy, floor plan, assign booths, fill from the
 * waitlist, save weights. Each form crosses the form boundary with its own
 * schema; refusals come back as the form's errors with their status. The
 * route answers with what this returns.
 */

type Reply = ReturnType<ReturnType<typeof parseSubmission>["reply"]>;
export interface BureauAnswer {
  status: number;
  intent: string;
  applicationId: string | null;
  result: Reply | null;
  done: "decided" | "withdrawn" | "booth" | "subsidy" | "floorPlan" | "assigned" | "filled" | "weights" | null;
  count?: number;
}

const intents = ["decide", "withdraw", "booth", "subsidy", "floorPlan", "assign", "fill", "weights"] as const;
const IntentOnly = z.object({ intent: z.enum(intents, { errorMap: () => ({ message: "validation:invalid" }) }) });

async function run<Schema extends ZodTypeAny>(
  formData: FormData,
  schema: Schema,
  work: (value: z.output<Schema>) => Promise<Pick<BureauAnswer, "done" | "count">>,
): Promise<BureauAnswer> {
  const submission = parseSubmission(formData, { schema });
  const intent = String(formData.get("intent") ?? "");
  const applicationId = typeof formData.get("applicationId") === "string" ? String(formData.get("applicationId")).slice(0, 40) : null;
  if (submission.status !== "success") return { status: 400, intent, applicationId, result: submission.reply(), done: null };
  try {
    const outcome = await work(submission.value);
    return { status: 200, intent, applicationId, result: submission.reply({ resetForm: true }), ...outcome };
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return { status, intent, applicationId, result, done: null };
  }
}

export async function runBureauAction(actor: StaffActor, callId: string, formData: FormData): Promise<BureauAnswer> {
  switch (formData.get("intent")) {
    case "decide":
      return run(formData, DecisionSchema, async (value) => {
        await decideApplication(actor, value.applicationId, value.decision, value.reason ?? null, value.reasonLocale);
        return { done: "decided" };
      });
    case "withdraw":
      return run(formData, WithdrawForFirmSchema, async (value) => {
        const promoted = await withdrawForFirm(actor, value.applicationId, value.reason);
        return { done: "withdrawn", count: promoted ? 1 : 0 };
      });
    case "booth":
      return run(formData, BoothSchema, async (value) => {
        await setBooth(actor, value.applicationId, value.booth || null);
        return { done: "booth" };
      });
    case "subsidy":
      return run(formData, SubsidySchema, async (value) => {
        await recordSubsidy(actor, value.applicationId, value.subsidyPaidCny);
        return { done: "subsidy" };
      });
    case "floorPlan": {
      const call = await prisma.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { boothTypes: true } });
      const codes = (Array.isArray(call.boothTypes) ? (call.boothTypes as { code?: unknown }[]) : []).map((type) => String(type?.code ?? ""));
      const submission = parseSubmission(formData, { schema: FloorPlanSchema });
      if (submission.status === "success") {
        const { booths, problems } = parseFloorPlan(submission.value.floorPlan, codes);
        if (problems.length) {
          const messages = problems.slice(0, 20).map((problem) => `delegation:errors.floorPlan.${problem.code}|line=${problem.line}`);
          return { status: 400, intent: "floorPlan", applicationId: null, result: submission.reply({ fieldErrors: { floorPlan: messages } }), done: null };
        }
        return run(formData, FloorPlanSchema, async () => {
          await saveFloorPlan(actor, callId, booths);
          return { done: "floorPlan", count: booths.length };
        });
      }
      return { status: 400, intent: "floorPlan", applicationId: null, result: submission.reply(), done: null };
    }
    case "assign":
      return run(formData, IntentOnly, async () => {
        const { given } = await assignBoothsFromPlan(actor, callId);
        return { done: "assigned", count: given };
      });
    case "fill":
      return run(formData, IntentOnly, async () => {
        const promoted = await fillFromWaitlist(actor, callId);
        return { done: "filled", count: promoted.length };
      });
    case "weights":
      return run(formData, SaveWeightsSchema, async (value) => {
        await saveCallWeights(actor, callId, callWeights(value.weights));
        return { done: "weights" };
      });
    default:
      return run(formData, IntentOnly, async () => ({ done: null }));
  }
}
