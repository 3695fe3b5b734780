import { DomainError } from "~/utils/domain-error";
import { prisma } from "~/utils/db.server";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { resolveText, textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";
import { usccProblem } from "./uscc";
import { allowedDecisions, type VerificationDecision, type VerificationStatus } from "./verification.schema";

/**
 * Verification of firms by the bureau. Only a verified, published firm and
 * its products are public; every decision is audited and sent to search
 * (the firm and all its products, whose visibility follows the firm's).
 */
export const VERIFICATION_PAGE_SIZE = 50;

export async function listFirmsForVerification(options: { status: VerificationStatus; page: number; locale: Locale }) {
  const where = { verification: options.status };
  const [total, firms] = await Promise.all([
    prisma.firm.count({ where }),
    prisma.firm.findMany({
      where,
      orderBy: [{ createdAt: options.status === "PENDING" ? "asc" : "desc" }, { id: "asc" }],
      skip: (options.page - 1) * VERIFICATION_PAGE_SIZE,
      take: VERIFICATION_PAGE_SIZE,
      select: { id: true, name: true, uscc: true, createdAt: true, heldByBureauSince: true, town: { select: { name: true } }, _count: { select: { products: true } } },
    }),
  ]);
  const fallbacks = textFallbacks[options.locale];
  return {
    total,
    pages: Math.max(1, Math.ceil(total / VERIFICATION_PAGE_SIZE)),
    firms: firms.map((firm) => ({
      id: firm.id,
      name: textIn(firm.name, options.locale, fallbacks),
      // The language the name is shown in when it is not the page's (a Chinese name on the English page).
      nameLang: otherLanguage(resolveText(firm.name, options.locale, fallbacks)?.locale, options.locale),
      uscc: firm.uscc,
      usccProblem: firm.uscc ? usccProblem(firm.uscc) : null,
      town: firm.town ? textIn(firm.town.name, options.locale, fallbacks) : null,
      products: firm._count.products,
      createdAt: firm.createdAt.toISOString(),
      // Its last member deleted their account: the bureau holds it (issue 14).
      heldByBureauSince: firm.heldByBureauSince?.toISOString() ?? null,
    })),
  };
}

export async function getFirmForVerification(firmId: string, locale: Locale) {
  const firm = await prisma.firm.findUnique({
    where: { id: firmId },
    select: {
      id: true,
      slug: true,
      externalId: true,
      name: true,
      uscc: true,
      verification: true,
      verificationReason: true,
      verifiedAt: true,
      published: true,
      website: true,
      email: true,
      phone: true,
      createdAt: true,
      town: { select: { name: true } },
      cluster: { select: { name: true } },
      members: { select: { displayName: true, email: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { products: true } },
      heldByBureauSince: true,
      closedAt: true,
      pendingChange: { select: { id: true } },
    },
  });
  if (!firm) return null;
  const fallbacks = textFallbacks[locale];
  return {
    id: firm.id,
    slug: firm.slug,
    externalId: firm.externalId,
    name: textIn(firm.name, locale, fallbacks),
    names: Object.entries(firm.name as Record<string, { text?: string }>)
      .filter(([, entry]) => entry?.text)
      .map(([lang, entry]) => ({ lang, text: entry.text! })),
    uscc: firm.uscc,
    usccProblem: firm.uscc ? usccProblem(firm.uscc) : null,
    verification: firm.verification,
    verificationReason: firm.verificationReason,
    verifiedAt: firm.verifiedAt?.toISOString() ?? null,
    published: firm.published,
    website: firm.website,
    email: firm.email,
    phone: firm.phone,
    createdAt: firm.createdAt.toISOString(),
    town: firm.town ? textIn(firm.town.name, locale, fallbacks) : null,
    cluster: firm.cluster ? textIn(firm.cluster.name, locale, fallbacks) : null,
    members: firm.members,
    products: firm._count.products,
    allowed: allowedDecisions[firm.verification],
    // Issue 14: a change waiting for re-verification; a firm the bureau holds (or closed).
    hasPendingChange: firm.pendingChange !== null,
    held: firm.heldByBureauSince !== null || firm.closedAt !== null,
  };
}

/** Applies a decision; throws a DomainError ("staleDecision", 409) when it does not fit the firm's current status. */
export async function decideVerification(firmId: string, decision: VerificationDecision, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({
      where: { id: firmId },
      select: { verification: true, verificationReason: true, verifiedAt: true, published: true },
    });
    if (!allowedDecisions[before.verification].includes(decision.intent)) throw new DomainError("staleDecision", { status: 409, messageKey: "audit:review.stale" });
    const after =
      decision.intent === "verify"
        ? { verification: "VERIFIED" as const, verificationReason: null, verifiedAt: new Date(), published: true }
        : decision.intent === "reject"
          ? { verification: "REJECTED" as const, verificationReason: decision.reason, verifiedAt: null, published: false }
          : { verification: "PENDING" as const, verificationReason: decision.reason, verifiedAt: null, published: false };
    await tx.firm.update({ where: { id: firmId }, data: after, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      entityType: "firm",
      entityId: firmId,
      action: decision.intent,
      changes: diffFields(before, after, ["verification", "verificationReason", "verifiedAt", "published"]),
    });
    // Public visibility of the firm and of each of its products changed.
    await enqueueSearchSync(tx, "firm", firmId);
    const products = await tx.product.findMany({ where: { firmId }, select: { id: true } });
    await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    return after;
  });
}

/** `shown` when it differs from the page's locale, for a `lang` attribute; else undefined. */
function otherLanguage(shown: string | undefined, page: Locale): string | undefined {
  return shown && shown !== page ? shown : undefined;
}
