import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";

/** Why an inquiry or a message was refused; each code is a translation key under inquiry:errors. */
export type RefusalCode = "firmNotFound" | "firmNotVerified" | "firmSuspended" | "blocked" | "productNotOfFirm";

/** A refused inquiry or message: 403, or 400 on the products field when a product is not the firm's. */
export function inquiryRefusal(code: RefusalCode) {
  return code === "productNotOfFirm"
    ? new DomainError(code, { status: 400, messageKey: `inquiry:errors.${code}`, field: "productIds" })
    : new DomainError(code, { status: 403, messageKey: `inquiry:errors.${code}` });
}

/** Whether a firm takes inquiries from a buying company, and if not, why. */
export async function firmAvailability(firmId: string, buyerCompanyId: string): Promise<RefusalCode | null> {
  const firm = await prisma.firm.findUnique({
    where: { id: firmId },
    select: {
      verification: true,
      published: true,
      members: { where: { role: "FIRM_MEMBER" }, select: { status: true } },
      buyerBlocks: { where: { buyerCompanyId }, select: { id: true } },
    },
  });
  if (!firm) return "firmNotFound";
  if (firm.verification !== "VERIFIED" || !firm.published) return "firmNotVerified";
  // A firm with accounts, all of them suspended by the bureau, is suspended.
  // (Firms without accounts yet still receive inquiries for when they join.)
  if (firm.members.length > 0 && firm.members.every((member) => member.status !== "ACTIVE")) return "firmSuspended";
  if (firm.buyerBlocks.length > 0) return "blocked";
  return null;
}
