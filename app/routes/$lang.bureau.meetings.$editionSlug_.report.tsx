import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BarChart } from "~/components/bar-chart";
import { OutcomeForm } from "~/components/meeting-outcomes";
import { ComparisonTable, FiguresTable } from "~/components/meeting-report";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { BuyerOutcomeSchema, FirmOutcomeSchema } from "~/modules/meeting/outcome";
import { correctOutcome, recordedOutcomes } from "~/modules/meeting/outcome.server";
import { reportDimensions } from "~/modules/meeting/report";
import { fairReport } from "~/modules/meeting/report.server";
import { domainErrorReply, throwDomainError } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";
// The bar charts' styles live with the inquiry statistics, where the chart was first used.
import chartStyles from "~/styles/inquiry.css";
import { parseQuery } from "~/utils/query";

export const handle = { i18n: ["meetingReport", "meetings", "validation"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStyles }];

const ReportQuerySchema = z.object({ compare: z.string().max(80).optional().catch(undefined) });

/** The bureau's report of an edition's meetings: figures, breakdowns, charts, the comparison with another edition, corrections. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const { compare } = parseQuery(request, ReportQuerySchema);
  const [data, outcomes, t] = await Promise.all([fairReport(edition, locale, compare), recordedOutcomes(edition, locale), getFixedT(locale, "meetingReport")]);
  return json({ title: t("report.title", { fair: edition.name }), edition, ...data, outcomes });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const sideOf = (value: FormDataEntryValue | null) => (value === "BUYER" ? "BUYER" : value === "FIRM" ? "FIRM" : null);

/** Staff correct one side's record of a meeting (audited). */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const formData = await readFormData(request);
  const side = sideOf(formData.get("side"));
  if (!side) return json({ side, result: undefined, saved: false }, { status: 400 });
  formData.delete("side");
  try {
    if (side === "FIRM") {
      const submission = parseSubmission(formData, { schema: FirmOutcomeSchema });
      if (submission.status !== "success") return json({ side, result: submission.reply(), saved: false }, { status: 400 });
      try {
        await correctOutcome({ userId: staff.id }, edition, { side, value: submission.value });
      } catch (error) {
        const { result, status } = domainErrorReply(error, submission);
        return json({ side, result, saved: false }, { status });
      }
      return json({ side, result: submission.reply(), saved: true });
    }
    const submission = parseSubmission(formData, { schema: BuyerOutcomeSchema });
    if (submission.status !== "success") return json({ side, result: submission.reply(), saved: false }, { status: 400 });
    await correctOutcome({ userId: staff.id }, edition, { side, value: submission.value });
    return json({ side, result: submission.reply(), saved: true });
  } catch (error) {
    throwDomainError(error);
  }
}

export default function MeetingReport() {
  const { t } = useTranslation("meetingReport");
  const { lang } = useParams();
  const { title, edition, report, comparable, comparison, outcomes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const usd = (value: number) => `US$ ${value.toLocaleString(lang)}`;
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{title}</h1>
        <p className="lead">{t("report.intro")}</p>
        <p>
          <Link to={`/${lang}/bureau/meetings/${edition.slug}`}>{t("report.toSchedule")}</Link> ·{" "}
          <a href={`/${lang}/bureau/meetings/${edition.slug}/report.xlsx${comparison ? `?compare=${encodeURIComponent(comparison.edition.slug)}` : ""}`} download>
            {t("report.download")}
          </a>
        </p>
      </header>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("report.corrected")}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="report-totals">
        <h2 id="report-totals">{t("report.totals")}</h2>
        {comparable.length ? (
          <Form method="get" className="inline-form">
            <label htmlFor="compare">{t("report.compareWith")}</label>
            <select id="compare" name="compare" defaultValue={comparison?.edition.slug}>
              {comparable.map((entry) => (
                <option key={entry.slug} value={entry.slug}>
                  {entry.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary button--small">
              {t("report.compare")}
            </button>
          </Form>
        ) : (
          <p className="muted">{t("report.noEarlier")}</p>
        )}
        <ComparisonTable current={edition.shortName} totals={report.totals} comparison={comparison} />
        {comparison ? (
          <BarChart
            title={t("charts.comparison", { a: edition.shortName, b: comparison.edition.shortName })}
            description={t("charts.comparisonDescription")}
            data={(["requested", "scheduled", "held", "orders"] as const).flatMap((figure) => {
              const row = comparison.rows.find((entry) => entry.figure === figure)!;
              return [
                { label: `${t(`figures.${figure}`)} · ${edition.shortName}`, value: row.current ?? 0 },
                { label: `${t(`figures.${figure}`)} · ${comparison.edition.shortName}`, value: row.earlier ?? 0 },
              ];
            })}
          />
        ) : null}
      </section>
      <section className="stack" aria-labelledby="report-charts">
        <h2 id="report-charts">{t("report.charts")}</h2>
        <BarChart title={t("charts.heldByCluster")} description={t("charts.heldByClusterDescription")} data={report.by.cluster.slice(0, 12).map((group) => ({ label: group.label, value: group.figures.held }))} />
        <BarChart
          title={t("charts.intendedByCountry")}
          description={t("charts.intendedByCountryDescription")}
          data={report.by.country.slice(0, 12).map((group) => ({ label: group.label, value: group.figures.intendedUsd }))}
          formatValue={usd}
          variant="response"
        />
      </section>
      {reportDimensions.map((dimension) => (
        <section key={dimension} className="stack" aria-labelledby={`report-${dimension}`}>
          <h2 id={`report-${dimension}`}>{t(`report.by.${dimension}`)}</h2>
          <FiguresTable dimension={dimension} groups={report.by[dimension]} />
        </section>
      ))}
      <section className="stack" aria-labelledby="report-outcomes">
        <h2 id="report-outcomes">{t("report.outcomes")}</h2>
        <p className="muted">{t("report.correctHint")}</p>
        {outcomes.length === 0 ? <p>{t("report.noOutcomes")}</p> : null}
        <ul className="plain-list stack">
          {outcomes.map((row) => (
            <li key={`${row.requestId}-${row.side}`} className="card stack" data-request={row.requestId} data-side={row.side}>
              <details>
                <summary>
                  {row.firm} · {row.buyer} · {t(`side.${row.side}`)}: {t(`attendance.${row.record?.attendance ?? "HELD"}`)}
                </summary>
                <OutcomeForm side={row.side} row={row} lastResult={actionData?.side === row.side ? actionData.result : undefined} hidden={{ side: row.side }} />
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
