import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/bar-chart";
import { FormattedDateTime } from "~/components/formatted";
import { noticeReadBars } from "~/modules/notice/figures";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { listNoticesForBureau } from "~/modules/notice/notice.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["notices"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "notices");
  return json({ title: t("bureau.title"), notices: await listNoticesForBureau(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BureauNotices() {
  const { t } = useTranslation("notices");
  const { lang } = useParams();
  const { notices } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("bureau.title")}</h1>
        <p className="lead">{t("bureau.intro")}</p>
        <p>
          <Link className="button" to={`/${lang}/bureau/notices/new`}>
            {t("bureau.new")}
          </Link>
        </p>
      </header>
      {notices.length === 0 ? (
        <p>{t("bureau.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("bureau.columns.title")}</th>
              <th scope="col">{t("bureau.columns.category")}</th>
              <th scope="col">{t("bureau.columns.status")}</th>
              <th scope="col">{t("bureau.columns.when")}</th>
              <th scope="col">{t("bureau.columns.read")}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((notice) => (
              <tr key={notice.id}>
                <td>
                  <Link to={`/${lang}/bureau/notices/${notice.id}`}>{notice.title}</Link> {notice.isPublic ? <span className="badge">{t("public")}</span> : null}
                </td>
                <td>{t(`category.${notice.category}`, { defaultValue: notice.category })}</td>
                <td>{t(`status.${notice.status}`)}</td>
                <td>{notice.sentAt ? <FormattedDateTime value={notice.sentAt} /> : notice.scheduledAt ? <FormattedDateTime value={notice.scheduledAt} /> : "—"}</td>
                <td>{notice.status === "SENT" ? t("bureau.readOf", { read: notice.readCount, total: notice.recipientCount }) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {noticeReadBars(notices).length ? (
        <section className="stack">
          <h2>{t("bureau.chartTitle")}</h2>
          <BarChart title={t("bureau.chartTitle")} description={t("bureau.chartDescription")} data={noticeReadBars(notices)} formatValue={(value) => `${value}%`} />
        </section>
      ) : null}
    </div>
  );
}
