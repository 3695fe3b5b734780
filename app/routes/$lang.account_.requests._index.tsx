import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { FormattedDate, FormattedNumber, FormattedUsd } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { quantityUnitName } from "~/modules/reference/units";
import { listCompanyRequests } from "~/modules/request/request.server";
import { requireBuyer } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["buyer", "import"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyer(request);
  const t = await getFixedT(locale, "buyer");
  return json({ title: t("requests.title"), locale, requests: await listCompanyRequests(buyer.buyerCompanyId, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function RequestList() {
  const { t } = useTranslation("buyer");
  const { lang } = useParams();
  const [searchParams] = useSearchParams();
  const { requests, locale } = useLoaderData<typeof loader>();
  const created = searchParams.get("created");
  return (
    <div className="stack-lg">
      <AccountNav />
      <header className="stack">
        <h1>{t("requests.title")}</h1>
        <p className="lead">{t("requests.intro")}</p>
        <p>
          <Link to={`/${lang}/account/requests/new`} className="button">
            {t("requests.new")}
          </Link>
        </p>
      </header>
      {created ? (
        <p className="notice notice--success" role="status">
          {t("requests.created")}
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p className="card">{t("requests.none")}</p>
      ) : (
        <ul className="request-list">
          {requests.map((request) => (
            <li key={request.id} className="card stack">
              <h2>
                <Link to={`/${lang}/account/requests/${request.id}`}>{request.title}</Link>
              </h2>
              <p>
                <span className={`badge ${request.status === "OPEN" ? "badge--verified" : ""}`}>{t(`status.${request.status}`)}</span>{" "}
                <span className="badge">{t(`visibility.${request.visibility}`)}</span>
              </p>
              <dl className="facts">
                <dt>{t("request.hsCodes")}</dt>
                <dd className="mono">{request.hsCodesText}</dd>
                {request.quantity ? (
                  <>
                    <dt>{t("request.quantity")}</dt>
                    <dd>
                      <FormattedNumber value={request.quantity} /> {quantityUnitName(request.unit, locale)}
                    </dd>
                  </>
                ) : null}
                {request.targetPriceUsd !== null ? (
                  <>
                    <dt>{t("request.targetPrice")}</dt>
                    <dd>
                      <FormattedUsd min={request.targetPriceUsd} />
                    </dd>
                  </>
                ) : null}
                {request.destinationCountryName ? (
                  <>
                    <dt>{t("request.destination")}</dt>
                    <dd>{request.destinationCountryName}</dd>
                  </>
                ) : null}
                {request.deadline ? (
                  <>
                    <dt>{t("request.deadline")}</dt>
                    <dd>
                      <FormattedDate value={request.deadline} />
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
