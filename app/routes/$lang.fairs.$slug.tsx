import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateRange } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { getFairEdition } from "~/modules/fair/fairs.server";
import { catalogStyles } from "~/styles/catalog";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["directory"] };
export const links: LinksFunction = () => catalogStyles;

/** /<lang>/fairs/<edition>: dates, venue, phases, and the Zhongshan delegation once its roster is published. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const edition = await getFairEdition(params.slug ?? "", locale);
  if (!edition) notFound();
  const t = await getFixedT(locale, "directory");
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  return json({
    edition,
    preview: {
      title: edition.name,
      description: t("fairs.editionDescription", { city: edition.city, count: edition.delegation.length }),
      url: `${origin}/${locale}/fairs/${edition.slug}`,
      locale,
      type: "website" as const,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function FairEditionPage() {
  const { t } = useTranslation("directory");
  const { lang } = useParams();
  const { edition } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg directory-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/fairs`}>{t("fairs.title")}</Link>
        </p>
        <h1>{edition.name}</h1>
        <p className="lead">
          {[edition.venue, edition.city].filter(Boolean).join(", ")} · <FormattedDateRange from={edition.startsOn} to={edition.endsOn} />
        </p>
        <p className="muted">{t("fairs.timeZone", { zone: edition.timeZone })}</p>
        {edition.online ? <p>{t("fairs.online")}</p> : null}
        {edition.website ? (
          <p>
            <a href={edition.website} rel="noopener noreferrer">
              {t("fairs.website")}
            </a>
          </p>
        ) : null}
      </header>
      {edition.phases.length ? (
        <section aria-labelledby="fair-phases" className="stack">
          <h2 id="fair-phases">{t("fairs.phases")}</h2>
          <ol className="stack">
            {edition.phases.map((phase) => (
              <li key={phase.number}>
                {t("fairs.phase", { number: phase.number })} · <FormattedDateRange from={phase.startsOn} to={phase.endsOn} />
                {phase.categories.length ? ` · ${phase.categories.join(" · ")}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="fair-delegation" className="stack">
        <h2 id="fair-delegation">{t("fairs.delegation")}</h2>
        {!edition.rosterPublished ? (
          <p>{t("fairs.rosterNotPublished")}</p>
        ) : edition.delegation.length === 0 ? (
          <p>{t("fairs.rosterEmpty")}</p>
        ) : (
          <ul className="stack">
            {edition.delegation.map((firm) => (
              <li key={firm.slug} className="card">
                <h3>
                  <Link to={`/${lang}/firms/${firm.slug}`}>{firm.name}</Link>
                </h3>
                <p className="muted">
                  {[firm.town, firm.cluster].filter(Boolean).join(" · ")}
                  {firm.booth ? ` · ${t("fairs.booth", { booth: firm.booth })}` : ""}
                </p>
                {firm.products.length ? (
                  <ul>
                    {firm.products.map((product) => (
                      <li key={product.id}>
                        <Link to={`/${lang}/products/${product.id}`}>{product.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
