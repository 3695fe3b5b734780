import { certificationCodes } from "~/modules/reference/certifications.server";
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import type { AuthUser } from "~/modules/access/user.server";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { isCountryCode } from "~/modules/reference/countries.server";
import { isKnownHsCode } from "~/modules/hs/nomenclature.server";
import { BuyerProfileSchema, type BuyerProfileInput } from "./buyer.schema";

/**
 * Buyer company profiles. Edited by the company's own buyers (and bureau
 * staff); every change is audited, and the company's requests are sent to
 * search again, since their documents carry the buyer's country and type.
 */
type Actor = Pick<AuthUser, "id" | "role" | "buyerCompanyId">;

const profileSelect = {
  id: true,
  name: true,
  country: true,
  buyerType: true,
  languages: true,
  interests: true,
  volumeBand: true,
  requiredCertifications: true,
  incoterms: true,
  website: true,
} as const;

/** The profile of a company the caller was checked to act for (requireBuyerCompany). */
export async function getBuyerProfile(buyerCompanyId: string) {
  return prisma.buyerCompany.findUniqueOrThrow({ where: { id: buyerCompanyId }, select: profileSelect });
}

/** The form schema plus the checks that need reference data (server only). */
export async function buyerProfileServerSchema() {
  const knownCertifications = await certificationCodes();
  return BuyerProfileSchema.superRefine((value, ctx) => {
    if (!isCountryCode(value.country)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["country"], message: "validation:country" });
    const unknown = value.interests.filter((code) => !isKnownHsCode(code));
    if (unknown.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["interests"], message: `validation:hsUnknown|codes=${unknown.join(", ")}` });
    if (value.requiredCertifications.some((code) => !knownCertifications.has(code))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["requiredCertifications"], message: "validation:invalid" });
    }
  });
}

export async function updateBuyerProfile(buyerCompanyId: string, input: BuyerProfileInput, actor: Actor) {
  const after = {
    name: input.name,
    country: input.country,
    buyerType: input.buyerType,
    languages: input.languages,
    interests: input.interests,
    volumeBand: input.volumeBand ?? null,
    requiredCertifications: input.requiredCertifications,
    incoterms: input.incoterms,
    website: input.website ?? null,
  };
  return prisma.$transaction(async (tx) => {
    const before = await tx.buyerCompany.findUniqueOrThrow({ where: { id: buyerCompanyId }, select: profileSelect });
    const changes = diffFields(before, after, Object.keys(after) as (keyof typeof after)[]);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.buyerCompany.update({ where: { id: buyerCompanyId }, data: after, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, entityType: "buyerCompany", entityId: buyerCompanyId, action: "update", changes });
    const requests = await tx.sourcingRequest.findMany({ where: { buyerCompanyId }, select: { id: true } });
    await enqueueSearchSync(tx, "request", requests.map((request) => request.id));
    return { changed: true };
  });
}
