import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { isBureau, requireUser } from "~/modules/access/user.server";
import { forbidden } from "~/utils/http.server";

/**
 * /$lang/catalog/requests — "buyer requests" in a firm member's menu: their
 * own firm's matching requests. Bureau staff pick a firm in the catalogue
 * first; anyone else is refused.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  if (user.role === "FIRM_MEMBER" && user.firmId) throw redirect(`/${locale}/catalog/firms/${user.firmId}/requests`);
  if (isBureau(user)) throw redirect(`/${locale}/catalog`);
  forbidden();
}
