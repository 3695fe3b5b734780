import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmTabs } from "~/components/firm-tabs";
import { FormattedDate, FormattedNumber, FormattedUsd } from "~/components/formatted";
import { MatchReasons, MatchScore } from "~/components/matching";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmEditor } from "~/modules/access/firm.server";
import { requestsForFirm } from "~/modules/matching/firm-matches.server";
import { catalogStyles } from "~/styles/catalog";
import inquiryStyles from "~/styles/inquiry.css";
import matchingStyles from "~/styles/matching.css";
import { formatHsCode } from "~/modules/hs/hs-code";
import { notFound } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["matching", "catalog"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: inquiryStyles }, { rel: "stylesheet", href: matchingStyles }];

/**
 * /$lang/catalog/firms/:firmId/requests — the open buyer requests that match
 * the firm's products, with the reasons. For the firm's members and bureau
 * staff (who see what the firm is shown); others get 403.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const t = await getFixedT(locale, "matching");
  let result;
  try {
    result = await requestsForFirm(editor.firmId, { locale });
  } catch (error) {
    log.warn("matching failed", { firmId: editor.firmId, error: String((error as Error)?.message ?? error) });
    return json({ title: t("firmRequests.unavailable"), firmId: editor.firmId, asBureau: editor.asBureau, result: null }, { status: 503 });
  }
  if (!result) notFound();
  return json({ title: t("firmRequests.title", { name: result.firm.name }), firmId: editor.firmId, asBureau: editor.asBureau, result });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export default function FirmRequestsPage() {
  const { t } = useTranslation("matching");
  const { t: tCatalog } = useTranslation("catalog");
  const { lang } = useParams();
  const { title, firmId, asBureau, result } = useLoaderData<typeof loader>();
  const canAnswer = !asBureau && result?.firm.verified && result.firm.published;
  return (
    <div className="stack-lg catalog-page">
      <header className="stack">
        <p className="breadcrumbs">
          <Link to={`/${lang}/catalog`}>{tCatalog("nav.catalog")}</Link>
        </p>
        <h1>{title}</h1>
        <FirmTabs lang={lang} firmId={firmId} current="requests" />
        <p className="lead">{t("firmRequests.lead")}</p>
        {asBureau ? (
          <p className="notice" role="note">
            {t("firmRequests.bureau")}
          </p>
        ) : null}
        {result && !result.firm.verified ? (
          <p className="notice notice--warning" role="note">
            {t("firmRequests.notVerified")}
          </p>
        ) : null}
      </header>
      {!result ? (
        <p className="notice notice--danger" role="alert">
          {t("firmRequests.unavailable")}
        </p>
      ) : result.firm.productCount === 0 ? (
        <p>{t("firmRequests.noProducts")}</p>
      ) : result.requests.length === 0 ? (
        <p>{t("firmRequests.none")}</p>
      ) : (
        <ol className="match-list">
          {result.requests.map((match) => (
            <li key={match.requestId} className="card match" aria-labelledby={`request-${match.requestId}`}>
              <div className="match__head">
                <h2 className="match__title" id={`request-${match.requestId}`} lang={match.titleLocale ?? undefined}>
                  {match.title}
                </h2>
                <MatchScore score={match.score} />
              </div>
              <dl className="facts" aria-label={t("firmRequests.details")}>
                <dt>{t("firmRequests.hs")}</dt>
                <dd>{match.hsCodes.map(formatHsCode).join(", ")}</dd>
                {match.quantity !== null ? (
                  <>
                    <dt>{t("firmRequests.quantity")}</dt>
                    <dd>
                      <FormattedNumber value={match.quantity} /> {match.unitName}
                    </dd>
                  </>
                ) : null}
                {match.targetPriceUsd !== null ? (
                  <>
                    <dt>{t("firmRequests.target")}</dt>
                    <dd>
                      <FormattedUsd min={match.targetPriceUsd} />
                    </dd>
                  </>
                ) : null}
                {match.requiredCertifications.length ? (
                  <>
                    <dt>{t("firmRequests.certifications")}</dt>
                    <dd>{match.requiredCertifications.join(", ")}</dd>
                  </>
                ) : null}
                {match.destinationCountryName ? (
                  <>
                    <dt>{t("firmRequests.destination")}</dt>
                    <dd>{match.destinationCountryName}</dd>
                  </>
                ) : null}
                {match.buyerCountryName ? (
                  <>
                    <dt>{t("firmRequests.buyerCountry")}</dt>
                    <dd>{match.buyerCountryName}</dd>
                  </>
                ) : null}
                <dt>{t("firmRequests.deadline")}</dt>
                <dd>{match.deadline ? <FormattedDate value={match.deadline} /> : t("firmRequests.noDeadline")}</dd>
              </dl>
              <p className="match__meta">
                {t("firmRequests.yourProduct")} <Link to={`/${lang}/catalog/products/${match.product.id}`}>{match.product.name}</Link>
              </p>
              <MatchReasons reasons={match.reasons} />
              <p className="actions">
                {match.inquiryId && !asBureau ? (
                  <Link to={`/${lang}/inquiries/${match.inquiryId}`}>{t("firmRequests.answered")}</Link>
                ) : canAnswer ? (
                  <Link to={`/${lang}/catalog/firms/${firmId}/requests/${match.requestId}?product=${match.product.id}`} className="button button--small">
                    {t("firmRequests.answer")}
                    <span className="visually-hidden"> — {match.title}</span>
                  </Link>
                ) : null}
                {asBureau ? <Link to={`/${lang}/account/requests/${match.requestId}/matches`}>{t("firmRequests.requestMatches")}</Link> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
