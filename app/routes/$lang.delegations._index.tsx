import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { FormattedDateRange } from "~/components/formatted";
import { ReasonList, StatusBadge, VenueDateTime } from "~/components/delegation-firm";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { delegationsForFirm } from "~/modules/delegation/firm-view.server";
import { catalogStyles } from "~/styles/catalog";
import styles from "~/styles/delegation-firm.css";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["participation", "buyer", "import"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: styles }];

/** /<lang>/delegations — a firm's fairs and delegations: the open calls it may apply to, the others with why not, its applications. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const [view, t] = await Promise.all([delegationsForFirm(member.firmId, locale), getFixedT(locale, "participation")]);
  return json({ title: t("index.title"), view });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export default function FirmDelegationsPage() {
  const { t } = useTranslation("participation");
  const { lang } = useParams();
  const { view } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg catalog-page">
      <AccountNav />
      <header className="stack">
        <h1>{t("index.title")}</h1>
        <p className="lead">{t("index.lead")}</p>
      </header>
      <section aria-labelledby="calls-open" className="stack">
        <h2 id="calls-open">{t("index.eligible")}</h2>
        {view.eligible.length === 0 ? <p>{t("index.noEligible")}</p> : null}
        <ul className="call-list">
          {view.eligible.map((call) => (
            <li key={call.callId} className="card stack">
              <h3>
                <Link to={`/${lang}/delegations/calls/${call.callId}`}>{call.edition.name}</Link>
              </h3>
              <p className="muted">
                {call.edition.city} · <FormattedDateRange from={call.edition.startsOn} to={call.edition.endsOn} />
              </p>
              <p>
                {t("index.deadline")} <VenueDateTime value={call.deadline} zone={call.edition.timeZone} />
              </p>
              {call.applicationId ? (
                <p>
                  <Link to={`/${lang}/delegations/applications/${call.applicationId}`}>{t("index.yourApplication")}</Link>
                </p>
              ) : (
                <p>
                  <Link className="button button--small" to={`/${lang}/delegations/calls/${call.callId}`}>
                    {t("index.apply")}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      {view.ineligible.length ? (
        <section aria-labelledby="calls-other" className="stack">
          <h2 id="calls-other">{t("index.ineligible")}</h2>
          <ul className="call-list">
            {view.ineligible.map((call) => (
              <li key={call.callId} className="card stack">
                <h3>
                  <Link to={`/${lang}/delegations/calls/${call.callId}`}>{call.edition.name}</Link>
                </h3>
                <p>
                  {t("index.deadline")} <VenueDateTime value={call.deadline} zone={call.edition.timeZone} />
                </p>
                <p>{t("index.whyNot")}</p>
                <ReasonList reasons={call.reasons} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="own-applications" className="stack">
        <h2 id="own-applications">{t("index.applications")}</h2>
        {view.applications.length === 0 ? (
          <p>{t("index.noApplications")}</p>
        ) : (
          <ul className="call-list">
            {view.applications.map((application) => (
              <li key={application.id} className="card">
                <Link to={`/${lang}/delegations/applications/${application.id}`}>{application.edition.name}</Link> <StatusBadge status={application.status} />
                {application.booth ? <span className="muted"> · {t("view.boothNumber", { booth: application.booth })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
