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
import { requireBureau } from "~/modules/access/user.server";
import { readFiguresQuery } from "~/modules/inquiry/figures.server";
import { ageBands, problemFigureDimensions } from "~/modules/problem/figures";
import { getProblemFigures } from "~/modules/problem/figures.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["problems", "bureau"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];


/** Problems raised over a period: open and closed, age, time to first answer, deadline kept, ratings; by category, town or cluster (bureau only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { by, period, from, to } = readFiguresQuery(request, problemFigureDimensions, "category");
  const figures = await getProblemFigures(by, period, locale);
  const t = await getFixedT(locale, "problems");
  return json({ title: t("figures.title"), by, from, to, figures });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function ProblemFiguresPage() {
  const { t, i18n } = useTranslation("problems");
  const { by, from, to, figures } = useLoaderData<typeof loader>();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const dimension = t(`figures.dimension.${by}`);
  const label = (group: { key: string | null; label: string | null }) => (by === "category" && group.key ? t(`category.${group.key}`) : (group.label ?? t("figures.unknown")));
  const summary = (data: { label: string; value: number }[]) => data.map((datum) => t("figures.chartSummary", { label: datum.label, value: number.format(datum.value) })).join("; ");
  const raised = figures.groups.map((group) => ({ label: label(group), value: group.raised }));
  const response = figures.groups.filter((group) => group.medianFirstAnswerHours !== null).map((group) => ({ label: label(group), value: group.medianFirstAnswerHours ?? 0 }));
  const ages = ageBands.map((band) => ({ label: t(`figures.age.${band.key}`), value: figures.total.openByAge[band.key] }));
  const ratings = [5, 4, 3, 2, 1].map((stars) => ({ label: t("thread.stars", { count: stars }), value: figures.total.ratingCounts[stars - 1] }));
  const percent = (value: number | null) => (value === null ? "—" : `${value}%`);
  const maybe = (value: number | null) => (value === null ? "—" : number.format(value));
  const columns = [
    ["raised", (g: (typeof figures.groups)[number]) => g.raised],
    ["open", (g: (typeof figures.groups)[number]) => g.open],
    ["answered", (g: (typeof figures.groups)[number]) => g.answered],
    ["closed", (g: (typeof figures.groups)[number]) => g.closed],
    ["overdue", (g: (typeof figures.groups)[number]) => g.overdue],
  ] as const;
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("figures.title")}</h1>
        <p className="lead">{t("figures.intro")}</p>
      </header>
      <PeriodForm ns="problems" idPrefix="problem-figures" from={from} to={to} by={by} dimensions={problemFigureDimensions} />
      <section className="card stack" aria-labelledby="problem-figures-table">
        <h2 id="problem-figures-table">{t("figures.byDimension", { dimension })}</h2>
        <TableWrap label={t("figures.byDimension", { dimension })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                {columns.map(([key]) => (
                  <th scope="col" key={key}>
                    {t(`figures.${key}`)}
                  </th>
                ))}
                <th scope="col">{t("figures.slaMet")}</th>
                <th scope="col">{t("figures.medianHours")}</th>
                <th scope="col">{t("figures.averageRating")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.groups.map((group) => (
                <tr key={group.key ?? "unknown"}>
                  <th scope="row">{label(group)}</th>
                  {columns.map(([key, value]) => (
                    <td key={key}>
                      <FormattedNumber value={value(group)} />
                    </td>
                  ))}
                  <td>{percent(group.slaMetPercent)}</td>
                  <td suppressHydrationWarning>{maybe(group.medianFirstAnswerHours)}</td>
                  <td suppressHydrationWarning>{maybe(group.averageRating)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("figures.total")}</th>
                {columns.map(([key, value]) => (
                  <td key={key}>
                    <FormattedNumber value={value({ ...figures.total, key: null, label: null })} />
                  </td>
                ))}
                <td>{percent(figures.total.slaMetPercent)}</td>
                <td suppressHydrationWarning>{maybe(figures.total.medianFirstAnswerHours)}</td>
                <td suppressHydrationWarning>{maybe(figures.total.averageRating)}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <BarChart title={t("figures.byDimension", { dimension })} description={summary(raised)} data={raised} formatValue={(value) => number.format(value)} />
      </section>
      {response.length ? (
        <section className="card stack" aria-labelledby="problem-figures-response">
          <h2 id="problem-figures-response">{t("figures.responseTitle", { dimension })}</h2>
          <BarChart title={t("figures.responseTitle", { dimension })} description={summary(response)} data={response} formatValue={(value) => number.format(value)} variant="response" />
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="problem-figures-age">
        <h2 id="problem-figures-age">{t("figures.ageTitle")}</h2>
        <BarChart title={t("figures.ageTitle")} description={summary(ages)} data={ages} formatValue={(value) => number.format(value)} />
      </section>
      <section className="card stack" aria-labelledby="problem-figures-ratings">
        <h2 id="problem-figures-ratings">{t("figures.ratingTitle")}</h2>
        <BarChart title={t("figures.ratingTitle")} description={summary(ratings)} data={ratings} formatValue={(value) => number.format(value)} />
      </section>
    </div>
  );
}
