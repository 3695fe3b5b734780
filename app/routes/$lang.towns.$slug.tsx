import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/directory";
import { FirmList } from "~/components/firm-list";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getTown, listPublicFirms } from "~/modules/directory/directory.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { catalogStyles } from "~/styles/catalog";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["directory", "catalog"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const town = await getTown(params.slug ?? "", locale);
  if (!town) notFound();
  const page = Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const [list, t] = await Promise.all([listPublicFirms(locale, { townId: town.id, page }), getFixedT(locale, "directory")]);
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  return json({
    town,
    list,
    preview: {
      title: t("town.title", { name: town.name }),
      description: t("town.description", { name: town.name, clusters: town.clusters.map((cluster) => cluster.name).join(" · "), count: list.total }),
      url: `${origin}/${locale}/towns/${town.slug}`,
      locale,
      type: "website" as const,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function TownPage() {
  const { t } = useTranslation("directory");
  const { lang } = useParams();
  const { town, list } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg directory-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/firms`}>{t("nav.directory")}</Link>
        </p>
        <h1>{t("town.title", { name: town.name })}</h1>
        <p className="lead">
          {town.clusters.map((cluster, index) => (
            <span key={cluster.slug}>
              {index ? " · " : ""}
              <Link to={`/${lang}/clusters/${cluster.slug}`}>{cluster.name}</Link>
            </span>
          ))}
        </p>
        <p className="muted">{t("list.firms", { count: list.total })}</p>
      </header>
      <FirmList firms={list.firms} lang={lang ?? "en"} />
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => `?page=${page}`} />
    </div>
  );
}
