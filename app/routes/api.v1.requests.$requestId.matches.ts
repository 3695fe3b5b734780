import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { matchLocale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { matchesForRequest } from "~/modules/matching/buyer-matches.server";
import { apiLocale } from "~/modules/search/api.server";
import { canViewRequestMatches } from "~/modules/access/matching.server";
import { getOptionalUser } from "~/modules/access/user.server";
import { apiError } from "~/utils/http.server";
import { log } from "~/utils/logger.server";

/**
 * GET /api/v1/requests/:requestId/matches?lang= →
 * { request, matches: [{ productId, productName, firmId, firmSlug, firmName, score, reasons: [{ code, text }] }], firms, tookMs }
 *
 * For the request's buying company and bureau staff. Anonymous: 401;
 * anyone else, and an unknown id: 404 (a request's existence is not
 * revealed). Reasons in `lang`, else the user's language. An unreachable
 * search engine is a 503; never a 500.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = apiLocale(new URL(request.url).searchParams, (user && matchLocale(user.locale)) ?? "en");
  const t = await getFixedT(locale, "matching");
  const headers = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  if (!user) return apiError(401, "unauthorized", t("errors.unauthorized"), headers);
  const requestId = params.requestId ?? "";
  try {
    const result = (await canViewRequestMatches(user, requestId)) ? await matchesForRequest(requestId, { locale }) : null;
    if (!result) return apiError(404, "notFound", t("errors.notFound"), headers);
    const reasons = (list: { code: string; text: string }[]) => list.map(({ code, text }) => ({ code, text }));
    return json(
      {
        request: result.request,
        matches: result.products.map((match) => ({
          productId: match.productId,
          productName: match.productName,
          firmId: match.firmId,
          firmSlug: match.firmSlug,
          firmName: match.firmName,
          hsCode: match.hsCode,
          score: match.score,
          reasons: reasons(match.reasons),
        })),
        firms: result.firms.map((firm) => ({
          firmId: firm.firmId,
          firmSlug: firm.firmSlug,
          firmName: firm.firmName,
          score: firm.score,
          bestProductId: firm.bestProductId,
          productCount: firm.productCount,
          reasons: reasons(firm.reasons),
        })),
        locale,
        tookMs: result.tookMs,
      },
      { headers },
    );
  } catch (error) {
    log.warn("matching failed", { requestId, error: String((error as Error)?.message ?? error) });
    return apiError(503, "unavailable", t("errors.unavailable"), { ...headers, "Retry-After": "5" });
  }
}
