import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/bar-chart";
import { PeriodForm } from "~/components/figures";
import { FormattedNumber } from "~/components/formatted";
import { TableWrap } from "~/components/table-wrap";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { figureDimensions } from "~/modules/inquiry/figures";
import { getInquiryFigures, readFiguresQuery } from "~/modules/inquiry/figures.server";
import { requireBureau } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["inquiry", "bureau"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];


/** Inquiry volumes and response times by town, cluster or buyer country over a period (bureau only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { by, period, from, to } = readFiguresQuery(request, figureDimensions, "town");
  const figures = await getInquiryFigures(by, period, locale);
  const t = await getFixedT(locale, "inquiry");
  return json({ title: t("figures.title"), by, from, to, figures });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function InquiryFiguresPage() {
  const { t, i18n } = useTranslation("inquiry");
  const { by, from, to, figures } = useLoaderData<typeof loader>();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const dimension = t(`figures.dimension.${by}`);
  const label = (row: { label: string | null }) => row.label ?? t("figures.unknown");
  const volumes = figures.rows.map((row) => ({ label: label(row), value: row.inquiries }));
  const response = figures.rows.filter((row) => row.medianResponseHours !== null).map((row) => ({ label: label(row), value: row.medianResponseHours ?? 0 }));
  const summary = (data: { label: string; value: number }[]) =>
    data.map((datum) => t("figures.chartSummary", { label: datum.label, value: number.format(datum.value) })).join("; ");
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("figures.title")}</h1>
        <p className="lead">{t("figures.intro")}</p>
      </header>
      <PeriodForm ns="inquiry" idPrefix="figures" from={from} to={to} by={by} dimensions={figureDimensions} />
      {figures.rows.length === 0 ? (
        <p>{t("figures.none")}</p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="figures-table-title">
            <h2 id="figures-table-title">{t("figures.volumeChart", { dimension })}</h2>
            <TableWrap label={t("figures.volumeChart", { dimension })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{dimension}</th>
                    <th scope="col">{t("figures.inquiries")}</th>
                    <th scope="col">{t("figures.answered")}</th>
                    <th scope="col">{t("figures.answerRate")}</th>
                    <th scope="col">{t("figures.medianHours")}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.rows.map((row) => (
                    <tr key={row.key ?? "unknown"}>
                      <th scope="row">{label(row)}</th>
                      <td><FormattedNumber value={row.inquiries} /></td>
                      <td><FormattedNumber value={row.answered} /></td>
                      <td>{row.answerRatePercent === null ? "—" : `${row.answerRatePercent}%`}</td>
                      <td suppressHydrationWarning>{row.medianResponseHours === null ? "—" : number.format(row.medianResponseHours)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("figures.total")}</th>
                    <td><FormattedNumber value={figures.total.inquiries} /></td>
                    <td><FormattedNumber value={figures.total.answered} /></td>
                    <td>{figures.total.answerRatePercent === null ? "—" : `${figures.total.answerRatePercent}%`}</td>
                    <td suppressHydrationWarning>{figures.total.medianResponseHours === null ? "—" : number.format(figures.total.medianResponseHours)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
            <BarChart title={t("figures.volumeChart", { dimension })} description={summary(volumes)} data={volumes} formatValue={(value) => number.format(value)} />
          </section>
          {response.length ? (
            <section className="card stack" aria-labelledby="figures-response-title">
              <h2 id="figures-response-title">{t("figures.responseChart", { dimension })}</h2>
              <BarChart
                title={t("figures.responseChart", { dimension })}
                description={summary(response)}
                data={response}
                formatValue={(value) => number.format(value)}
                variant="response"
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
