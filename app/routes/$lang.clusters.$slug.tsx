import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/directory";
import { FirmList } from "~/components/firm-list";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getCluster, listPublicFirms } from "~/modules/directory/directory.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { catalogStyles } from "~/styles/catalog";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["directory", "catalog"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const cluster = await getCluster(params.slug ?? "", locale);
  if (!cluster) notFound();
  const page = Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const [list, t] = await Promise.all([listPublicFirms(locale, { clusterId: cluster.id, page }), getFixedT(locale, "directory")]);
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  return json({
    cluster,
    list,
    preview: {
      title: t("cluster.title", { name: cluster.name }),
      description: t("cluster.description", { name: cluster.name, town: cluster.town?.name ?? "", count: list.total }),
      url: `${origin}/${locale}/clusters/${cluster.slug}`,
      locale,
      type: "website" as const,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function ClusterPage() {
  const { t } = useTranslation("directory");
  const { lang } = useParams();
  const { cluster, list } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg directory-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/firms`}>{t("nav.directory")}</Link>
          {cluster.town ? (
            <>
              {" / "}
              <Link to={`/${lang}/towns/${cluster.town.slug}`}>{cluster.town.name}</Link>
            </>
          ) : null}
        </p>
        <h1>{t("cluster.title", { name: cluster.name })}</h1>
        {cluster.headings.length ? (
          <div>
            <h2 className="h-small">{t("cluster.headings")}</h2>
            <ul className="plain-list hs-path">
              {cluster.headings.map((heading) => (
                <li key={heading.code}>
                  <span className="mono">{heading.code}</span> {heading.title}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted">{t("list.firms", { count: list.total })}</p>
      </header>
      <FirmList firms={list.firms} lang={lang ?? "en"} />
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => `?page=${page}`} />
    </div>
  );
}
