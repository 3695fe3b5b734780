import { prisma } from "~/utils/db.server";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";
import { ineligibleReasons, type IneligibleReason } from "./eligibility";
import { applicationWindow, canFirmChange, type ApplicationStatus, type CallStatus } from "./lifecycle";
import { boothTypesOf, expectedSubsidy } from "./subsidy";
import { attendeesText } from "./application-form";
import { callTermsColumns } from "./calls.server";

/**
 * What a firm member's delegation pages show, read for the member's own
 * firm only (an application of another firm is not found), with names in
 * the reader's language and dates as ISO strings (shown in the venue's
 * time zone by the page).
 */

const editionSelect = { slug: true, name: true, city: true, startsOn: true, endsOn: true, timeZone: true } as const;

function edition(row: { slug: string; name: unknown; city: unknown; startsOn: Date; endsOn: Date; timeZone: string }, locale: Locale) {
  return {
    slug: row.slug,
    name: displayTextIn(row.name, locale),
    city: displayTextIn(row.city, locale),
    startsOn: row.startsOn.toISOString().slice(0, 10),
    endsOn: row.endsOn.toISOString().slice(0, 10),
    timeZone: row.timeZone,
  };
}

async function firmFacts(firmId: string) {
  const firm = await prisma.firm.findUniqueOrThrow({
    where: { id: firmId },
    select: { townId: true, clusterId: true, verification: true, _count: { select: { products: { where: { published: true } } } } },
  });
  return { townId: firm.townId, clusterId: firm.clusterId, verified: firm.verification === "VERIFIED", publishedProducts: firm._count.products };
}

