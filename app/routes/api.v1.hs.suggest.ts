import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getFixedT } from "~/i18n/i18next.server";
import { suggestHsCodes } from "~/modules/hs/suggest.server";
import { isDomainError } from "~/utils/domain-error";
import { domainErrorApiResponse } from "~/utils/domain-error.server";
import { apiLocale } from "~/modules/search/api.server";
import { apiError } from "~/utils/http.server";
import { log } from "~/utils/logger.server";

/**
 * GET /api/v1/hs/suggest?q=&lang=&limit= → { items: [{ code, level, title, titleSource, replaces? }] }
 * (an HS 2017/2012 code gives its HS 2022 successors, each with `replaces`).
 * Public: the nomenclature is public data. Bad input is a 400 with a JSON
 * error in the asked language, an unreachable search engine a 503, never a 500.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const locale = apiLocale(params);
  const limit = Number(params.get("limit") ?? 10);
  try {
    const items = await suggestHsCodes({ q: params.get("q") ?? "", lang: locale, limit: Number.isFinite(limit) ? limit : 10 });
    return json({ items }, { headers: { "Cache-Control": "public, max-age=300", Vary: "Accept-Encoding" } });
  } catch (error) {
    if (isDomainError(error)) return domainErrorApiResponse(error, await getFixedT(locale, "catalog"));
    // The suggestions come from the search engine: when it is away, say so.
    log.warn("HS suggestions failed", { error: String((error as Error)?.message ?? error) });
    const t = await getFixedT(locale, "search");
    return apiError(503, "unavailable", t("errors.unavailable"), { "Retry-After": "5" });
  }
}
