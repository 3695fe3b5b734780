import { DomainError } from "~/utils/domain-error";
import { prisma, type Prisma } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { deleteStoredImage, type StoredImage } from "~/modules/media/images.server";
import { notify } from "~/modules/notification/notification.server";
import { asImages } from "~/modules/product/product.server";
import { thumbKeyOf } from "~/modules/firm/profile.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { textFallbacks, type Locale } from "~/i18n/config";

/**
 * The bureau's decision on a firm it holds since its last member deleted
 * their account (issue 14, item 6): give the firm to another member, who can
 * run it again (it is public again if it was verified), or close it: its
 * products leave the index and the site, its images leave storage, the firm
 * row stays, unpublished, for the records (inquiries, delegations, audit).
 */
export interface HeldFirmActor {
  id: string | null;
  label?: string;
}

export async function getHeldFirm(firmId: string, locale: Locale) {
  const firm = await prisma.firm.findUnique({
    where: { id: firmId },
    select: { id: true, name: true, verification: true, heldByBureauSince: true, closedAt: true, _count: { select: { products: true, members: true } } },
  });
  if (!firm) return null;
  return {
    id: firm.id,
    name: textIn(firm.name, locale, textFallbacks[locale]),
    verification: firm.verification,
    heldByBureauSince: firm.heldByBureauSince?.toISOString() ?? null,
    closedAt: firm.closedAt?.toISOString() ?? null,
    products: firm._count.products,
    members: firm._count.members,
    decidable: firm.heldByBureauSince !== null && firm.closedAt === null,
  };
}

type Tx = Prisma.TransactionClient;

async function heldOrThrow(tx: Tx, firmId: string) {
  const firm = await tx.firm.findUnique({ where: { id: firmId }, select: { id: true, name: true, verification: true, published: true, logoKey: true, heldByBureauSince: true, closedAt: true } });
  if (!firm || !firm.heldByBureauSince || firm.closedAt) throw new DomainError("notHeld", { status: 409, messageKey: "verification:errors.notHeld" });
  return firm;
}

/**
 * Gives the held firm to an existing firm account that has no firm, or only
 * the empty one its registration created (then deleted); the firm leaves the
 * bureau's hold.
 */
export async function assignHeldFirm(firmId: string, email: string, actor: HeldFirmActor) {
  return prisma.$transaction(async (tx) => {
    const firm = await heldOrThrow(tx, firmId);
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, locale: true, role: true, status: true, firmId: true } });
    if (!user || user.status !== "ACTIVE") throw new DomainError("memberUnknown", { status: 422, messageKey: "verification:errors.memberUnknown", field: "email" });
    if (user.role !== "FIRM_MEMBER") throw new DomainError("memberNotFirm", { status: 422, messageKey: "verification:errors.memberNotFirm", field: "email" });
    // Registering as a firm creates one: an empty registration (its only member, nothing in it, not verified) gives way.
    const emptyRegistration = user.firmId ? await isEmptyRegistration(tx, user.firmId) : false;
    if (user.firmId && !emptyRegistration) throw new DomainError("memberHasFirm", { status: 422, messageKey: "verification:errors.memberHasFirm", field: "email" });
    const published = firm.verification === "VERIFIED";
    await tx.user.update({ where: { id: user.id }, data: { firmId }, select: { id: true } });
    if (user.firmId && emptyRegistration) {
      await tx.firm.delete({ where: { id: user.firmId }, select: { id: true } });
      await recordAudit(tx, { actorId: actor.id, actorLabel: actor.label, entityType: "firm", entityId: user.firmId, action: "delete-empty-firm", changes: { member: user.id, heldFirm: firmId } });
      await enqueueSearchSync(tx, "firm", user.firmId);
    }
    await tx.firm.update({ where: { id: firmId }, data: { heldByBureauSince: null, published }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      entityType: "firm",
      entityId: firmId,
      action: "assign-held-firm",
      changes: { member: { from: null, to: user.id }, heldByBureauSince: { from: firm.heldByBureauSince!.toISOString(), to: null }, published: { from: firm.published, to: published } },
    });
    await enqueueSearchSync(tx, "firm", firmId);
    const products = await tx.product.findMany({ where: { firmId }, select: { id: true } });
    await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    await notify(tx, {
      recipients: [{ id: user.id, email: user.email, locale: user.locale }],
      kind: "verification.assigned",
      params: { firmName: firm.name, path: `/catalog/firms/${firmId}` },
      link: (locale) => `/${locale}/catalog/firms/${firmId}`,
    });
    return { userId: user.id, published };
  });
}

async function isEmptyRegistration(tx: Tx, firmId: string) {
  const own = await tx.firm.findUnique({
    where: { id: firmId },
    select: { verification: true, _count: { select: { members: true, products: true, inquiries: true, delegationEntries: true, meetingRequests: true } } },
  });
  if (!own || own.verification === "VERIFIED") return false;
  const { members, ...rest } = own._count;
  return members === 1 && Object.values(rest).every((count) => count === 0);
}

/** Closes the held firm: products deleted (and out of the index), logo and product images deleted from storage. */
export async function closeHeldFirm(firmId: string, actor: HeldFirmActor) {
  const { keys, productsDeleted } = await prisma.$transaction(async (tx) => {
    const firm = await heldOrThrow(tx, firmId);
    const products = await tx.product.findMany({ where: { firmId }, select: { id: true, images: true } });
    await tx.product.deleteMany({ where: { firmId } });
    await tx.firm.update({ where: { id: firmId }, data: { closedAt: new Date(), published: false, logoKey: null }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      entityType: "firm",
      entityId: firmId,
      action: "close-held-firm",
      changes: { productsDeleted: products.length, published: { from: firm.published, to: false }, logoKey: { from: firm.logoKey, to: null } },
    });
    await enqueueSearchSync(tx, "firm", firmId);
    await enqueueSearchSync(tx, "product", products.map((product) => product.id));
    const images: Pick<StoredImage, "key" | "thumbKey">[] = products.flatMap((product) => asImages(product.images));
    if (firm.logoKey) images.push({ key: firm.logoKey, thumbKey: thumbKeyOf(firm.logoKey) });
    return { keys: images, productsDeleted: products.length };
  });
  // Storage is not transactional: files go once no row names them.
  let imagesDeleted = 0;
  for (const image of keys) {
    try {
      await deleteStoredImage(image);
      imagesDeleted++;
    } catch (error) {
      log.error("closing a held firm: an image could not be removed from storage", { error: String((error as Error)?.message ?? error) });
    }
  }
  return { productsDeleted, imagesDeleted };
}
