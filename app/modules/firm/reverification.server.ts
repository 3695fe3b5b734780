import { DomainError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notification/notification.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { asLocalizedText, textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { asPendingValues, blankedLegalNames, type IdentityValues, type PendingValues } from "./reverification";
import { normalizeUscc } from "./uscc";

type Tx = Prisma.TransactionClient;

export type ReverificationDecision = { intent: "approve" } | { intent: "reject"; reason: string };

const pendingSelect = { name: true, uscc: true, townId: true, fields: true, createdAt: true } satisfies Prisma.FirmPendingChangeSelect;

export async function pendingChangeOf(db: Tx | typeof prisma, firmId: string): Promise<(PendingValues & { createdAt: Date }) | null> {
  const row = await db.firmPendingChange.findUnique({ where: { firmId }, select: pendingSelect });
  const values = asPendingValues(row);
  return values && row ? { ...values, createdAt: row.createdAt } : null;
}

/**
 * What the profile form's name and credit code may not be: a legal name
 * left blank, another firm's credit code. Conform field
 * errors (empty when all is well).
 */
export async function identityErrors(firmId: string, value: { nameZh?: string; nameEn?: string; uscc?: string }): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const firm = await prisma.firm.findUnique({ where: { id: firmId }, select: { name: true, uscc: true } });
  if (!firm) return errors;
  const submitted = asLocalizedText({ "zh-CN": { text: value.nameZh ?? "" }, en: { text: value.nameEn ?? "" } });
  for (const locale of blankedLegalNames(asLocalizedText(firm.name), submitted)) {
    errors[locale === "en" ? "nameEn" : "nameZh"] = ["verification:errors.legalNameBlank"];
  }
  // A blank code keeps the stored one (a form without the field sends none).
  const uscc = value.uscc ? normalizeUscc(value.uscc) : "";
  if (uscc && uscc !== firm.uscc && (await prisma.firm.count({ where: { uscc, id: { not: firmId } } })) > 0) errors.uscc = ["verification:errors.usccTaken"];
  return errors;
}

/**
 * Keeps (or drops) a verified firm's pending change inside the profile's
 * transaction, audited; the firm row and the index keep the verified values.
 */
export async function savePendingChange(tx: Tx, firmId: string, actorId: string, stored: IdentityValues, pending: PendingValues | null, dropPending: boolean) {
  const existing = await pendingChangeOf(tx, firmId);
  if (!pending) {
    if (!existing || !dropPending) return;
    await tx.firmPendingChange.delete({ where: { firmId } });
    await recordAudit(tx, { actorId, entityType: "firm", entityId: firmId, action: "withdraw-reverification", changes: {} });
    return;
  }
  if (existing && sameValues(existing, pending)) return;
  // Replaced whole: a field no longer changed must not keep its old pending value.
  if (existing) await tx.firmPendingChange.delete({ where: { firmId } });
  await tx.firmPendingChange.create({
    data: {
      firmId,
      ...(pending.name ? { name: pending.name as Prisma.InputJsonValue } : {}),
      uscc: pending.uscc,
      townId: pending.townId,
      fields: pending.fields,
      requestedById: actorId,
    },
    select: { id: true },
  });
  await recordAudit(tx, { actorId, entityType: "firm", entityId: firmId, action: "request-reverification", changes: changesOf(stored, pending) });
}

function sameValues(a: PendingValues, b: PendingValues) {
  return JSON.stringify([a.fields, a.uscc, a.townId, a.name]) === JSON.stringify([b.fields, b.uscc, b.townId, b.name]);
}

function changesOf(stored: IdentityValues, pending: PendingValues) {
  return Object.fromEntries(pending.fields.map((field) => [field, { from: stored[field], to: pending[field] }]));
}

/** The firms whose change waits for re-verification, oldest first. */
export async function listPendingChanges(options: { page: number; pageSize: number; locale: Locale }) {
  const fallbacks = textFallbacks[options.locale];
  const [total, rows] = await Promise.all([
    prisma.firmPendingChange.count(),
    prisma.firmPendingChange.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: { firmId: true, fields: true, createdAt: true, firm: { select: { name: true } } },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / options.pageSize)),
    changes: rows.map((row) => ({ firmId: row.firmId, name: textIn(row.firm.name, options.locale, fallbacks), fields: row.fields, createdAt: row.createdAt.toISOString() })),
  };
}