/** The reasons with the towns' and clusters' names, for the page to word. */
async function namedReasons(reasons: IneligibleReason[], locale: Locale) {
  const townIds = reasons.flatMap((reason) => (reason.code === "otherTown" ? reason.townIds : []));
  const clusterIds = reasons.flatMap((reason) => (reason.code === "otherCluster" ? reason.clusterIds : []));
  const [towns, clusters] = await Promise.all([
    townIds.length ? prisma.town.findMany({ where: { id: { in: townIds } }, select: { id: true, name: true } }) : [],
    clusterIds.length ? prisma.cluster.findMany({ where: { id: { in: clusterIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map([...towns, ...clusters].map((row) => [row.id, displayTextIn(row.name, locale)]));
  return reasons.map((reason) => {
    if (reason.code === "otherTown") return { code: reason.code, names: reason.townIds.map((id) => names.get(id) ?? "").filter(Boolean) };
    if (reason.code === "otherCluster") return { code: reason.code, names: reason.clusterIds.map((id) => names.get(id) ?? "").filter(Boolean) };
    if (reason.code === "tooFewProducts") return { code: reason.code, needed: reason.needed, has: reason.has };
    return { code: reason.code };
  });
}
export type NamedReason = Awaited<ReturnType<typeof namedReasons>>[number];

/** The open calls, eligible ones first, each with the reasons it is not (in the reader's language), and the firm's own applications. */
export async function delegationsForFirm(firmId: string, locale: Locale, now = new Date()) {
  const [facts, calls, applications] = await Promise.all([
    firmFacts(firmId),
    prisma.delegationCall.findMany({
      where: { status: "OPEN", deadline: { gt: now } },
      orderBy: { deadline: "asc" },
      select: { id: true, deadline: true, quota: true, townIds: true, clusterIds: true, verifiedOnly: true, minProducts: true, edition: { select: editionSelect }, applications: { where: { firmId }, select: { id: true } } },
    }),
    prisma.delegationApplication.findMany({
      where: { firmId },
      orderBy: { submittedAt: "desc" },
      select: { id: true, status: true, booth: true, submittedAt: true, call: { select: { status: true, edition: { select: editionSelect } } } },
    }),
  ]);
  const open = await Promise.all(
    calls.map(async (call) => ({
      callId: call.id,
      deadline: call.deadline.toISOString(),
      quota: call.quota,
      edition: edition(call.edition, locale),
      applicationId: call.applications[0]?.id ?? null,
      reasons: await namedReasons(ineligibleReasons(facts, call), locale),
    })),
  );
  return {
    eligible: open.filter((call) => call.reasons.length === 0),
    ineligible: open.filter((call) => call.reasons.length > 0),
    applications: applications.map((application) => ({
      id: application.id,
      status: application.status as ApplicationStatus,
      booth: application.booth,
      submittedAt: application.submittedAt.toISOString(),
      callStatus: application.call.status as CallStatus,
      edition: edition(application.call.edition, locale),
    })),
  };
}

const callTermsSelect = { ...callTermsColumns, edition: { select: editionSelect } } as const;

function terms(call: { id: string; status: string; opensAt: Date; deadline: Date; quota: number; boothTypes: unknown; subsidySharePercent: unknown; subsidyCapCny: unknown; documentsAsked: unknown; edition: Parameters<typeof edition>[0] }, locale: Locale) {
  return {
    id: call.id,
    status: call.status as CallStatus,
    opensAt: call.opensAt.toISOString(),
    deadline: call.deadline.toISOString(),
    quota: call.quota,
    boothTypes: boothTypesOf(call.boothTypes),
    subsidySharePercent: Number(call.subsidySharePercent),
    subsidyCapCny: Number(call.subsidyCapCny),
    documentsAsked: Array.isArray(call.documentsAsked) ? call.documentsAsked.map(String) : [],
    edition: edition(call.edition, locale),
  };
}

/** The firm's products to choose from, in the reader's language. */
async function firmProducts(firmId: string, locale: Locale) {
  const products = await prisma.product.findMany({ where: { firmId }, orderBy: { createdAt: "asc" }, take: 500, select: { id: true, name: true, hsCode: true, published: true } });
  return products.map((product) => ({ id: product.id, name: displayTextIn(product.name, locale), hsCode: product.hsCode, published: product.published }));
}

/** A call as the firm sees it before applying: its terms, whether the firm may apply and why not, the firm's products. Null: no such call (or a draft). */
export async function callForFirm(callId: string, firmId: string, locale: Locale, now = new Date()) {
  const call = await prisma.delegationCall.findUnique({ where: { id: callId }, select: { ...callTermsSelect, applications: { where: { firmId }, select: { id: true } } } });
  if (!call || call.status === "DRAFT") return null;
  const [facts, products] = await Promise.all([firmFacts(firmId), firmProducts(firmId, locale)]);
  return {
    call: terms(call, locale),
    closed: applicationWindow({ status: call.status as CallStatus, deadline: call.deadline }, now),
    reasons: await namedReasons(ineligibleReasons(facts, call), locale),
    applicationId: call.applications[0]?.id ?? null,
    products,
  };
}

/** The firm's own application with everything it follows (status, booth, subsidy, the bureau's reason). Null: not its own, or none. */
export async function ownApplication(applicationId: string, firmId: string, locale: Locale, now = new Date()) {
  const application = await prisma.delegationApplication.findFirst({
    where: { id: applicationId, firmId },
    select: {
      id: true,
      status: true,
      boothTypeCode: true,
      productIds: true,
      attendees: true,
      keepWithCluster: true,
      note: true,
      decisionReason: true,
      decidedAt: true,
      booth: true,
      boothZone: true,
      subsidyPaidCny: true,
      subsidyPaidAt: true,
      submittedAt: true,
      withdrawnAt: true,
      firm: { select: { name: true, uscc: true } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, askedIndex: true, fileName: true, contentType: true, sizeBytes: true } },
      call: { select: callTermsSelect },
    },
  });
  if (!application) return null;
  const call = terms(application.call, locale);
  const products = await firmProducts(firmId, locale);
  const boothType = call.boothTypes.find((booth) => booth.code === application.boothTypeCode) ?? null;
  const status = application.status as ApplicationStatus;
  const window = { status: call.status, deadline: application.call.deadline };
  return {
    id: application.id,
    status,
    firmName: displayTextIn(application.firm.name, locale),
    uscc: application.firm.uscc,
    boothTypeCode: application.boothTypeCode,
    boothType,
    products: products.filter((product) => application.productIds.includes(product.id)),
    productIds: application.productIds,
    attendees: attendeesText(application.attendees),
    keepWithCluster: application.keepWithCluster,
    note: application.note,
    decisionReason: application.decisionReason,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    booth: application.booth,
    boothZone: application.boothZone,
    expectedSubsidyCny: status === "APPROVED" && boothType ? expectedSubsidy(boothType.feeCny, call.subsidySharePercent, call.subsidyCapCny) : null,
    subsidyPaidCny: application.subsidyPaidCny === null ? null : Number(application.subsidyPaidCny),
    subsidyPaidAt: application.subsidyPaidAt?.toISOString() ?? null,
    submittedAt: application.submittedAt.toISOString(),
    withdrawnAt: application.withdrawnAt?.toISOString() ?? null,
    documents: application.documents.map((document) => ({ ...document, asked: document.askedIndex !== null ? (call.documentsAsked[document.askedIndex] ?? null) : null })),
    call,
    canEdit: canFirmChange(window, { status }, now) === null,
    canWithdraw: status === "APPROVED" || canFirmChange(window, { status }, now) === null,
    allProducts: products,
  };
}
export type OwnApplication = NonNullable<Awaited<ReturnType<typeof ownApplication>>>;
