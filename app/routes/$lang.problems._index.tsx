import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedDateTime } from "~/components/formatted";
import { ProblemStatusBadge } from "~/components/problem-thread";
import { TableWrap } from "~/components/table-wrap";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { listFirmProblems } from "~/modules/problem/problem.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["problems"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

/** The problems the signed-in member's firm raised with the bureau (all its members share them). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const problems = await listFirmProblems(member.firmId);
  const t = await getFixedT(locale, "problems");
  return json({ title: t("list.title"), problems }, { headers: { "Cache-Control": "private, no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function FirmProblemsPage() {
  const { t, i18n } = useTranslation("problems");
  const { problems } = useLoaderData<typeof loader>();
  const lang = i18n.language;
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("list.title")}</h1>
        <p className="lead">{t("list.intro")}</p>
        <p>
          <Link to={`/${lang}/problems/new`} className="button">
            {t("list.new")}
          </Link>
        </p>
      </header>
      {problems.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <TableWrap label={t("list.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("list.subject")}</th>
                <th scope="col">{t("list.category")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.raised")}</th>
                <th scope="col">{t("list.lastActivity")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem) => (
                <tr key={problem.id}>
                  <th scope="row">
                    <Link to={`/${lang}/problems/${problem.id}`}>{problem.subject}</Link>
                  </th>
                  <td>{t(`category.${problem.category}`)}</td>
                  <td>
                    <ProblemStatusBadge status={problem.status} />
                  </td>
                  <td>
                    <FormattedDate value={problem.createdAt} />
                  </td>
                  <td>
                    <FormattedDateTime value={problem.lastMessageAt} />
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

