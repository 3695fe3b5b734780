import type { Locale } from "~/i18n/config";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { asLocalizedText, mergeAuthored } from "~/modules/i18n-text/localized-text";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { deleteStoredImage, processImage, storeImage, type ImageProblem } from "~/modules/media/images.server";
import { certificationCodes } from "~/modules/reference/certifications.server";
import { isCountryCode } from "~/modules/reference/countries.server";
import { isLanguageCode } from "~/modules/reference/languages.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { completenessSelect, firmCompleteness } from "./completeness";
import { authoredLocales, localeFieldSuffix } from "./firm-vocabulary";
import type { FirmProfileInput } from "./profile.schema";
import { identityShown, routeIdentityChange, type IdentityValues } from "./reverification";
import { pendingChangeOf, savePendingChange } from "./reverification.server";
import { requestLocalizedTranslations } from "~/modules/translation/localized.server";

/** Everything the profile editor shows and changes. */
const editSelect = {
  id: true,
  slug: true,
  uscc: true,
  ...completenessSelect,
  verification: true,
  verificationReason: true,
  published: true,
  updatedAt: true,
} satisfies Prisma.FirmSelect;

export interface FirmCertification {
  code: string;
  validFrom?: string;
  validUntil?: string;
}

export interface FirmContact {
  name: string;
  title?: string;
  email?: string;
  phone?: string;
}

/** Stored JSON lists read defensively: anything malformed is left out. */
export function asCertifications(value: unknown): FirmCertification[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is Record<string, unknown> => !!row && typeof row === "object" && typeof (row as { code?: unknown }).code === "string")
    .map((row) => ({
      code: row.code as string,
      ...(typeof row.validFrom === "string" ? { validFrom: row.validFrom } : {}),
      ...(typeof row.validUntil === "string" ? { validUntil: row.validUntil } : {}),
    }));
}

export function asContacts(value: unknown): FirmContact[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is Record<string, unknown> => !!row && typeof row === "object" && typeof (row as { name?: unknown }).name === "string")
    .map((row) => {
      const contact: FirmContact = { name: row.name as string };
      for (const key of ["title", "email", "phone"] as const) if (typeof row[key] === "string" && row[key]) contact[key] = row[key] as string;
      return contact;
    });
}

export async function firmExists(firmId: string): Promise<boolean> {
  return (await prisma.firm.count({ where: { id: firmId } })) > 0;
}

export async function getFirmForEdit(firmId: string, locale: Locale) {
  const firm = await prisma.firm.findUnique({ where: { id: firmId }, select: editSelect });
  if (!firm) return null;
  // The editor shows a change waiting for re-verification; the public keeps the verified values.
  const pending = await pendingChangeOf(prisma, firmId);
  const shown = identityShown({ name: asLocalizedText(firm.name), uscc: firm.uscc, townId: firm.townId }, pending, "firm");
  const name = shown.name;
  const description = asLocalizedText(firm.description);
  const address = asLocalizedText(firm.address);
  const text = (value: typeof name, locale: (typeof authoredLocales)[number]) => value[locale]?.text ?? "";
  const defaults: Record<string, unknown> = {
    townId: shown.townId ?? "",
    uscc: shown.uscc ?? "",
    clusterId: firm.clusterId ?? "",
    foundedYear: firm.foundedYear === null ? "" : String(firm.foundedYear),
    employeesBand: firm.employeesBand ?? "",
    businessTypes: firm.businessTypes,
    exportMarkets: firm.exportMarkets,
    languages: firm.languages,
    salesChannels: firm.salesChannels,
    certifications: asCertifications(firm.certifications),
    contacts: asContacts(firm.contacts),
    website: firm.website ?? "",
    email: firm.email ?? "",
    phone: firm.phone ?? "",
  };
  for (const authored of authoredLocales) {
    const suffix = localeFieldSuffix[authored];
    defaults[`name${suffix}`] = text(name, authored);
    defaults[`description${suffix}`] = text(description, authored);
    defaults[`address${suffix}`] = text(address, authored);
  }
  // Where each stored text came from, so the form can mark machine translations.
  const origins = Object.fromEntries(
    (["name", "description", "address"] as const).flatMap((field) => {
      const value = { name, description, address }[field];
      return authoredLocales.map((authored) => [`${field}${localeFieldSuffix[authored]}`, value[authored]?.origin ?? null]);
    }),
  );
  return {
    id: firm.id,
    slug: firm.slug,
    uscc: firm.uscc,
    displayName: displayTextIn(firm.name, locale),
    pendingChange: pending ? { fields: pending.fields, since: pending.createdAt.toISOString() } : null,
    verification: firm.verification,
    verificationReason: firm.verificationReason,
    published: firm.published,
    isPublic: firm.verification === "VERIFIED" && firm.published,
    logoKey: firm.logoKey,
    updatedAt: firm.updatedAt.toISOString(),
    defaults,
    origins,
    completeness: firmCompleteness(firm),
  };
}

/**
 * Codes in a submitted profile that only the server can check. Returns
 * Conform field errors (empty when all is well).
 */
export async function profileReferenceErrors(value: FirmProfileInput): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const [town, cluster, certifications] = await Promise.all([
    value.townId ? prisma.town.findUnique({ where: { id: value.townId }, select: { id: true } }) : null,
    value.clusterId ? prisma.cluster.findUnique({ where: { id: value.clusterId }, select: { id: true } }) : null,
    certificationCodes(),
  ]);
  if (value.townId && !town) errors.townId = ["validation:invalid"];
  if (value.clusterId && !cluster) errors.clusterId = ["validation:invalid"];
  if (value.exportMarkets.some((code) => !isCountryCode(code))) errors.exportMarkets = ["validation:country"];
  if (value.languages.some((code) => !isLanguageCode(code))) errors.languages = ["catalog:errors.language"];
  value.certifications.forEach((row, index) => {
    if (!certifications.has(row.code)) errors[`certifications[${index}].code`] = ["validation:invalid"];
  });
  return errors;
}

