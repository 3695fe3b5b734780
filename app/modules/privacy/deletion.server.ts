import { prisma, type Prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { DomainError } from "~/utils/domain-error";
import { getEnv } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { unknownAccount } from "./export.server";
import { pseudonymFor } from "./pseudonym";

/** The platform must keep one admin: the last one can't delete their account (409). */
export const lastAdmin = () => new DomainError("lastAdmin", { status: 409, messageKey: "privacy:errors.lastAdmin" });

export interface DeletionActor {
  /** The person deleting their own account, a bureau user, or null (the CLI). */
  id: string | null;
  label?: string;
}

export interface DeletionReport {
  pseudonym: string;
  requestsDeleted: number;
  filesDeleted: number;
  /** The firm the account was the last member of: now held by the bureau. */
  heldFirmId: string | null;
  buyerCompanyDeleted: boolean;
}

interface FirmContact {
  email?: unknown;
}

/**
 * Deletes an account (PIPL art. 47, LGPD art. 18 VI, GDPR art. 17):
 * - its sessions, notices, preferences, queued mails and rate-limit rows go;
 * - its sourcing requests go (a buying company's last member: all of the
 *   company's, and the company itself when no conversation needs it), and
 *   leave the search index through the outbox;
 * - a firm's last member leaves the firm to the bureau: unpublished and out
 *   of the index (Firm.heldByBureauSince) until the bureau decides;
 * - messages stay for the other party, signed "deleted account"; the files
 *   the person sent leave storage;
 * - audit events keep a pseudonym instead of the account.
 * Deleting the last admin is refused.
 */
export async function deleteAccount(userId: string, actor: DeletionActor): Promise<DeletionReport> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, firmId: true, buyerCompanyId: true },
  });
  if (!user) throw unknownAccount();
  const pseudonym = pseudonymFor(user.id, getEnv().sessionSecret);
  const now = new Date();

  const result = await prisma.$transaction(async (tx) => {
    if (user.role === "ADMIN") {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", status: "ACTIVE", id: { not: user.id } } });
      if (otherAdmins === 0) throw lastAdmin();
    }

    // Sourcing requests: the person's own, and all of the company's when nobody else is left.
    let buyerCompanyDeleted = false;
    const companyLeft = user.buyerCompanyId ? (await tx.user.count({ where: { buyerCompanyId: user.buyerCompanyId, id: { not: user.id } } })) === 0 : false;
    const requests = await tx.sourcingRequest.findMany({
      where: { OR: [{ createdById: user.id }, ...(companyLeft && user.buyerCompanyId ? [{ buyerCompanyId: user.buyerCompanyId }] : [])] },
      select: { id: true },
    });
    const requestIds = requests.map((request) => request.id);
    if (requestIds.length) {
      await tx.sourcingRequest.deleteMany({ where: { id: { in: requestIds } } });
      await enqueueSearchSync(tx, "request", requestIds);
      // Their machine translations are copies of the buyer's words (issue 12).
      await tx.translation.deleteMany({ where: { sourceKind: "request.title", sourceId: { in: requestIds } } });
      await tx.translationJob.deleteMany({ where: { sourceKind: "request.title", sourceId: { in: requestIds } } });
    }
    if (companyLeft && user.buyerCompanyId && (await tx.inquiry.count({ where: { buyerCompanyId: user.buyerCompanyId } })) === 0) {
      await tx.user.update({ where: { id: user.id }, data: { buyerCompanyId: null } });
      await tx.buyerCompany.delete({ where: { id: user.buyerCompanyId } });
      buyerCompanyDeleted = true;
    }

    // A firm's last member: the bureau holds the firm, out of the index.
    let heldFirmId: string | null = null;
    if (user.firmId) {
      const firm = await tx.firm.findUniqueOrThrow({ where: { id: user.firmId }, select: { id: true, contacts: true, published: true } });
      const contacts = (Array.isArray(firm.contacts) ? firm.contacts : []) as FirmContact[];
      const kept = contacts.filter((contact) => typeof contact?.email !== "string" || contact.email.trim().toLowerCase() !== user.email);
      const firmLeft = (await tx.user.count({ where: { firmId: firm.id, id: { not: user.id } } })) === 0;
      if (firmLeft || kept.length !== contacts.length) {
        await tx.firm.update({
          where: { id: firm.id },
          data: {
            contacts: kept as unknown as Prisma.InputJsonValue,
            ...(firmLeft ? { heldByBureauSince: now, published: false } : {}),
          },
        });
        await enqueueSearchSync(tx, "firm", firm.id);
      }
      if (firmLeft) {
        heldFirmId = firm.id;
        const products = await tx.product.findMany({ where: { firmId: firm.id }, select: { id: true } });
        await enqueueSearchSync(tx, "product", products.map((product) => product.id));
        await recordAudit(tx, { actorId: null, actorLabel: pseudonym, entityType: "firm", entityId: firm.id, action: "held-by-bureau", changes: { published: { from: firm.published, to: false } } });
      }
    }

    // Messages stay, signed "deleted account"; the files the person sent go.
    const attachments = await tx.inquiryAttachment.findMany({ where: { message: { authorId: user.id } }, select: { id: true, storageKey: true } });
    if (attachments.length) await tx.inquiryAttachment.deleteMany({ where: { id: { in: attachments.map((attachment) => attachment.id) } } });
    await tx.inquiryMessage.updateMany({ where: { authorId: user.id }, data: { authorId: null, authorDeletedAt: now } });

    // References by id that are not foreign keys.
    await tx.delegationCall.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await tx.delegationApplication.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await tx.delegationApplication.updateMany({ where: { decidedById: user.id }, data: { decidedById: null } });
    await tx.meetingFollowUp.updateMany({ where: { answeredById: user.id }, data: { answeredById: null } });
    await tx.inquiryReport.updateMany({ where: { resolvedById: user.id }, data: { resolvedById: null } });
    await tx.firmBuyerBlock.updateMany({ where: { blockedById: user.id }, data: { blockedById: null } });
    await tx.searchSynonymGroup.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await tx.policyNotice.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await tx.firmPendingChange.updateMany({ where: { requestedById: user.id }, data: { requestedById: null } });
    await tx.mailOutbox.deleteMany({ where: { OR: [{ userId: user.id }, { toAddress: user.email }] } });
    await tx.translationMailHold.deleteMany({ where: { OR: [{ userId: user.id }, { toAddress: user.email }] } });
    await tx.rateLimitHit.deleteMany({ where: { key: { in: [user.email, user.id] } } });

    // The audit trail keeps what was done, under a pseudonym.
    await tx.auditEvent.updateMany({ where: { actorId: user.id }, data: { actorId: null, actorLabel: pseudonym } });
    await tx.auditEvent.updateMany({ where: { entityType: "user", entityId: user.id }, data: { entityId: pseudonym, changes: {} } });

    // Sessions, notices and preferences go with the row (ON DELETE CASCADE).
    await tx.user.delete({ where: { id: user.id } });
    const self = actor.id === user.id;
    await recordAudit(tx, {
      actorId: self ? null : actor.id,
      actorLabel: self ? pseudonym : actor.label,
      entityType: "user",
      entityId: pseudonym,
      action: "delete-account",
      changes: { role: user.role, requestsDeleted: requestIds.length, heldFirm: heldFirmId !== null, buyerCompanyDeleted },
    });
    return { requestIds, heldFirmId, buyerCompanyDeleted, attachmentKeys: attachments.map((attachment) => attachment.storageKey) };
  });

  // Storage is not transactional: files go once the rows that name them are gone.
  const store = attachmentStore();
  let filesDeleted = 0;
  for (const key of result.attachmentKeys) {
    try {
      await store.delete(key);
      filesDeleted++;
    } catch (error) {
      log.error("account deletion: a file could not be removed from storage", { error: String((error as Error)?.message ?? error) });
    }
  }
  return { pseudonym, requestsDeleted: result.requestIds.length, filesDeleted, heldFirmId: result.heldFirmId, buyerCompanyDeleted: result.buyerCompanyDeleted };
}

/**
 * A person deletes their own account from the account page, after typing
 * their password again: null when the password is wrong (nothing changes).
 */
export async function deleteOwnAccount(userId: string, password: string): Promise<DeletionReport | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw unknownAccount();
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return deleteAccount(userId, { id: userId });
}

/** Whether the person is their firm's only member (deleting the account hands the firm to the bureau). */
export async function isLastFirmMember(user: { id: string; firmId: string | null }): Promise<boolean> {
  if (!user.firmId) return false;
  return (await prisma.user.count({ where: { firmId: user.firmId, id: { not: user.id } } })) === 0;
}
