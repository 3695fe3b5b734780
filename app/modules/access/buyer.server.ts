import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isBureau, requireBuyer, type AuthUser } from "./user.server";

/** A buyer acts for their own company only; bureau staff for any (audited). */
export function canActForBuyerCompany(user: Pick<AuthUser, "role" | "buyerCompanyId">, buyerCompanyId: string): boolean {
  if (isBureau(user)) return true;
  return user.role === "BUYER" && user.buyerCompanyId === buyerCompanyId;
}

/** A buyer with their company, which must exist (404 otherwise). */
export async function requireBuyerCompany(request: Request) {
  const buyer = await requireBuyer(request);
  const company = await prisma.buyerCompany.findUnique({ where: { id: buyer.buyerCompanyId }, select: { id: true } });
  if (!company) notFound();
  return buyer;
}

/**
 * A buyer's own sourcing request: the buyer, their company and the request.
 * Another company's request, or an unknown id, is 404 rather than 403, so
 * ids are not probed.
 */
export async function requireOwnRequest(request: Request, requestId: string) {
  const buyer = await requireBuyer(request);
  const row = requestId ? await prisma.sourcingRequest.findUnique({ where: { id: requestId }, select: { buyerCompanyId: true } }) : null;
  if (!row || !canActForBuyerCompany(buyer, row.buyerCompanyId)) notFound();
  return { user: buyer, buyerCompanyId: row.buyerCompanyId, requestId };
}
