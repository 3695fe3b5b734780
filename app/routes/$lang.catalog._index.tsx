import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { listFirmsForBureau } from "~/modules/firm/catalog-index.server";
import { catalogStyles } from "~/styles/catalog";
import { isBureau, requireUser } from "~/modules/access/user.server";
import { forbidden } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["catalog"] };
export const links: LinksFunction = () => catalogStyles;

/** A firm member goes to their own firm; bureau staff choose any firm. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  if (user.role === "FIRM_MEMBER" && user.firmId) throw redirect(`/${locale}/catalog/firms/${user.firmId}`);
  if (!isBureau(user)) forbidden();
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const [list, t] = await Promise.all([listFirmsForBureau(locale, { query: url.searchParams.get("q") ?? "", page }), getFixedT(locale, "catalog")]);
  return json({ title: t("index.title"), list });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export default function CatalogIndexPage() {
  const { t } = useTranslation("catalog");
  const { lang } = useParams();
  const { list } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg catalog-page">
      <header className="stack">
        <h1>{t("index.title")}</h1>
        <p className="lead">{t("index.lead")}</p>
        <Form method="get" className="search-form" role="search">
          <label htmlFor="firm-query">{t("index.search")}</label>
          <input id="firm-query" type="search" name="q" defaultValue={list.query} maxLength={100} />
          <button type="submit" className="button button--secondary">
            {t("index.searchSubmit")}
          </button>
        </Form>
        <p className="muted">{t("index.count", { count: list.total })}</p>
      </header>
      <ul className="product-rows">
        {list.firms.map((firm) => (
          <li key={firm.id} className="card product-row">
            <div className="product-row__main">
              <Link to={`/${lang}/catalog/firms/${firm.id}`} className="product-row__title">
                {firm.name || firm.slug}
              </Link>
              <p className="muted">
                <span className={`badge badge--${firm.verification.toLowerCase()}`}>{t(`verification.${firm.verification}`)}</span>{" "}
                {firm.uscc ? <span className="mono">{firm.uscc}</span> : null} · {t("index.products", { count: firm.products })}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {list.pages > 1 ? (
        <nav aria-label={t("pagination.label")} className="pagination">
          {list.page > 1 ? <Link to={`?${new URLSearchParams({ q: list.query, page: String(list.page - 1) })}`}>{t("pagination.previous")}</Link> : null}
          <span>{t("pagination.status", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link to={`?${new URLSearchParams({ q: list.query, page: String(list.page + 1) })}`}>{t("pagination.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
