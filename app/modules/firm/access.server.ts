import { isBureau, requireUser, type AuthUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/http.server";

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
}

export function canEditFirm(user: Pick<AuthUser, "role" | "firmId"> | null | undefined, firmId: string): boolean {
  if (!user) return false;
  if (isBureau(user)) return true;
  return user.role === "FIRM_MEMBER" && user.firmId === firmId;
}

export async function requireFirmEditor(request: Request, firmId: string): Promise<FirmEditor> {
  const user = await requireUser(request);
  if (!canEditFirm(user, firmId)) forbidden();
  return { user, firmId, asBureau: isBureau(user) };
}
