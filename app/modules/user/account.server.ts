import { prisma } from "~/utils/db.server";
import { displayText } from "~/modules/i18n-text/display.server";
import type { Locale } from "~/i18n/config";

/** What the account page shows about the signed-in user and their organisation. */
export async function getAccountOverview(userId: string, locale: Locale) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      displayName: true,
      role: true,
      createdAt: true,
      firm: { select: { id: true, slug: true, name: true, verification: true, verificationReason: true, uscc: true } },
      buyerCompany: { select: { id: true, name: true, country: true } },
    },
  });
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    firm: user.firm
      ? {
          id: user.firm.id,
          slug: user.firm.slug,
          name: displayText(user.firm.name, locale)?.text ?? "",
          // The name's language when it is not the page's, for its `lang`.
          nameLang: ((shown) => (shown && shown !== locale ? shown : undefined))(displayText(user.firm.name, locale)?.locale),
          verification: user.firm.verification,
          // The bureau's reason for a rejection or a withdrawn verification, shown to the firm.
          verificationReason: user.firm.verification === "VERIFIED" ? null : user.firm.verificationReason,
          uscc: user.firm.uscc,
        }
      : null,
    buyerCompany: user.buyerCompany,
  };
}
