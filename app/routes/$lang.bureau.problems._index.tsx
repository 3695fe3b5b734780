import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/formatted";
import { ProblemStatusBadge } from "~/components/problem-thread";
import { TableWrap } from "~/components/table-wrap";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { BureauProblemQuerySchema } from "~/modules/problem/problem.schema";
import { listBureauProblems } from "~/modules/problem/problem.server";
import { problemCategories, problemStatuses } from "~/modules/problem/status";
import { useFormatters } from "~/utils/format";
import { pageMeta } from "~/utils/meta";
import { parseQuery } from "~/utils/query";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["problems", "bureau"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

/** The bureau's queue of problems raised by firms, filtered by status, category and assignment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireBureau(request);
  const filter = parseQuery(request, BureauProblemQuerySchema);
  const problems = await listBureauProblems(filter, user.id, locale);
  const t = await getFixedT(locale, "problems");
  return json({ title: t("bureau.title"), filter, problems }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function BureauProblemsPage() {
  const { t, i18n } = useTranslation("problems");
  const { filter, problems } = useLoaderData<typeof loader>();
  const format = useFormatters();
  const lang = i18n.language;
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("bureau.title")}</h1>
        <p className="lead">{t("bureau.intro")}</p>
        <p>
          <Link to={`/${lang}/bureau/problems/figures`}>{t("nav.figures")}</Link>
        </p>
      </header>
      <Form method="get" className="period-form card" aria-label={t("bureau.filters")}>
        <div className="field">
          <label htmlFor="problems-status">{t("bureau.status")}</label>
          <select id="problems-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("bureau.any")}</option>
            {problemStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="problems-category">{t("bureau.category")}</label>
          <select id="problems-category" name="category" defaultValue={filter.category ?? ""}>
            <option value="">{t("bureau.any")}</option>
            {problemCategories.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="problems-assigned">{t("bureau.assigned")}</label>
          <select id="problems-assigned" name="assigned" defaultValue={filter.assigned ?? ""}>
            <option value="">{t("bureau.any")}</option>
            <option value="me">{t("bureau.me")}</option>
            <option value="none">{t("bureau.none")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("bureau.show")}
        </button>
      </Form>
      {problems.length === 0 ? (
        <p>{t("bureau.empty")}</p>
      ) : (
        <TableWrap label={t("bureau.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("list.subject")}</th>
                <th scope="col">{t("bureau.firm")}</th>
                <th scope="col">{t("list.category")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.deadline")}</th>
                <th scope="col">{t("bureau.assignee")}</th>
                <th scope="col">{t("list.raised")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem) => (
                <tr key={problem.id}>
                  <th scope="row">
                    <Link to={`/${lang}/problems/${problem.id}`}>{problem.subject}</Link>
                  </th>
                  <td>{problem.firm.name}</td>
                  <td>{t(`category.${problem.category}`)}</td>
                  <td>
                    <ProblemStatusBadge status={problem.status} />
                  </td>
                  <td suppressHydrationWarning className={problem.sla === "overdue" ? "problem-sla--overdue" : undefined}>
                    {problem.sla ? t(`sla.${problem.sla}`, { date: format.dateTime(problem.firstAnswerDueAt) }) : "—"}
                  </td>
                  <td>{problem.assignee ?? t("thread.nobody")}</td>
                  <td>
                    <FormattedDate value={problem.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
