import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { matchLocale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { getOptionalUser } from "~/modules/access/user.server";
import { collectPersonalData } from "~/modules/privacy/export.server";
import { apiLocale } from "~/modules/search/api.server";
import { apiError } from "~/utils/http.server";

/**
 * GET /api/v1/me/export → everything Ponte holds about the signed-in person
 * (the data.json of the account page's ZIP; the files themselves are only in
 * the ZIP). Anonymous: 401.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const headers = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  if (!user) {
    const t = await getFixedT(apiLocale(new URL(request.url).searchParams, "en"), "privacy");
    return apiError(401, "unauthorized", t("errors.unauthorized"), headers);
  }
  const { document } = await collectPersonalData(user.id);
  return json(document, { headers: { ...headers, "Content-Language": matchLocale(user.locale) ?? "en" } });
}
