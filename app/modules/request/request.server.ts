import { readerLanguage, readerLanguages, requestTranslations } from "~/modules/translation/translation.server";
import { certificationCodes } from "~/modules/reference/certifications.server";
import { z } from "zod";
import { prisma, type Prisma } from "~/utils/db.server";
import type { AuthUser } from "~/modules/access/user.server";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { asLocalizedText, resolveText } from "~/modules/i18n-text/localized-text";
import { isCountryCode, countryName } from "~/modules/reference/countries.server";
import { isKnownHsCode } from "~/modules/hs/nomenclature.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { textFallbacks, type Locale } from "~/i18n/config";
import { SourcingRequestSchema, titleLocales, type SourcingRequestInput } from "./request.schema";

/**
 * Sourcing requests of buying companies. A buyer lists, creates, edits,
 * closes and reopens its own company's requests; bureau staff may act on any.
 * A request of another company is "not found" for a buyer (its existence is
 * not revealed). Every write is audited and sent to search in its transaction.
 */
type Actor = Pick<AuthUser, "id" | "role" | "buyerCompanyId">;

/** A request's own fields, as pages and the search documents read them. */
export const requestSelect = {
  id: true,
  buyerCompanyId: true,
  title: true,
  keywords: true,
  hsCodes: true,
  quantity: true,
  unit: true,
  targetPriceUsd: true,
  requiredCertifications: true,
  destinationCountry: true,
  deadline: true,
  status: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SourcingRequestSelect;

type RequestRow = Prisma.SourcingRequestGetPayload<{ select: typeof requestSelect }>;

const AUDITED = ["title", "keywords", "hsCodes", "quantity", "unit", "targetPriceUsd", "requiredCertifications", "destinationCountry", "deadline", "status", "visibility"] as const;

function present(row: RequestRow, locale: Locale) {
  const title = resolveText(row.title, locale, textFallbacks[locale]);
  const authoredIn = titleLocales.find((candidate) => asLocalizedText(row.title)[candidate]) ?? "en";
  return {
    id: row.id,
    title: title?.text ?? "",
    titleLocale: title?.locale ?? authoredIn,
    titleIsOtherLanguage: title?.isFallback ?? false,
    keywords: row.keywords,
    hsCodes: row.hsCodes,
    hsCodesText: row.hsCodes.map(formatHsCode).join(", "),
    quantity: row.quantity,
    unit: row.unit,
    targetPriceUsd: row.targetPriceUsd === null ? null : Number(row.targetPriceUsd),
    requiredCertifications: row.requiredCertifications,
    destinationCountry: row.destinationCountry,
    destinationCountryName: row.destinationCountry ? countryName(row.destinationCountry, locale) : null,
    deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
    status: row.status,
    visibility: row.visibility,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PresentedRequest = ReturnType<typeof present>;

export async function listCompanyRequests(buyerCompanyId: string, locale: Locale) {
  const rows = await prisma.sourcingRequest.findMany({
    where: { buyerCompanyId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 500,
    select: requestSelect,
  });
  return rows.map((row) => present(row, locale));
}

/** A request the caller was checked to own (modules/access/buyer.server.ts requireOwnRequest). */
async function loadOwnRequest(requestId: string, client: Pick<Prisma.TransactionClient, "sourcingRequest"> = prisma) {
  return client.sourcingRequest.findUniqueOrThrow({ where: { id: requestId }, select: requestSelect });
}

export async function getRequest(requestId: string, locale: Locale) {
  return present(await loadOwnRequest(requestId), locale);
}

/** The form schema plus checks against the nomenclature and reference lists. */
export async function requestServerSchema(options: { today: Date; allowPastDeadline?: string | null }) {
  const knownCertifications = await certificationCodes();
  const today = options.today.toISOString().slice(0, 10);
  return SourcingRequestSchema.superRefine((value, ctx) => {
    const unknown = value.hsCodes.filter((code) => !isKnownHsCode(code));
    if (unknown.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["hsCodes"], message: `validation:hsUnknown|codes=${unknown.map(formatHsCode).join(", ")}` });
    if (value.destinationCountry && !isCountryCode(value.destinationCountry)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["destinationCountry"], message: "validation:country" });
    }
    if (value.requiredCertifications.some((code) => !knownCertifications.has(code))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["requiredCertifications"], message: "validation:invalid" });
    }
    // A deadline already past may stay as it was, but is not set anew.
    if (value.deadline && value.deadline < today && value.deadline !== options.allowPastDeadline) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deadline"], message: "validation:deadlinePast" });
    }
  });
}

