import { prisma, type Prisma } from "~/utils/db.server";
import { completenessSelect, firmCompleteness } from "~/modules/firm/completeness";
import type { ApplicationStatus } from "./lifecycle";
import { callWeights } from "./calls.server";
import { rankApplications, type ApplicantFacts, type RankedApplication, type ScoreWeights, type ScoringContext } from "./scoring";
import { heldCertificates, validCertificateCodes, type CertificationRules } from "~/modules/reference/certificate-validity";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { resultsOf, type PairOutcomes } from "~/modules/meeting/report";

/**
 * Reads the facts the fair score needs for every live application of a
 * call and ranks them with the call's weights, or with weights the bureau
 * is trying out (the what-if) without saving them.
 */

type Reader = Pick<Prisma.TransactionClient, "delegationCall" | "delegationApplication" | "meetingRequest" | "certification">;

export interface RankedEntry extends RankedApplication {
  status: ApplicationStatus;
  firmId: string;
  boothTypeCode: string;
  keepWithCluster: boolean;
  clusterSlug: string | null;
}

/** A certification counts when it holds on the fair's first day, under its rules (validity months, a required expiry). */
function validOn(certifications: unknown, day: Date, rules: CertificationRules): string[] {
  return validCertificateCodes(heldCertificates(certifications, rules), day.toISOString().slice(0, 10));
}

const outcomeSelect = { side: true, attendance: true, interest: true, samplesRequested: true, quotationSent: true, intendedOrderUsd: true, orderPlaced: true, confirmedOrderUsd: true, rating: true } as const;

/**
 * Each firm's results at fair editions that ended before `before` (the
 * edition's first day): meetings held and orders placed, as the fair report
 * counts them (meeting/report.ts).
 */
async function earlierResults(reader: Reader, firmIds: string[], before: Date): Promise<Map<string, { held: number; orders: number }>> {
  if (!firmIds.length) return new Map();
  const rows = await reader.meetingRequest.findMany({
    where: { firmId: { in: firmIds }, status: "ACCEPTED", meeting: { isNot: null }, edition: { endsOn: { lt: before } } },
    select: { firmId: true, status: true, meeting: { select: { id: true } }, outcomes: { select: outcomeSelect } },
  });
  const byFirm = new Map<string, PairOutcomes[]>();
  for (const row of rows) {
    const side = (name: "FIRM" | "BUYER") => {
      const found = row.outcomes.find((outcome) => outcome.side === name);
      if (!found) return null;
      const { side: _side, ...record } = found;
      return record;
    };
    const list = byFirm.get(row.firmId) ?? [];
    list.push({ status: row.status, scheduled: row.meeting !== null, firmOutcome: side("FIRM"), buyerOutcome: side("BUYER") });
    byFirm.set(row.firmId, list);
  }
  return new Map([...byFirm.entries()].map(([firmId, pairs]) => [firmId, resultsOf(pairs)]));
}

export async function rankCall(callId: string, weights?: ScoreWeights, reader: Reader = prisma): Promise<RankedEntry[]> {
  const call = await reader.delegationCall.findUniqueOrThrow({
    where: { id: callId },
    select: { weights: true, scoringContext: true, editionId: true, edition: { select: { startsOn: true } } },
  });
  const applications = await reader.delegationApplication.findMany({
    where: { callId, status: { not: "WITHDRAWN" } },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      boothTypeCode: true,
      keepWithCluster: true,
      firm: {
        select: {
          id: true,
          ...completenessSelect,
          verification: true,
          cluster: { select: { slug: true } },
          delegationEntries: { where: { status: "APPROVED", callId: { not: callId }, call: { status: { in: ["ROSTER_PUBLISHED", "FINISHED"] } } }, select: { id: true } },
        },
      },
    },
  });
  const [results, certificationRules] = await Promise.all([
    earlierResults(reader, [...new Set(applications.map((application) => application.firm.id))], call.edition.startsOn),
    loadCertificationRules(reader),
  ]);
  const stored = (call.scoringContext ?? {}) as Partial<ScoringContext>;
  const context: ScoringContext = {
    year: call.edition.startsOn.getUTCFullYear(),
    markets: stored.markets ?? [],
    relevantCertifications: stored.relevantCertifications ?? [],
    priorityClusters: stored.priorityClusters ?? [],
    profileLocales: stored.profileLocales ?? ["zh-CN", "en", "pt"],
  };
  const facts: ApplicantFacts[] = applications.map((application) => {
    const firm = application.firm;
    const completeness = Object.fromEntries(firmCompleteness(firm).map((entry) => [entry.locale, entry.percent / 100]));
    return {
      applicationId: application.id,
      submittedAt: application.submittedAt,
      exportingSince: firm.foundedYear,
      exportMarkets: firm.exportMarkets,
      validCertifications: validOn(firm.certifications, call.edition.startsOn, certificationRules),
      clusterSlug: firm.cluster?.slug ?? null,
      completeness,
      verified: firm.verification === "VERIFIED",
      // Results at earlier fairs: meetings held and orders placed at editions that ended before this one began.
      earlierMeetingsHeld: results.get(firm.id)?.held ?? 0,
      earlierOrders: results.get(firm.id)?.orders ?? 0,
      earlierDelegations: firm.delegationEntries.length,
    };
  });
  const byId = new Map(applications.map((application) => [application.id, application]));
  return rankApplications(facts, weights ?? callWeights(call.weights), context).map((entry) => {
    const application = byId.get(entry.applicationId)!;
    return {
      ...entry,
      status: application.status,
      firmId: application.firm.id,
      boothTypeCode: application.boothTypeCode,
      keepWithCluster: application.keepWithCluster,
      clusterSlug: application.firm.cluster?.slug ?? null,
    };
  });
}
