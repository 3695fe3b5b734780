import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/directory";
import { FirmList } from "~/components/firm-list";
import { FormattedNumber } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { directoryOverview, listPublicFirms } from "~/modules/directory/directory.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { catalogStyles } from "~/styles/catalog";
import { getEnv } from "~/utils/env.server";

export const handle = { i18n: ["directory", "catalog"] };
export const links: LinksFunction = () => catalogStyles;

function pageOf(request: Request) {
  return Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const page = pageOf(request);
  const [overview, list, t] = await Promise.all([directoryOverview(locale), listPublicFirms(locale, { page }), getFixedT(locale, "directory")]);
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  return json({
    overview,
    list,
    preview: {
      title: t("index.title"),
      description: t("index.description"),
      url: `${origin}/${locale}/firms${page > 1 ? `?page=${page}` : ""}`,
      locale,
      type: "website" as const,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function DirectoryPage() {
  const { t } = useTranslation("directory");
  const { lang } = useParams();
  const { overview, list } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg directory-page">
      <header className="stack">
        <h1>{t("index.title")}</h1>
        <p className="lead">{t("index.lead")}</p>
        <p className="muted">
          <FormattedNumber value={overview.firms} /> {t("index.firms")} · <FormattedNumber value={overview.products} /> {t("index.products")}
        </p>
      </header>
      <section aria-labelledby="towns-title">
        <h2 id="towns-title">{t("index.byTown")}</h2>
        <ul className="card-grid">
          {overview.towns.map((town) => (
            <li key={town.slug} className="card">
              <h3>
                <Link to={`/${lang}/towns/${town.slug}`}>{town.name}</Link>
              </h3>
              <p className="muted">{t("list.firms", { count: town.firms })}</p>
              <ul className="plain-list">
                {town.clusters.map((cluster) => (
                  <li key={cluster.slug}>
                    <Link to={`/${lang}/clusters/${cluster.slug}`}>{cluster.name}</Link> <span className="muted">({cluster.firms})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="all-title" className="stack">
        <h2 id="all-title">{t("index.all")}</h2>
        <FirmList firms={list.firms} lang={lang ?? "en"} />
        <Pagination page={list.page} pages={list.pages} hrefFor={(page) => `?page=${page}`} />
      </section>
    </div>
  );
}
