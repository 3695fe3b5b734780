import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedTranslatedText } from "~/components/translated-text";
import { FormattedDate } from "~/components/formatted";
import { MarkedText, ProductCards } from "~/components/directory";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { excerpt, getFirmPage } from "~/modules/directory/directory.server";
import { directoryMeta } from "~/modules/directory/meta";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { catalogStyles } from "~/styles/catalog";
import { canInquire as canInquireOf } from "~/modules/access/firm.server";
import { getOptionalUser } from "~/modules/access/user.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { FirmResponseStats } from "~/components/inquiry";
import { getFirmResponseStats } from "~/modules/inquiry/response-stats.server";
import { delegationHistory } from "~/modules/delegation/history.server";
import { DelegationHistory } from "~/components/delegation-history";

export const handle = { i18n: ["directory", "catalog", "inquiry", "participation", "translation"] };
export const links: LinksFunction = () => catalogStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const viewer = await getOptionalUser(request);
  const firm = await getFirmPage(params.slug ?? "", locale, viewer);
  if (!firm) notFound();
  const [responseStats, delegations] = await Promise.all([getFirmResponseStats(firm.id), delegationHistory(firm.id, locale, "public")]);
  // Buyers (and visitors, who sign in first) may send an inquiry to a public firm.
  const canInquire = canInquireOf(firm.isPublic, viewer);
  const t = await getFixedT(locale, "directory");
  const origin = publicOrigin(request, getEnv().PUBLIC_URL);
  const name = firm.name?.text ?? firm.slug;
  const place = [firm.cluster?.name, firm.town?.name].filter(Boolean).join(" · ");
  return json({
    firm,
    responseStats,
    canInquire,
    delegations,
    preview: {
      title: name,
      description: excerpt(firm.description?.text || t("firm.metaDescription", { name, place }), 160),
      url: `${origin}/${locale}/firms/${firm.slug}`,
      image: firm.logoKey && firm.isPublic ? `${origin}/media/${firm.logoKey}` : null,
      locale,
      type: "profile" as const,
      noindex: !firm.isPublic,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => directoryMeta(data?.preview);

export default function FirmPage() {
  const { t } = useTranslation("directory");
  const { t: tc } = useTranslation("catalog");
  const { lang } = useParams();
  const { t: ti } = useTranslation("inquiry");
  const { firm, responseStats, canInquire, delegations } = useLoaderData<typeof loader>();
  return (
    <article className="stack-lg directory-page">
      {!firm.isPublic ? (
        <p className="notice" role="status">
          {t("firm.notPublic")}
        </p>
      ) : null}
      <header className="firm-header">
        {firm.logoKey ? <img src={`/media/${firm.logoKey}`} alt={t("firm.logo", { name: firm.name?.text ?? "" })} className="firm-header__logo" width={96} height={96} /> : null}
        <div className="stack">
          <p className="breadcrumbs">
            <Link to={`/${lang}/firms`}>{t("nav.directory")}</Link>
            {firm.town ? (
              <>
                {" / "}
                <Link to={`/${lang}/towns/${firm.town.slug}`}>{firm.town.name}</Link>
              </>
            ) : null}
          </p>
          <MarkedText as="h1" value={firm.name} />
          <p className="firm-header__facts">
            {firm.cluster ? <Link to={`/${lang}/clusters/${firm.cluster.slug}`}>{firm.cluster.name}</Link> : null}
            {firm.town ? <> · {firm.town.name}</> : null}
            {firm.foundedYear ? <> · {t("firm.founded", { year: firm.foundedYear })}</> : null}
          </p>
          {canInquire ? (
            <p>
              <Link to={`/${lang}/inquiries/new?firm=${firm.id}`} className="button">
                {ti("action.send")}
              </Link>
            </p>
          ) : null}
          <FirmResponseStats stats={responseStats} />
          {firm.canEdit ? (
            <p>
              <Link to={`/${lang}/catalog/firms/${firm.id}`} className="button button--small button--secondary">
                {t("firm.edit")}
              </Link>
            </p>
          ) : null}
        </div>
      </header>

      {firm.description ? (
        <section aria-labelledby="about-title" className="card">
          <h2 id="about-title">{t("firm.about")}</h2>
          <LocalizedTranslatedText view={firm.descriptionView}>
            <MarkedText as="p" value={firm.description} />
          </LocalizedTranslatedText>
        </section>
      ) : null}

      <section aria-labelledby="facts-title" className="card">
        <h2 id="facts-title">{t("firm.facts")}</h2>
        <dl className="facts">
          {firm.businessTypes.length ? (
            <>
              <dt>{t("firm.businessTypes")}</dt>
              <dd>{firm.businessTypes.map((type) => tc(`firm.businessTypes.${type}`)).join(tc("completeness.separator"))}</dd>
            </>
          ) : null}
          {firm.employeesBand ? (
            <>
              <dt>{t("firm.employees")}</dt>
              <dd>{tc(`firm.employees.${firm.employeesBand}`)}</dd>
            </>
          ) : null}
          {firm.exportMarkets.length ? (
            <>
              <dt>{t("firm.markets")}</dt>
              <dd>{firm.exportMarkets.map((market) => market.name).join(tc("completeness.separator"))}</dd>
            </>
          ) : null}
          {firm.languages.length ? (
            <>
              <dt>{t("firm.languages")}</dt>
              <dd>{firm.languages.map((language) => language.name).join(tc("completeness.separator"))}</dd>
            </>
          ) : null}
          {firm.salesChannels.length ? (
            <>
              <dt>{t("firm.channels")}</dt>
              <dd>{firm.salesChannels.map((channel) => tc(`firm.salesChannels.${channel}`)).join(tc("completeness.separator"))}</dd>
            </>
          ) : null}
          {firm.address ? (
            <>
              <dt>{t("firm.address")}</dt>
              <dd>
                <MarkedText value={firm.address} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {firm.certifications.length ? (
        <section aria-labelledby="certifications-title" className="card">
          <h2 id="certifications-title">{t("firm.certifications")}</h2>
          <ul className="plain-list">
            {firm.certifications.map((certification) => (
              <li key={certification.code}>
                <strong>{certification.code}</strong> {certification.name}
                {certification.expired ? (
                  <>
                    {" "}
                    <span className="badge badge--expired">{t("firm.expired")}</span>
                    <span className="muted">
                      {" · "}
                      {t("firm.expiredOn")} <FormattedDate value={certification.validUntil!} />
                    </span>
                  </>
                ) : certification.validUntil ? (
                  <span className="muted">
                    {" · "}
                    {t("firm.validUntil")} <FormattedDate value={certification.validUntil} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {delegations.length ? <DelegationHistory lang={lang} entries={delegations} withStatus={false} /> : null}
      <section aria-labelledby="contact-title" className="card">
        <h2 id="contact-title">{t("firm.contact")}</h2>
        <dl className="facts">
          {firm.contacts.map((contact) => (
            <div key={`${contact.name}-${contact.email ?? ""}`} className="facts__group">
              <dt>{contact.title ?? t("firm.contactPerson")}</dt>
              <dd>
                {contact.name}
                {contact.email ? (
                  <>
                    {" · "}
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </>
                ) : null}
                {contact.phone ? <> · {contact.phone}</> : null}
              </dd>
            </div>
          ))}
          {firm.website ? (
            <>
              <dt>{t("firm.website")}</dt>
              <dd>
                <a href={firm.website} rel="nofollow noopener noreferrer" target="_blank">
                  {firm.website.replace(/^https?:\/\//, "")}
                </a>
              </dd>
            </>
          ) : null}
          {firm.email ? (
            <>
              <dt>{t("firm.email")}</dt>
              <dd>
                <a href={`mailto:${firm.email}`}>{firm.email}</a>
              </dd>
            </>
          ) : null}
          {firm.phone ? (
            <>
              <dt>{t("firm.phone")}</dt>
              <dd>{firm.phone}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="products-title" className="stack">
        <h2 id="products-title">{t("firm.products", { count: firm.productCount })}</h2>
        {firm.products.length ? <ProductCards products={firm.products} lang={lang ?? "en"} /> : <p>{t("firm.noProducts")}</p>}
      </section>
    </article>
  );
}
