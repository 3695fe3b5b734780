import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { FormattedUsd } from "~/components/formatted";
import { MatchReasons, MatchScore } from "~/components/matching";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { matchesForRequest } from "~/modules/matching/buyer-matches.server";
import { catalogStyles } from "~/styles/catalog";
import matchingStyles from "~/styles/matching.css";
import { requireRequestMatchesViewer } from "~/modules/access/matching.server";
import { isBureau } from "~/modules/access/user.server";
import { notFound } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["matching", "buyer", "import", "catalog"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: matchingStyles }];

/**
 * /$lang/account/requests/:requestId/matches?by=product|firm — the ranked
 * products (or suppliers) for a sourcing request, with the reasons. For the
 * request's buying company and bureau staff; anyone else gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { user, requestId } = await requireRequestMatchesViewer(request, params.requestId ?? "");
  const by = new URL(request.url).searchParams.get("by") === "firm" ? ("firm" as const) : ("product" as const);
  const t = await getFixedT(locale, "matching");
  const viewer = { role: user.role, bureau: isBureau(user) };
  let matches;
  try {
    matches = await matchesForRequest(requestId, { locale });
  } catch (error) {
    // The search engine is down: say so, keep the page.
    log.warn("matching failed", { requestId, error: String((error as Error)?.message ?? error) });
    return json({ title: t("requestMatches.unavailable"), by, viewer, requestId, matches: null }, { status: 503 });
  }
  if (!matches) notFound();
  return json({ title: t("requestMatches.title", { title: matches.request.title }), by, viewer, requestId, matches });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export default function RequestMatchesPage() {
  const { t } = useTranslation("matching");
  const { lang } = useParams();
  const { title, by, viewer, requestId, matches } = useLoaderData<typeof loader>();
  const buyer = viewer.role === "BUYER";
  const inquiryLink = (firmId: string, productId: string) => `/${lang}/inquiries/new?${new URLSearchParams({ firm: firmId, product: productId, request: requestId })}`;
  return (
    <div className="stack-lg">
      <AccountNav />
      {buyer ? (
        <p>
          <Link to={`/${lang}/account/requests/${requestId}`}>{t("requestMatches.back")}</Link>
        </p>
      ) : null}
      <header className="stack">
        <h1>{title}</h1>
        <p className="lead">{t("requestMatches.lead")}</p>
        {viewer.bureau ? (
          <p className="notice" role="note">
            {t("requestMatches.bureau")}
          </p>
        ) : null}
        {matches?.request.status === "CLOSED" ? (
          <p className="notice" role="note">
            {t("requestMatches.closed")}
          </p>
        ) : null}
      </header>
      {!matches ? (
        <p className="notice notice--danger" role="alert">
          {t("requestMatches.unavailable")}
        </p>
      ) : (
        <>
          <nav aria-label={t("requestMatches.viewLabel")} className="tabs">
            <Link to="?by=product" aria-current={by === "product" ? "page" : undefined}>
              {t("requestMatches.byProduct")}
            </Link>
            <Link to="?by=firm" aria-current={by === "firm" ? "page" : undefined}>
              {t("requestMatches.byFirm")}
            </Link>
          </nav>
          <p className="muted" role="status">
            {t("requestMatches.count", { count: by === "firm" ? matches.firms.length : matches.products.length })}
          </p>
          {matches.products.length === 0 ? <p>{t("requestMatches.none")}</p> : null}
          {by === "product" ? (
            <ol className="match-list">
              {matches.products.map((match) => (
                <li key={match.productId} className="card match" aria-labelledby={`match-${match.productId}`}>
                  <div className="match__head">
                    <h2 className="match__title" id={`match-${match.productId}`}>
                      <Link to={`/${lang}/products/${match.productId}`} lang={match.productNameLocale ?? undefined}>
                        {match.productName}
                      </Link>
                    </h2>
                    <MatchScore score={match.score} />
                  </div>
                  <p className="match__meta">
                    {t("requestMatches.supplier")}{" "}
                    <Link to={`/${lang}/firms/${match.firmSlug}`} lang={match.firmNameLocale ?? undefined}>
                      {match.firmName}
                    </Link>
                    {" · "}{t("abbr.hs", { ns: "common" })} {formatHsCode(match.hsCode)}
                    {match.priceMinUsd !== null ? (
                      <>
                        {" · "}{t("abbr.fob", { ns: "common" })}{" "}
                        <FormattedUsd min={match.priceMinUsd} max={match.priceMaxUsd} />
                      </>
                    ) : null}
                  </p>
                  <MatchReasons reasons={match.reasons} />
                  {buyer ? (
                    <p>
                      <Link to={inquiryLink(match.firmId, match.productId)} className="button button--small">
                        {t("requestMatches.sendInquiry")}
                        <span className="visually-hidden"> — {match.productName}</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <ol className="match-list">
              {matches.firms.map((firm) => (
                <li key={firm.firmId} className="card match" aria-labelledby={`firm-${firm.firmId}`}>
                  <div className="match__head">
                    <h2 className="match__title" id={`firm-${firm.firmId}`}>
                      <Link to={`/${lang}/firms/${firm.firmSlug}`} lang={firm.firmNameLocale ?? undefined}>
                        {firm.firmName}
                      </Link>
                    </h2>
                    <MatchScore score={firm.score} />
                  </div>
                  <p className="match__meta">
                    {t("requestMatches.bestProduct")}{" "}
                    <Link to={`/${lang}/products/${firm.bestProductId}`}>{firm.bestProductName}</Link>
                  </p>
                  <MatchReasons reasons={firm.reasons} />
                  {buyer ? (
                    <p>
                      <Link to={inquiryLink(firm.firmId, firm.bestProductId)} className="button button--small">
                        {t("requestMatches.sendInquiry")}
                        <span className="visually-hidden"> — {firm.firmName}</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
