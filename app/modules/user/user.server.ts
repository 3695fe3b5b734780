import type { z } from "zod";
import type { Locale } from "~/i18n/config";
import { DomainError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import { endAllSessions } from "~/utils/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { authored } from "~/modules/i18n-text/localized-text";
import { randomSuffix, slugify } from "~/utils/slug";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { PRIVACY_NOTICE_VERSION } from "~/modules/privacy/notice";
import type { ChangePasswordSchema, CreateStaffSchema, RegisterSchema } from "./user.schema";

export type RegisterInput = z.infer<typeof RegisterSchema>;

/** Another account already uses this e-mail address (409, on the email field). */
export const emailTaken = () => new DomainError("emailTaken", { status: 409, messageKey: "validation:emailTaken", field: "email" });

/** Another firm already has this unified social credit code (409, on the uscc field). */
export const usccTaken = () => new DomainError("usccTaken", { status: 409, messageKey: "validation:usccTaken", field: "uscc" });

function isUniqueViolation(error: unknown, field: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== "P2002") return false;
  const fields = [
    ...(Array.isArray(e.meta?.target) ? (e.meta.target as string[]) : []),
    ...(e.meta?.driverAdapterError?.cause?.constraint?.fields ?? []),
  ].map((f) => f.replace(/"/g, ""));
  return fields.includes(field);
}

/**
 * Self-registration of an exporting firm (with its company, pending
 * verification) or a buyer (with its buying company). Never a staff role.
 */
export async function registerAccount(input: RegisterInput, locale: string) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      let firmId: string | null = null;
      let buyerCompanyId: string | null = null;
      if (input.accountType === "firm") {
        // A firm writes its name in the language of the page it registered on.
        const firm = await tx.firm.create({
          data: {
            slug: `${slugify(input.companyName) || "firm"}-${randomSuffix()}`,
            uscc: input.uscc,
            name: authored({ [locale]: input.companyName }) as Prisma.InputJsonValue,
            description: {},
            townId: input.townId || null,
          },
          select: { id: true },
        });
        firmId = firm.id;
        await enqueueSearchSync(tx, "firm", firm.id);
      } else {
        const company = await tx.buyerCompany.create({
          data: { name: input.companyName, country: input.country },
          select: { id: true },
        });
        buyerCompanyId = company.id;
      }
      const user = await tx.user.create({
        data: {
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          role: input.accountType === "firm" ? "FIRM_MEMBER" : "BUYER",
          locale,
          firmId,
          buyerCompanyId,
          privacyConsentVersion: PRIVACY_NOTICE_VERSION,
          privacyConsentAt: new Date(),
        },
        select: { id: true, role: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        entityType: "user",
        entityId: user.id,
        action: "register",
        changes: { role: user.role, firmId, buyerCompanyId, privacyConsentVersion: PRIVACY_NOTICE_VERSION },
      });
      if (firmId) {
        await recordAudit(tx, { actorId: user.id, entityType: "firm", entityId: firmId, action: "create", changes: { uscc: input.accountType === "firm" ? input.uscc : null } });
      }
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw emailTaken();
    if (isUniqueViolation(error, "uscc")) throw usccTaken();
    throw error;
  }
}

/** The user for an e-mail and password, or null. Same time either way. */
export async function authenticate(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, status: true, role: true, locale: true },
  });
  if (!user) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.status !== "ACTIVE") return null;
  return { id: user.id, role: user.role, locale: user.locale };
}

export async function changePassword(userId: string, input: z.infer<typeof ChangePasswordSchema>) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false as const };
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAudit(tx, { actorId: userId, entityType: "user", entityId: userId, action: "change-password" });
  });
  // Every session of this user ends, the current one included; the caller
  // starts a fresh one for this browser.
  await endAllSessions(userId);
  return { ok: true as const };
}

/** Bureau staff and admins are made by an admin (or the CLI), never by sign-up. */
export async function createStaffAccount(
  input: z.infer<typeof CreateStaffSchema>,
  actor: { id: string | null; label?: string },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, passwordHash, role: input.role },
        select: { id: true, email: true, role: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        actorLabel: actor.label,
        entityType: "user",
        entityId: user.id,
        action: "create-staff",
        changes: { role: input.role, email: input.email },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw emailTaken();
    throw error;
  }
}

/**
 * A signed-in user viewing a page in a language (the switcher links to
 * `/<lang>/...`) has chosen it: their notices and e-mails use it from now on,
 * not the language they registered in. Written only when it changes.
 */
export async function followChosenLocale(user: { id: string; locale: string }, chosen: Locale | undefined) {
  if (chosen && chosen !== user.locale) await prisma.user.updateMany({ where: { id: user.id }, data: { locale: chosen } });
}

export async function listStaff() {
  return prisma.user.findMany({
    where: { role: { in: ["BUREAU_STAFF", "ADMIN"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, displayName: true, role: true, status: true, createdAt: true },
  });
}
