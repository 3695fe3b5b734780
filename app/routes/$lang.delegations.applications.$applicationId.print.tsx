import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationSummary } from "~/components/delegation-application";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireOwnApplication } from "~/modules/access/delegation-firm.server";
import { ownApplication } from "~/modules/delegation/firm-view.server";
import styles from "~/styles/delegation-firm.css";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["participation"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** /<lang>/delegations/applications/<id>/print — the firm's own application on paper (print styles hide the site's chrome). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { member, applicationId } = await requireOwnApplication(request, params.applicationId);
  const application = await ownApplication(applicationId, member.firmId, locale);
  if (!application) notFound();
  const { allProducts: _products, ...shown } = application;
  const t = await getFixedT(locale, "participation");
  return json({ title: t("print.title", { fair: application.call.edition.name }), application: shown, printedAt: new Date().toISOString() });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export default function PrintApplicationPage() {
  const { t } = useTranslation("participation");
  const { lang } = useParams();
  const { application } = useLoaderData<typeof loader>();
  return (
    <article className="stack-lg print-sheet">
      <p className="no-print">
        <Link to={`/${lang}/delegations/applications/${application.id}`}>{t("edit.back")}</Link> · {t("print.hint")}
      </p>
      <header className="stack">
        <h1>{t("print.title", { fair: application.call.edition.name })}</h1>
        <p className="muted">{t("print.reference", { id: application.id })}</p>
      </header>
      <ApplicationSummary application={application} documentHref={(id) => `/${lang}/delegations/applications/${application.id}/documents/${id}`} />
    </article>
  );
}