function dataOf(input: SourcingRequestInput, storedTitle: unknown) {
  const stored = asLocalizedText(storedTitle);
  const same = stored[input.titleLocale]?.text === input.title && Object.keys(stored).length === 1;
  return {
    // One language, the one the buyer wrote in; a new title replaces translations of the old one.
    title: (same ? stored : { [input.titleLocale]: { text: input.title, origin: "author" } }) as Prisma.InputJsonValue,
    keywords: input.keywords,
    hsCodes: input.hsCodes,
    quantity: input.quantity ?? null,
    unit: input.unit ?? null,
    targetPriceUsd: input.targetPriceUsd === undefined ? null : input.targetPriceUsd.toFixed(2),
    requiredCertifications: input.requiredCertifications,
    destinationCountry: input.destinationCountry ?? null,
    deadline: input.deadline ? new Date(`${input.deadline}T00:00:00Z`) : null,
    visibility: input.visibility,
  };
}

/** Values as diffFields compares them (Decimal and Date as text). */
function comparable(row: Partial<RequestRow> | ReturnType<typeof dataOf>) {
  const out: Record<string, unknown> = { ...row };
  if (row.targetPriceUsd !== undefined && row.targetPriceUsd !== null) out.targetPriceUsd = Number(row.targetPriceUsd).toFixed(2);
  if (row.deadline instanceof Date) out.deadline = row.deadline.toISOString().slice(0, 10);
  return out;
}

/** Firms read the buyer's words in their language: the title goes to the translation queue (when an engine is configured). */
async function translateRequestTitle(tx: Prisma.TransactionClient, requestId: string, input: SourcingRequestInput) {
  await requestTranslations(tx, { kind: "request.title", id: requestId, field: "title", language: readerLanguage(input.titleLocale) }, readerLanguages);
}

export async function createRequest(buyerCompanyId: string, input: SourcingRequestInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const data = dataOf(input, {});
    const created = await tx.sourcingRequest.create({ data: { ...data, buyerCompanyId, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      entityType: "request",
      entityId: created.id,
      action: "create",
      changes: diffFields({} as Record<string, unknown>, comparable(data), AUDITED),
    });
    await enqueueSearchSync(tx, "request", created.id);
    await translateRequestTitle(tx, created.id, input);
    return created;
  });
}

export async function updateRequest(requestId: string, input: SourcingRequestInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await loadOwnRequest(requestId, tx);
    const data = dataOf(input, before.title);
    const changes = diffFields(comparable(before), comparable(data), AUDITED);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.sourcingRequest.update({ where: { id: requestId }, data, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, entityType: "request", entityId: requestId, action: "update", changes });
    await enqueueSearchSync(tx, "request", requestId);
    if (changes.title) await translateRequestTitle(tx, requestId, input);
    return { changed: true };
  });
}

export async function setRequestStatus(requestId: string, status: "OPEN" | "CLOSED", actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await loadOwnRequest(requestId, tx);
    if (before.status === status) return { changed: false };
    await tx.sourcingRequest.update({ where: { id: requestId }, data: { status }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      entityType: "request",
      entityId: requestId,
      action: status === "CLOSED" ? "close" : "reopen",
      changes: { status: { from: before.status, to: status } },
    });
    await enqueueSearchSync(tx, "request", requestId);
    return { changed: true };
  });
}
