import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/bar-chart";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { listSessionsForBureau } from "~/modules/training/training.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["training"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "training");
  return json({ title: t("bureau.title"), sessions: await listSessionsForBureau(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BureauTraining() {
  const { t } = useTranslation("training");
  const { lang } = useParams();
  const { sessions } = useLoaderData<typeof loader>();
  const recorded = sessions.filter((session) => session.figures.attended + session.figures.absent > 0);
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("bureau.title")}</h1>
        <p className="lead">{t("bureau.intro")}</p>
        <p>
          <Link className="button" to={`/${lang}/bureau/training/new`}>
            {t("bureau.new")}
          </Link>
        </p>
      </header>
      {sessions.length === 0 ? (
        <p>{t("bureau.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.when")}</th>
              <th scope="col">{t("columns.registered")}</th>
              <th scope="col">{t("columns.attended")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  <Link to={`/${lang}/bureau/training/${session.id}`}>{session.title}</Link>
                  {session.cancelled ? <span className="badge">{t("bureau.cancelledBadge")}</span> : null}
                </td>
                <td>{session.when}</td>
                <td>{t("bureau.seats", { registered: session.figures.registered, capacity: session.capacity })}</td>
                <td>{session.figures.attended + session.figures.absent > 0 ? t("bureau.attendedOf", { attended: session.figures.attended, recorded: session.figures.attended + session.figures.absent }) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recorded.length > 0 ? (
        <section className="stack">
          <h2>{t("bureau.chartTitle")}</h2>
          <BarChart
            title={t("bureau.chartTitle")}
            description={t("bureau.chartDescription")}
            data={recorded.map((session) => ({ label: session.title, value: session.figures.attended }))}
          />
        </section>
      ) : null}
    </div>
  );
}
