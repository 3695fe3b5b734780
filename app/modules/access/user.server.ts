import { accountRedirect, loginRedirect } from "~/utils/auth-redirects.server";
import { readSession, type SessionUser } from "~/utils/session.server";
import { forbidden } from "~/utils/http.server";

export type Role = SessionUser["user"]["role"];
export type AuthUser = SessionUser["user"];

export const BUREAU_ROLES: readonly Role[] = ["BUREAU_STAFF", "ADMIN"];

export async function getOptionalUser(request: Request): Promise<AuthUser | null> {
  return (await readSession(request))?.user ?? null;
}

/** The signed-in user with the number of their unread notifications (the page header's badge), or null. */
export async function getHeaderUser(request: Request): Promise<(AuthUser & { unreadNotifications: number }) | null> {
  const session = await readSession(request);
  return session && { ...session.user, unreadNotifications: session.unreadNotifications };
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here.
 * With `roles`, a signed-in user without one of them gets 403.
 */
export async function requireUser(request: Request, options: { roles?: readonly Role[] } = {}): Promise<AuthUser> {
  const user = await getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  if (options.roles && !options.roles.includes(user.role)) forbidden();
  return user;
}

export function requireBureau(request: Request) {
  return requireUser(request, { roles: BUREAU_ROLES });
}

export function requireAdmin(request: Request) {
  return requireUser(request, { roles: ["ADMIN"] });
}

/** For pages only anonymous visitors should see (sign-in, register). */
export async function requireAnonymous(request: Request) {
  const user = await getOptionalUser(request);
  if (user) throw accountRedirect(request);
}

/** A member of an exporting firm, with the firm they may act for. */
export async function requireFirmMember(request: Request): Promise<AuthUser & { firmId: string }> {
  const user = await requireUser(request, { roles: ["FIRM_MEMBER"] });
  if (!user.firmId) forbidden();
  return { ...user, firmId: user.firmId };
}

/** A buyer, with the buying company they may act for. */
export async function requireBuyer(request: Request): Promise<AuthUser & { buyerCompanyId: string }> {
  const user = await requireUser(request, { roles: ["BUYER"] });
  if (!user.buyerCompanyId) forbidden();
  return { ...user, buyerCompanyId: user.buyerCompanyId };
}

export function isBureau(user: Pick<AuthUser, "role"> | null | undefined): boolean {
  return !!user && BUREAU_ROLES.includes(user.role);
}
