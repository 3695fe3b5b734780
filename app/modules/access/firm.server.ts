import { productOwner } from "~/modules/product/product.server";
import { getOptionalUser, isBureau, requireFirmMember, requireUser, type AuthUser } from "./user.server";
import { forbidden, notFound } from "~/utils/http.server";

/**
 * Who may change a firm's profile and catalogue: its own members, and bureau
 * staff for any firm (their changes are audited like anyone's). Buyers and
 * members of other firms are refused with 403; anonymous visitors are sent
 * to sign in.
 */
export interface FirmEditor {
  user: AuthUser;
  firmId: string;
  asBureau: boolean;
  /** Who the change is recorded for, as the product and profile modules take it. */
  actor: { userId: string; asBureau: boolean };
}

export function canEditFirm(user: Pick<AuthUser, "role" | "firmId"> | null | undefined, firmId: string): boolean {
  if (!user) return false;
  if (isBureau(user)) return true;
  return user.role === "FIRM_MEMBER" && user.firmId === firmId;
}

export async function requireFirmEditor(request: Request, firmId: string): Promise<FirmEditor> {
  const user = await requireUser(request);
  if (!canEditFirm(user, firmId)) forbidden();
  const asBureau = isBureau(user);
  return { user, firmId, asBureau, actor: { userId: user.id, asBureau } };
}

/** A member of this very firm, who speaks for it (answers, writes): anyone else 403, bureau staff included. */
export async function requireFirmSpeaker(request: Request, firmId: string) {
  const member = await requireFirmMember(request);
  if (member.firmId !== firmId) forbidden();
  return member;
}

/** The product's firm decides who may edit it; an unknown product is 404 for everyone. */
export async function requireProductEditor(request: Request, productId: string | undefined): Promise<FirmEditor & { productId: string }> {
  const firmId = productId ? await productOwner(productId) : null;
  if (!firmId) notFound();
  return { ...(await requireFirmEditor(request, firmId)), productId: productId! };
}

/**
 * The public sees verified, published firms and their published products;
 * anything else exists only for its own firm's members and the bureau
 * (everyone else gets 404, not 403: a draft's existence is not revealed).
 */
export function canSee(isPublic: boolean, firmId: string, viewer: Pick<AuthUser, "role" | "firmId"> | null): boolean {
  return isPublic || canEditFirm(viewer, firmId);
}

/** A firm's or product's page offers "send an inquiry" to anonymous visitors and buyers, on public records. */
export function canInquire(isPublic: boolean, viewer: Pick<AuthUser, "role"> | null): boolean {
  return isPublic && (!viewer || viewer.role === "BUYER");
}

/** The firm a visitor may see a record of, or 404 (a draft's existence is not revealed). */
export async function requireVisible(request: Request, record: { isPublic: boolean; firmId: string }) {
  const viewer = await getOptionalUser(request);
  if (!canSee(record.isPublic, record.firmId, viewer)) notFound();
  return { viewer, firmId: record.firmId, isPublic: record.isPublic };
}
