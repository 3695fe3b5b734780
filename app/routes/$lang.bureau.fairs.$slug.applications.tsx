import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { getCallWorkspace, rankedApplicationsForBureau } from "~/modules/delegation/bureau-view.server";
import { weightsFromQuery } from "~/modules/delegation/bureau.schema";
import { runBureauAction } from "~/modules/delegation/bureau-actions.server";
import { scoreCriteria } from "~/modules/delegation/scoring";
import { ApplicationActions, ApplicationState, ScoreBreakdown, type RowAnswer } from "~/components/delegation/application-row";
import { ErrorList } from "~/components/forms";
import { TableWrap } from "~/components/table-wrap";
import { throwDomainError } from "~/utils/domain-error.server";
import { readFormData } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["delegation", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { edition, call } = await getCallWorkspace(params.slug ?? "", locale).catch(throwDomainError);
  if (!call) notFound();
  // The what-if: weights tried in the query string rank the list; nothing is saved.
  const tried = weightsFromQuery(new URL(request.url).searchParams);
  const weights = tried ? { ...call.weights, ...tried } : call.weights;
  const { ranked, withdrawn } = await rankedApplicationsForBureau(call.id, locale, tried ? weights : undefined);
  return json({ title: edition.shortName, edition, call, weights, whatIf: !!tried, ranked, withdrawn });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const { call } = await getCallWorkspace(params.slug ?? "", locale).catch(throwDomainError);
  if (!call) notFound();
  const { status, ...answer } = await runBureauAction({ userId: staff.id }, call.id, await readFormData(request));
  return json(answer, { status });
}

export default function RankedApplications() {
  const { t } = useTranslation("delegation");
  const { lang } = useParams();
  const { edition, call, weights, whatIf, ranked, withdrawn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const answer = actionData as RowAnswer | undefined;
  // Refusals of the whole form show at the top (the row may be gone: a withdrawn firm); a field's error beside its field.
  const errors = actionData?.result?.error ?? {};
  const toolErrors = actionData ? (actionData.applicationId ? (errors[""] ?? []) : Object.values(errors).flat()) : undefined;
  const approved = call.counts.APPROVED ?? 0;
  const exportHref = (kind: string, format: string) => `/${lang}/bureau/fairs/${edition.slug}/export?kind=${kind}&format=${format}`;
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/fairs`}>{t("fairs.back")}</Link> · <Link to={`/${lang}/bureau/fairs/${edition.slug}/call`}>{t("fairs.openCall")}</Link>
      </p>
      <header className="stack">
        <h1>{t("ranking.title", { edition: edition.shortName })}</h1>
        <p>
          <span className={`badge badge--call-${call.status.toLowerCase()}`}>{t(`callStatus.${call.status}`)}</span> {t("ranking.places", { approved, quota: call.quota })}
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`ranking.done.${actionData.done}`, { count: actionData.count ?? 0 })}
        </p>
      ) : null}
      <ErrorList errors={toolErrors} />

      <section className="card stack" aria-labelledby="weights-title">
        <h2 id="weights-title">{t("ranking.weights")}</h2>
        <p className="field__hint">{t("ranking.whatIfHint")}</p>
        <Form method="get" className="weights-grid">
          {scoreCriteria.map((criterion) => (
            <label key={criterion}>
              {t(`criteria.${criterion}`)}
              <input type="number" name={`w.${criterion}`} min={0} max={100} step="any" defaultValue={weights[criterion]} key={`${criterion}-${weights[criterion]}`} />
            </label>
          ))}
          <p className="cluster">
            <button type="submit" className="button button--secondary">
              {t("ranking.tryWeights")}
            </button>
            {whatIf ? <Link to="?">{t("ranking.resetWeights")}</Link> : null}
          </p>
        </Form>
        {whatIf ? (
          <Form method="post" className="cluster">
            <p className="notice">{t("ranking.whatIfShown")}</p>
            <input type="hidden" name="intent" value="weights" />
            {scoreCriteria.map((criterion) => (
              <input key={criterion} type="hidden" name={`weights.${criterion}`} value={weights[criterion]} />
            ))}
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("ranking.saveWeights")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="ranked-title">
        <h2 id="ranked-title">{t("ranking.list", { count: ranked.length })}</h2>
        {ranked.length === 0 ? (
          <p>{t("ranking.none")}</p>
        ) : (
          <TableWrap label={t("ranking.list", { count: ranked.length })}>
            <table className="ranking">
              <thead>
                <tr>
                  <th scope="col">{t("ranking.rank")}</th>
                  <th scope="col">{t("ranking.firm")}</th>
                  <th scope="col">{t("ranking.score")}</th>
                  <th scope="col">{t("ranking.state")}</th>
                  <th scope="col">{t("ranking.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((row) => (
                  <tr key={row.id} data-application={row.id}>
                    <td>
                      {row.rank}
                      {row.move ? <small className={row.move > 0 ? "move move--up" : "move move--down"}> {t(row.move > 0 ? "ranking.up" : "ranking.down", { count: Math.abs(row.move) })}</small> : null}
                    </td>
                    <td>
                      <strong>{row.firmName}</strong>
                      <br />
                      <small>
                        {[row.town, row.cluster].filter(Boolean).join(" · ")} · {t("ranking.applied", { booth: row.boothTypeCode, products: row.products, attendees: row.attendees })}
                        {row.keepWithCluster ? ` · ${t("ranking.keepWithCluster")}` : ""}
                      </small>
                    </td>
                    <td>
                      <strong>
                        {row.total}/{row.max}
                      </strong>
                      <ScoreBreakdown parts={row.parts} />
                    </td>
                    <td>
                      <ApplicationState row={row} />
                    </td>
                    <td>
                      <ApplicationActions row={row} answer={answer} callStatus={call.status} boothNumbers={call.boothNumbers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <datalist id="booth-numbers">
          {call.boothNumbers.map((number) => (
            <option key={number} value={number} />
          ))}
        </datalist>
        {withdrawn.length ? (
          <>
            <h3>{t("ranking.withdrawn")}</h3>
            <ul>
              {withdrawn.map((row) => (
                <li key={row.id}>{row.firmName}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="tools-title">
        <h2 id="tools-title">{t("ranking.tools")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="fill" />
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("ranking.fill")}
          </button>
        </Form>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="floorPlan" />
          <label>
            {t("ranking.floorPlan")}
            <textarea name="floorPlan" rows={6} defaultValue={typeof actionData?.result?.initialValue?.floorPlan === "string" ? actionData.result.initialValue.floorPlan : call.floorPlan} />
          </label>
          <p className="field__hint">{t("ranking.floorPlanHint", { types: call.boothTypes.map((type) => type.code).join(", ") })}</p>
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("ranking.saveFloorPlan")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("ranking.assign")}
          </button>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="exports-title">
        <h2 id="exports-title">{t("ranking.exports")}</h2>
        <ul className="cluster plain-list">
          <li>
            <a href={exportHref("roster", "xlsx")} download>
              {t("ranking.rosterXlsx")}
            </a>
          </li>
          <li>
            <a href={exportHref("roster", "csv")} download>
              {t("ranking.rosterCsv")}
            </a>
          </li>
          <li>
            <a href={exportHref("applications", "xlsx")} download>
              {t("ranking.applicationsXlsx")}
            </a>
          </li>
          <li>
            <a href={exportHref("applications", "csv")} download>
              {t("ranking.applicationsCsv")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
