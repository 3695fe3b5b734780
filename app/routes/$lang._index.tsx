import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getHomePage } from "~/modules/home/home.server";
import { useFormatters } from "~/utils/format";
import { FormattedDateRange } from "~/components/formatted";
import { Figures } from "~/components/figures";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["home", "search"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const t = await getFixedT(locale, "home");
  return json({ title: t("meta.title"), description: t("meta.description"), home: await getHomePage(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "", data?.description);

export default function HomePage() {
  const { t } = useTranslation("home");
  const { t: ts } = useTranslation("search");
  const { lang } = useParams();
  const { home } = useLoaderData<typeof loader>();
  const format = useFormatters();
  const [searchParams] = useSearchParams();
  const { t: tCommon } = useTranslation("common");
  return (
    <div className="stack-xl">
      {searchParams.get("accountDeleted") ? (
        <p className="notice notice--success" role="status">
          {tCommon("privacyLinks.deleted")}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("hero.title")}</h1>
        <p className="lead">{t("hero.lead")}</p>
        <Form method="get" action={`/${lang}/search`} role="search" className="hero__search">
          <label htmlFor="home-search" className="visually-hidden">
            {ts("form.label")}
          </label>
          <input id="home-search" type="search" name="q" placeholder={ts("form.placeholder")} enterKeyHint="search" />
          <button type="submit" className="button">
            {ts("form.submit")}
          </button>
        </Form>
        <div className="hero__actions">
          <Link to={`/${lang}/register`} className="button">
            {t("hero.registerFirm")}
          </Link>
          <Link to={`/${lang}/register`} className="button button--secondary">
            {t("hero.registerBuyer")}
          </Link>
          <Link to={`/${lang}/firms`} className="button button--secondary">
            {t("hero.browse")}
          </Link>
        </div>
        <Figures
          label={t("figures.label")}
          figures={[
            { label: t("figures.firms"), value: home.figures.firms },
            { label: t("figures.products"), value: home.figures.products },
            { label: t("figures.towns"), value: home.figures.towns },
          ]}
        />
      </section>

      <section aria-labelledby="towns-title">
        <h2 id="towns-title">{t("towns.title")}</h2>
        <p>{t("towns.lead")}</p>
        <ul className="card-grid">
          {home.towns.map((town) => (
            <li key={town.id} className="card town-card">
              <h3>
                <Link to={`/${lang}/towns/${town.slug}`} aria-label={t("towns.browse", { name: town.name })}>
                  {town.name}
                </Link>
              </h3>
              <p className="town-card__clusters">{town.clusters.map((cluster) => cluster.name).join(" · ")}</p>
              <p className="muted" suppressHydrationWarning>{t("towns.firms", { count: town.firms, formatted: format.number(town.firms) })}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="fairs-title">
        <h2 id="fairs-title">{t("fairs.title")}</h2>
        {home.fairs.length === 0 ? (
          <p>{t("fairs.none")}</p>
        ) : (
          <ul className="card-grid">
            {home.fairs.map((fair) => (
              <li key={fair.id} className="card fair-card">
                <p className="fair-card__short">{fair.shortName}</p>
                <h3>{fair.name}</h3>
                <p>
                  {fair.city} · <FormattedDateRange from={fair.startsOn} to={fair.endsOn} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/${lang}/fairs`}>{t("fairs.all")}</Link>
        </p>
      </section>
    </div>
  );
}