/** The old and new values side by side, for the bureau. Null when nothing waits. */
export async function getPendingChangeForReview(firmId: string, locale: Locale) {
  const firm = await prisma.firm.findUnique({ where: { id: firmId }, select: { id: true, name: true, uscc: true, townId: true, verification: true } });
  if (!firm) return null;
  const pending = await pendingChangeOf(prisma, firmId);
  const rows: { field: string; before: string | null; after: string | null }[] = [];
  if (!pending) return { firm: { id: firm.id, name: textIn(firm.name, locale, textFallbacks[locale]), verification: firm.verification }, rows, since: null };
  const townIds = [firm.townId, pending.townId].filter((id): id is string => !!id);
  const towns = new Map((await prisma.town.findMany({ where: { id: { in: townIds } }, select: { id: true, name: true } })).map((town) => [town.id, town.name]));
  const townName = (id: string | null) => (id ? textIn(towns.get(id), locale, textFallbacks[locale]) || id : null);
  if (pending.fields.includes("name") && pending.name) {
    const before = asLocalizedText(firm.name);
    for (const lang of [...new Set([...Object.keys(before), ...Object.keys(pending.name)])]) {
      rows.push({ field: `name.${lang}`, before: before[lang]?.text ?? null, after: pending.name[lang]?.text ?? null });
    }
  }
  if (pending.fields.includes("uscc")) rows.push({ field: "uscc", before: firm.uscc, after: pending.uscc });
  if (pending.fields.includes("townId")) rows.push({ field: "townId", before: townName(firm.townId), after: townName(pending.townId) });
  return {
    firm: { id: firm.id, name: textIn(firm.name, locale, textFallbacks[locale]), verification: firm.verification },
    rows,
    since: pending.createdAt.toISOString(),
  };
}

/**
 * The bureau's decision: approve makes the new values the firm's (and public,
 * through the outbox); reject drops them. Either way the firm's members are
 * told in their language. Throws a DomainError when nothing waits any more
 * or the new values can no longer be taken.
 */
export async function decideReverification(firmId: string, decision: ReverificationDecision, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const firm = await tx.firm.findUnique({
      where: { id: firmId },
      select: { id: true, name: true, uscc: true, townId: true, members: { where: { status: "ACTIVE" }, select: { id: true, email: true, locale: true } } },
    });
    const pending = firm ? await pendingChangeOf(tx, firmId) : null;
    if (!firm || !pending) throw new DomainError("staleDecision", { status: 409, messageKey: "verification:errors.stale" });
    const stored: IdentityValues = { name: asLocalizedText(firm.name), uscc: firm.uscc, townId: firm.townId };
    await tx.firmPendingChange.delete({ where: { firmId } });
    if (decision.intent === "approve") {
      if (pending.fields.includes("uscc") && pending.uscc && (await tx.firm.count({ where: { uscc: pending.uscc, id: { not: firmId } } })) > 0) {
        throw new DomainError("usccTaken", { status: 409, messageKey: "verification:errors.usccTaken" });
      }
      if (pending.fields.includes("townId") && pending.townId && (await tx.town.count({ where: { id: pending.townId } })) === 0) {
        throw new DomainError("townGone", { status: 409, messageKey: "verification:errors.townGone" });
      }
      await tx.firm.update({
        where: { id: firmId },
        data: {
          ...(pending.fields.includes("name") && pending.name ? { name: pending.name as Prisma.InputJsonValue } : {}),
          ...(pending.fields.includes("uscc") ? { uscc: pending.uscc } : {}),
          ...(pending.fields.includes("townId") ? { townId: pending.townId } : {}),
          verifiedAt: new Date(),
        },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.id, entityType: "firm", entityId: firmId, action: "approve-reverification", changes: changesOf(stored, pending) });
      // The name and town are in the firm's document and in each product's.
      await enqueueSearchSync(tx, "firm", firmId);
      const products = await tx.product.findMany({ where: { firmId }, select: { id: true } });
      await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    } else {
      await recordAudit(tx, { actorId: actor.id, entityType: "firm", entityId: firmId, action: "reject-reverification", changes: { ...changesOf(stored, pending), reason: decision.reason } });
    }
    const name = decision.intent === "approve" && pending.name ? pending.name : firm.name;
    await notify(tx, {
      recipients: firm.members,
      kind: decision.intent === "approve" ? "verification.approved" : "verification.rejected",
      params: { firmName: name, path: `/catalog/firms/${firmId}`, ...(decision.intent === "reject" ? { reason: decision.reason } : {}) },
      link: (locale) => `/${locale}/catalog/firms/${firmId}`,
    });
    return { intent: decision.intent };
  });
}
