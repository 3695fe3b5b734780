import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useParams, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ChosenFilters, FirmHitList, ProductHitList, SearchFacets } from "~/components/search";
import { FormattedNumber } from "~/components/formatted";
import { Pagination } from "~/components/pagination";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { formatHsCode, hsHeadline } from "~/modules/hs/hs-code";
import { hsTitle } from "~/modules/hs/nomenclature.server";
import { describeSearchProblem } from "~/modules/search/api.server";
import { searchFirms, searchProducts, type FirmHit, type ProductHit, type SearchResult } from "~/modules/search/queries.server";
import { firmSorts, hasFilters, parseFirmSearch, parseProductSearch, productSorts, searchQueryString, SEARCH_QUERY_MAX_LENGTH } from "~/modules/search/search-params";
import { catalogStyles } from "~/styles/catalog";
import searchStylesHref from "~/styles/search.css";
import { getOptionalUser, isBureau } from "~/modules/access/user.server";
import { FairHits } from "~/components/fair-hits";
import { NoticeHits } from "~/components/notice-hits";
import { log } from "~/utils/logger.server";
import { noNotices, searchBoxes } from "~/modules/search/boxes.server";
import { pageMeta } from "~/utils/meta";
import { pageFirms, pageProducts } from "~/modules/search/page-data";

export const handle = { i18n: ["search", "directory", "catalog", "participation"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: searchStylesHref }];

type Kind = "products" | "firms";

/**
 * Supplier search: products or firms, in any of the three languages, with
 * facets. Server-rendered (a plain GET form and links work without
 * JavaScript); with JavaScript the form submits as you type and the page
 * updates in place.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const url = new URL(request.url);
  const kind: Kind = url.searchParams.get("in") === "firms" ? "firms" : "products";
  const [viewer, t] = await Promise.all([getOptionalUser(request), getFixedT(locale, ["search"])]);
  const parsed = kind === "products" ? parseProductSearch(url.searchParams) : parseFirmSearch(url.searchParams);
  // What the person typed is shown back as typed, even when it is refused.
  const typed = (url.searchParams.get("q") ?? "").slice(0, SEARCH_QUERY_MAX_LENGTH * 5);
  const problems = parsed.ok ? [] : parsed.problems.map((problem) => ({ param: problem.param, message: describeSearchProblem(t, problem) }));
  let products: SearchResult<ProductHit> | null = null;
  let firms: SearchResult<FirmHit> | null = null;
  let unavailable = false;
  // Fairs and open delegation calls, and public policy notices (issue 11), above the first page of results.
  const boxes = parsed.ok && parsed.input.q && parsed.input.page === 1 ? searchBoxes(parsed.input.q) : null;
  if (parsed.ok) {
    try {
      const options = { locale, viewer, alongside: boxes?.alongside };
      if (kind === "products") products = await searchProducts(parsed.input as Parameters<typeof searchProducts>[0], options);
      else firms = await searchFirms(parsed.input as Parameters<typeof searchFirms>[0], options);
    } catch (error) {
      log.warn("search page failed", { error: String((error as Error)?.message ?? error) });
      unavailable = true;
    }
  }
  const result = products ?? firms;
  const { fairs, notices } = boxes && !unavailable ? await boxes.answer(locale) : { fairs: [], notices: noNotices };
  return json(
    {
      kind,
      typed,
      input: parsed.input,
      problems,
      unavailable,
      products: products && pageProducts(products),
      firms: firms && pageFirms(firms),
      hsCode: result?.hsCode ? { code: formatHsCode(result.hsCode), title: hsTitle(result.hsCode, locale) ?? "" } : null,
      hsFromWords: result?.hsCodesFromWords?.map((code) => `${formatHsCode(code)} ${hsHeadline(hsTitle(code, locale) ?? "")}`.trim()) ?? null,
      bureau: isBureau(viewer),
      fairs,
      notices: { hits: notices.notices, total: notices.total },
      firmMember: viewer?.role === "FIRM_MEMBER",
      title: parsed.input.q ? t("search:page.titleFor", { q: parsed.input.q }) : t("search:page.title"),
    },
    { status: problems.length ? 400 : unavailable ? 503 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data?.title ?? ""),
  // Result pages change by the minute and are endless: not for search engines' indexes.
  { name: "robots", content: "noindex, follow" },
];

/** Waits until typing pauses before searching; boxes and lists search at once. */
const TYPING_PAUSE_MS = 180;

function isTyping(target: EventTarget) {
  return target instanceof HTMLInputElement && (target.type === "search" || target.type === "number" || target.type === "text");
}