const auditedFields = [
  "name",
  "uscc",
  "description",
  "address",
  "townId",
  "clusterId",
  "foundedYear",
  "employeesBand",
  "businessTypes",
  "exportMarkets",
  "languages",
  "salesChannels",
  "certifications",
  "contacts",
  "website",
  "email",
  "phone",
] as const;

export interface Actor {
  userId: string;
  asBureau: boolean;
}

/** Saves the profile; audit and search outbox in the same transaction. Returns the changed fields. */
export async function updateFirmProfile(firmId: string, actor: Actor, value: FirmProfileInput): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: firmId }, select: editSelect });
    // Name, credit code and town of a verified firm wait for the bureau (issue 14).
    const stored: IdentityValues = { name: asLocalizedText(before.name), uscc: before.uscc, townId: before.townId };
    const routed = routeIdentityChange({
      verified: before.verification === "VERIFIED",
      byBureau: actor.asBureau,
      stored,
      submitted: { name: mergeAuthored(before.name, { "zh-CN": value.nameZh, en: value.nameEn, pt: value.namePt }), uscc: value.uscc || before.uscc, townId: value.townId || null },
    });
    await savePendingChange(tx, firmId, actor.userId, stored, routed.pending ?? null, routed.dropPending);
    const after = {
      name: routed.apply.name ?? stored.name,
      uscc: "uscc" in routed.apply ? (routed.apply.uscc ?? null) : before.uscc,
      description: mergeAuthored(before.description, { "zh-CN": value.descriptionZh, en: value.descriptionEn, pt: value.descriptionPt }),
      address: emptyAsNull(before.address, mergeAuthored(before.address, { "zh-CN": value.addressZh, en: value.addressEn, pt: value.addressPt })),
      townId: "townId" in routed.apply ? (routed.apply.townId ?? null) : before.townId,
      clusterId: value.clusterId || null,
      foundedYear: value.foundedYear ?? null,
      employeesBand: value.employeesBand ?? null,
      businessTypes: [...new Set(value.businessTypes)],
      exportMarkets: [...new Set(value.exportMarkets)].sort(),
      languages: [...new Set(value.languages)],
      salesChannels: [...new Set(value.salesChannels)],
      certifications: value.certifications.map((row) => asCertifications([row])[0]),
      contacts: asContacts(value.contacts),
      website: value.website || null,
      email: value.email?.toLowerCase() || null,
      phone: value.phone || null,
    };
    // PostgreSQL's jsonb reorders object keys: compare the stored lists in the form's shape.
    const comparable = {
      ...before,
      name: asLocalizedText(before.name),
      description: asLocalizedText(before.description),
      address: before.address === null ? null : asLocalizedText(before.address),
      certifications: asCertifications(before.certifications),
      contacts: asContacts(before.contacts),
    };
    const changes = diffFields(comparable as Record<string, unknown>, after, auditedFields);
    const changed = Object.keys(changes);
    if (changed.length === 0) return [];
    const { address, ...rest } = after;
    await tx.firm.update({
      where: { id: firmId },
      data: {
        ...rest,
        // A firm that never had an address keeps the column null.
        ...(address ? { address: address as Prisma.InputJsonValue } : {}),
        name: after.name as Prisma.InputJsonValue,
        description: after.description as Prisma.InputJsonValue,
        certifications: after.certifications as unknown as Prisma.InputJsonValue,
        contacts: after.contacts as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "firm", entityId: firmId, action: actor.asBureau ? "update-profile-by-bureau" : "update-profile", changes });
    await enqueueSearchSync(tx, "firm", firmId);
    await requestLocalizedTranslations(tx, { kind: "firm.description", id: firmId, field: "description" }, after.description, before.description);
    return changed;
  });
}

function emptyAsNull(before: unknown, merged: ReturnType<typeof mergeAuthored>) {
  return Object.keys(merged).length === 0 && (before === null || before === undefined) ? null : merged;
}

export type LogoResult = { ok: true } | { ok: false; problem: ImageProblem };

/** Replaces the firm's logo (re-encoded, metadata dropped); the old files are deleted after the commit. */
export async function setFirmLogo(firmId: string, actor: Actor, bytes: Uint8Array): Promise<LogoResult> {
  const processed = await processImage(bytes, { full: 512, thumb: 160 });
  if (!processed.ok) return processed;
  const stored = await storeImage(`firms/${firmId.toLowerCase()}`, processed.image);
  const previous = await prisma.$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: firmId }, select: { logoKey: true } });
    await tx.firm.update({ where: { id: firmId }, data: { logoKey: stored.key } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "firm", entityId: firmId, action: "update-logo", changes: { logoKey: { from: before.logoKey, to: stored.key } } });
    await enqueueSearchSync(tx, "firm", firmId);
    return before.logoKey;
  });
  if (previous) await deleteStoredImage({ key: previous, thumbKey: thumbKeyOf(previous) }).catch(() => undefined);
  return { ok: true };
}

/** The thumbnail stored next to an image: "a/b.webp" → "a/b-thumb.webp". */
export function thumbKeyOf(key: string): string {
  return key.replace(/\.webp$/, "-thumb.webp");
}
