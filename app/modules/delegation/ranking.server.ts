import { prisma, type Prisma } from "~/utils/db.server";
import { completenessSelect, firmCompleteness } from "~/modules/firm/completeness";
import type { ApplicationStatus } from "./lifecycle";
import { callWeights } from "./calls.server";
import { rankApplications, type ApplicantFacts, type RankedApplication, type ScoreWeights, type ScoringContext } from "./scoring";
import { heldCertificates, validCertificateCodes } from "~/modules/reference/certificate-validity";

/**
 * Reads the facts the fair score needs for every live application of a
 * call and ranks them with the call's weights, or with weights the bureau
 * is trying out (the what-if) without saving them.
 */

type Reader = Pick<Prisma.TransactionClient, "delegationCall" | "delegationApplication">;

export interface RankedEntry extends RankedApplication {
  status: ApplicationStatus;
  firmId: string;
  boothTypeCode: string;
  keepWithCluster: boolean;
  clusterSlug: string | null;
}

/** A certification counts when it holds on the fair's first day. */
function validOn(certifications: unknown, day: Date): string[] {
  return validCertificateCodes(heldCertificates(certifications), day.toISOString().slice(0, 10));
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
      validCertifications: validOn(firm.certifications, call.edition.startsOn),
      clusterSlug: firm.cluster?.slug ?? null,
      completeness,
      verified: firm.verification === "VERIFIED",
      // Results at earlier fairs arrive with the meetings at fairs (issue 10).
      earlierMeetingsHeld: 0,
      earlierOrders: 0,
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
