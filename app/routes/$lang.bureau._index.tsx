import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getBureauDashboard } from "~/modules/bureau/dashboard.server";
import { requireBureau } from "~/modules/access/user.server";
import { FormattedDate } from "~/components/formatted";
import { pageMeta } from "~/utils/meta";
import { TableWrap } from "~/components/table-wrap";
import { Figures } from "~/components/figures";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "bureau");
  return json({ title: t("overview.title"), dashboard: await getBureauDashboard(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BureauOverview() {
  const { t } = useTranslation("bureau");
  const { dashboard } = useLoaderData<typeof loader>();
  const { lang } = useParams();
  const figures = [
    { label: t("overview.firmsPending"), value: dashboard.firms.pending },
    { label: t("overview.firmsVerified"), value: dashboard.firms.verified },
    { label: t("overview.products"), value: dashboard.products },
    { label: t("overview.buyers"), value: dashboard.buyers },
    { label: t("overview.openRequests"), value: dashboard.openRequests },
    { label: t("overview.searchBacklog"), value: dashboard.outbox.pending },
    { label: t("overview.searchParked"), value: dashboard.outbox.parked },
  ];
  return (
    <div className="stack-lg">
      <h1>{t("overview.title")}</h1>
      <Figures label={t("overview.figures")} figures={figures} />
      <section aria-labelledby="pending-title" className="card">
        <h2 id="pending-title">{t("overview.pendingTitle")}</h2>
        {dashboard.pendingFirms.length === 0 ? (
          <p>{t("overview.nonePending")}</p>
        ) : (
          <TableWrap label={t("overview.pendingTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("overview.firm")}</th>
                  <th scope="col">{t("overview.uscc")}</th>
                  <th scope="col">{t("overview.town")}</th>
                  <th scope="col">{t("overview.registered")}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.pendingFirms.map((firm) => (
                  <tr key={firm.id}>
                    <td>
                      <Link to={`/${lang}/bureau/verification/${firm.id}`}>{firm.name}</Link>
                    </td>
                    <td className="mono">{firm.uscc ?? "—"}</td>
                    <td>{firm.town ?? "—"}</td>
                    <td><FormattedDate value={firm.createdAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
