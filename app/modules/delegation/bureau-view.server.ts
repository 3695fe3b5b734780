import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { notFoundError } from "~/utils/domain-error";
import type { Locale } from "~/i18n/config";
import { callTermsColumns, callWeights } from "./calls.server";
import { nextStatuses, type CallStatus } from "./lifecycle";
import { rankCall } from "./ranking.server";
import { rankChanges, type ScoreWeights } from "./scoring";
import { floorPlanText, storedFloorPlan, subsidyCeiling } from "./floor-plan";

/**
 * What the bureau's delegation pages show: an edition with its call (the
 * terms as the form edits them, the statuses it may move to), and the
 * ranked applications with every part of every score, the decision, the
 * booth and the subsidy. Plain values only (dates as ISO strings).
 */

export interface BoothType {
  code: string;
  name: string;
  widthM: number;
  depthM: number;
  feeCny: number;
}

function boothTypesOf(value: unknown): BoothType[] {
  return (Array.isArray(value) ? value : []).filter((entry): entry is BoothType => !!entry && typeof entry === "object" && typeof entry.code === "string");
}

export async function getCallWorkspace(slug: string, locale: Locale) {
  const edition = await prisma.fairEdition.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      startsOn: true,
      endsOn: true,
      timeZone: true,
      call: {
        select: { ...callTermsColumns, booths: true, weights: true, rosterPublishedAt: true },
      },
    },
  });
  if (!edition) throw notFoundError();
  const call = edition.call;
  const counts = call ? await prisma.delegationApplication.groupBy({ by: ["status"], where: { callId: call.id }, _count: { _all: true } }) : [];
  return {
    edition: {
      id: edition.id,
      slug: edition.slug,
      name: displayTextIn(edition.name, locale),
      shortName: edition.shortName,
      startsOn: edition.startsOn.toISOString().slice(0, 10),
      endsOn: edition.endsOn.toISOString().slice(0, 10),
      timeZone: edition.timeZone,
    },
    call: call
      ? {
          id: call.id,
          status: call.status as CallStatus,
          next: [...nextStatuses(call.status as CallStatus)],
          opensAt: call.opensAt.toISOString(),
          deadline: call.deadline.toISOString(),
          quota: call.quota,
          townIds: call.townIds,
          clusterIds: call.clusterIds,
          verifiedOnly: call.verifiedOnly,
          minProducts: call.minProducts,
          boothTypes: boothTypesOf(call.boothTypes),
          floorPlan: floorPlanText(storedFloorPlan(call.booths)),
          boothNumbers: storedFloorPlan(call.booths).map((booth) => booth.number),
          subsidySharePercent: Number(call.subsidySharePercent),
          subsidyCapCny: Number(call.subsidyCapCny),
          documentsAsked: (Array.isArray(call.documentsAsked) ? call.documentsAsked : []).filter((entry): entry is string => typeof entry === "string"),
          weights: callWeights(call.weights),
          counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Record<string, number>,
        }
      : null,
  };
}

/** Towns and clusters, for the call form's eligibility lists. */
export async function eligibilityOptions(locale: Locale) {
  const [towns, clusters] = await Promise.all([
    prisma.town.findMany({ orderBy: { slug: "asc" }, select: { id: true, name: true } }),
    prisma.cluster.findMany({ orderBy: { slug: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    towns: towns.map((town) => ({ value: town.id, label: displayTextIn(town.name, locale) })),
    clusters: clusters.map((cluster) => ({ value: cluster.id, label: displayTextIn(cluster.name, locale) })),
  };
}

/**
 * The ranked applications of a call, with `weights` tried instead of the
 * saved ones when given (the what-if: nothing is saved), and how far each
 * moved from the saved ranking.
 */
export async function rankedApplicationsForBureau(callId: string, locale: Locale, weights?: ScoreWeights) {
  const [saved, tried] = await Promise.all([rankCall(callId), weights ? rankCall(callId, weights) : null]);
  const ranked = tried ?? saved;
  const moves = tried ? rankChanges(saved, tried) : new Map<string, number>();
  const [applications, terms] = await Promise.all([
    prisma.delegationApplication.findMany({
      where: { callId },
      select: {
        id: true,
        status: true,
        boothTypeCode: true,
        productIds: true,
        attendees: true,
        keepWithCluster: true,
        note: true,
        decisionReason: true,
        decisionReasonLocale: true,
        decidedAt: true,
        booth: true,
        boothZone: true,
        subsidyPaidCny: true,
        submittedAt: true,
        withdrawnAt: true,
        firm: { select: { id: true, name: true, uscc: true, town: { select: { name: true } }, cluster: { select: { name: true } }, members: { where: { role: "FIRM_MEMBER", status: "ACTIVE" }, select: { locale: true }, take: 1 } } },
      },
    }),
    prisma.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { boothTypes: true, subsidySharePercent: true, subsidyCapCny: true } }),
  ]);
  const byId = new Map(applications.map((application) => [application.id, application]));
  const fees = new Map(boothTypesOf(terms.boothTypes).map((type) => [type.code, Number(type.feeCny)]));
  const present = (application: (typeof applications)[number]) => ({
    id: application.id,
    status: application.status,
    firmId: application.firm.id,
    firmName: displayTextIn(application.firm.name, locale),
    firmNameZh: textIn(application.firm.name, "zh-CN"),
    firmNameEn: textIn(application.firm.name, "en"),
    uscc: application.firm.uscc,
    town: application.firm.town ? displayTextIn(application.firm.town.name, locale) : null,
    cluster: application.firm.cluster ? displayTextIn(application.firm.cluster.name, locale) : null,
    /** The language the firm reads Ponte in: the bureau writes its reason in it by default. */
    firmLocale: application.firm.members[0]?.locale ?? "zh-CN",
    boothTypeCode: application.boothTypeCode,
    products: application.productIds.length,
    attendees: Array.isArray(application.attendees) ? application.attendees.length : 0,
    keepWithCluster: application.keepWithCluster,
    note: application.note,
    decisionReason: application.decisionReason,
    decisionReasonLocale: application.decisionReasonLocale,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    booth: application.booth,
    boothZone: application.boothZone,
    subsidyPaidCny: application.subsidyPaidCny === null ? null : Number(application.subsidyPaidCny),
    subsidyCeiling: subsidyCeiling(fees.get(application.boothTypeCode) ?? 0, Number(terms.subsidySharePercent), Number(terms.subsidyCapCny)),
    submittedAt: application.submittedAt.toISOString(),
  });
  return {
    ranked: ranked.map((entry) => ({
      ...present(byId.get(entry.applicationId)!),
      rank: entry.rank,
      total: entry.total,
      max: entry.max,
      parts: entry.parts,
      move: moves.get(entry.applicationId) ?? 0,
    })),
    withdrawn: applications.filter((application) => application.status === "WITHDRAWN").map(present),
  };
}