export default function SearchPage() {
  const { t } = useTranslation("search");
  const { lang = "en" } = useParams();
  const data = useLoaderData<typeof loader>();
  const { kind, typed, input, problems, unavailable, products, firms, hsCode, hsFromWords } = data;
  const submit = useSubmit();
  const navigation = useNavigation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const busy = navigation.state === "loading" && navigation.location?.pathname === location.pathname;
  const result = products ?? firms;
  const queryProblem = problems.find((problem) => problem.param === "q");
  const otherProblems = problems.filter((problem) => problem.param !== "q");

  // A link (tab, facet, page) changed the query: show it, unless the person is typing.
  useEffect(() => {
    const field = queryRef.current;
    if (field && document.activeElement !== field && field.value !== typed) field.value = typed;
  }, [typed]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const searchNow = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (formRef.current) submit(formRef.current, { replace: true, preventScrollReset: true });
    }, delay);
  };

  const sorts = kind === "products" ? productSorts : firmSorts;
  const tabQuery = (target: Kind) => {
    const params = new URLSearchParams(searchQueryString({ q: input.q }));
    if (target === "firms") params.set("in", "firms");
    const text = params.toString();
    return `/${lang}/search${text ? `?${text}` : ""}`;
  };

  return (
    <div className="stack-lg search-page">
      <header className="stack">
        <h1>{t("page.title")}</h1>
        <p className="lead">{t("page.lead")}</p>
      </header>

      <nav aria-label={t("tabs.label")} className="search-tabs">
        <Link to={tabQuery("products")} aria-current={kind === "products" ? "page" : undefined}>
          {t("tabs.products")}
        </Link>
        <Link to={tabQuery("firms")} aria-current={kind === "firms" ? "page" : undefined}>
          {t("tabs.firms")}
        </Link>
      </nav>

      <Form ref={formRef} method="get" role="search" className="search-layout" onChange={(event) => searchNow(isTyping(event.target) ? TYPING_PAUSE_MS : 0)}>
        {kind === "firms" ? <input type="hidden" name="in" value="firms" /> : null}
        <div className="search-box">
          <label htmlFor="search-q" className="visually-hidden">
            {t("form.label")}
          </label>
          <input
            ref={queryRef}
            id="search-q"
            type="search"
            name="q"
            defaultValue={typed}
            placeholder={t(kind === "products" ? "form.placeholder" : "form.placeholderFirms")}
            autoComplete="off"
            enterKeyHint="search"
            aria-invalid={queryProblem ? true : undefined}
            aria-describedby={queryProblem ? "search-q-error" : undefined}
          />
          <button type="submit" className="button">
            {t("form.submit")}
          </button>
          {queryProblem ? (
            <p id="search-q-error" className="error-list search-box__error" role="alert">
              {queryProblem.message}
            </p>
          ) : null}
        </div>

        <SearchFacets facets={result?.facets ?? {}} input={input} moqRange={result?.moqRange ?? null} kind={kind} />

        <section className="search-results stack" aria-labelledby="search-results-title" aria-busy={busy || undefined}>
          <div className="search-results__bar">
            <h2 id="search-results-title" className="search-results__count" aria-live="polite">
              {result ? (
                <>
                  <FormattedNumber value={result.total} /> {t(kind === "products" ? "results.products" : "results.firms", { count: result.total })}
                </>
              ) : (
                t("results.title")
              )}
            </h2>
            <a href="#search-facets" className="search-results__facets-link">
              {t("facets.jump")}
            </a>
            <label className="search-sort">
              {t("sort.label")}{" "}
              <select name="sort" defaultValue={input.sort} key={`${kind}-${input.sort}`}>
                {sorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`sort.${sort}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ChosenFilters facets={result?.facets ?? {}} input={input} kind={kind} />
          {otherProblems.length ? (
            <div className="error-alert" role="alert">
              <ul className="error-list">
                {otherProblems.map((problem) => (
                  <li key={`${problem.param}-${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {unavailable ? (
            <p className="notice notice--error" role="alert">
              {t("errors.unavailable")}
            </p>
          ) : null}
          {hsCode ? <p className="notice">{t("results.hsCode", { code: hsCode.code, title: hsCode.title })}</p> : null}
          {hsFromWords ? <p className="notice">{t("results.hsFromWords", { q: input.q, codes: hsFromWords.join("; ") })}</p> : null}
          {result && result.total === 0 ? <p>{t(!input.q ? "results.none" : hasFilters(input) ? "results.noneForFiltered" : "results.noneFor", { q: input.q })}</p> : null}
          <FairHits hits={data.fairs} lang={lang} firmMember={data.firmMember} />
          <NoticeHits hits={data.notices.hits} total={data.notices.total} q={input.q ?? ""} lang={lang} />
          {products?.head && !products.head.found ? (
            <p className="notice" role="status" data-head-missing="">
              {t("results.headMissing", { term: products.head.term })}
            </p>
          ) : null}
          {products?.head && !products.head.found && products.hits.length ? <h2 className="search__related">{t("results.related")}</h2> : null}
          {products ? <ProductHitList hits={products.hits} lang={lang} /> : null}
          {firms ? <FirmHitList hits={firms.hits} lang={lang} /> : null}
          {result ? <Pagination page={result.page} pages={result.pages} label={t("results.pages")} /> : null}
        </section>
      </Form>
    </div>
  );
}
