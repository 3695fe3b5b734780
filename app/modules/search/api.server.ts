import type { TFunction } from "i18next";
import { localeFromTag, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18next.server";
import { getOptionalUser, isBureau } from "~/modules/access/user.server";
import { log } from "~/utils/logger.server";
import { searchFirms, searchProducts } from "./queries.server";
import { parseFirmSearch, parseProductSearch, SEARCH_DEPTH_MAX, SEARCH_QUERY_MAX_LENGTH, type SearchProblem } from "./search-params";

/**
 * `GET /api/v1/search/products` and `/api/v1/search/firms`: the search page's
 * engine as JSON. Bad parameters are a 400 naming the parameter, in the
 * language asked for (`lang`); an unreachable engine is a 503.
 */
export function apiLocale(params: URLSearchParams, fallback: Locale = "en"): Locale {
  return localeFromTag(params.get("lang") ?? "") ?? fallback;
}

/** A parameter problem in words. */
export function describeSearchProblem(t: TFunction, problem: SearchProblem): string {
  if (problem.param === "q") return t(`search:errors.${problem.code}`, { max: SEARCH_QUERY_MAX_LENGTH });
  if (problem.code === "tooDeep") return t("search:errors.tooDeep", { max: SEARCH_DEPTH_MAX });
  if ("value" in problem) return t("search:errors.invalid", { value: problem.value, param: problem.param });
  return t("search:errors.invalidParam", { param: problem.param });
}

/** What the API answers, as data: the route turns it into the JSON response. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const apiErrorBody = (code: string, message: string) => ({ error: { code, message } });

export async function searchApi(kind: "products" | "firms", request: Request): Promise<ApiAnswer> {
  const params = new URL(request.url).searchParams;
  const locale = apiLocale(params);
  const parsed = kind === "products" ? parseProductSearch(params) : parseFirmSearch(params);
  if (!parsed.ok) {
    const t = await getFixedT(locale, "search");
    const [first] = parsed.problems;
    return {
      status: 400,
      body: {
        error: {
          code: first.param === "q" ? `q.${first.code}` : `${first.param}.${first.code}`,
          message: describeSearchProblem(t, first),
          problems: parsed.problems.map((problem) => ({ param: problem.param, code: problem.code, message: describeSearchProblem(t, problem) })),
        },
      },
    };
  }
  const viewer = await getOptionalUser(request);
  try {
    const options = { locale, viewer };
    const result = kind === "products" ? await searchProducts(parsed.input as never, options) : await searchFirms(parsed.input as never, options);
    return {
      status: 200,
      body: result,
      // Bureau staff also see records that are not public: never in a shared cache.
      headers: { "Cache-Control": isBureau(viewer) ? "private, no-store" : "public, max-age=15", Vary: "Cookie" },
    };
  } catch (error) {
    log.warn("search failed", { kind, error: String((error as Error)?.message ?? error) });
    const t = await getFixedT(locale, "search");
    return { status: 503, body: apiErrorBody("unavailable", t("errors.unavailable")), headers: { "Retry-After": "5" } };
  }
}
