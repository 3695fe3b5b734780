import type { AuthUser } from "~/utils/auth.server";
import { isBureau } from "~/utils/auth.server";

/** A buyer acts for their own company only; bureau staff for any (audited). */
export function canActForBuyerCompany(user: Pick<AuthUser, "role" | "buyerCompanyId">, buyerCompanyId: string): boolean {
  if (isBureau(user)) return true;
  return user.role === "BUYER" && user.buyerCompanyId === buyerCompanyId;
}
