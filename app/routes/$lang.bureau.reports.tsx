import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormattedDate } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { listInquiryReports, resolveInquiryReport } from "~/modules/inquiry/moderation.server";
import { setAccountSuspended } from "~/modules/user/suspension.server";
import { requireBureau } from "~/modules/access/user.server";
import { invariantResponse } from "~/utils/http.server";
import { readFormData } from "~/utils/form.server";
import { throwDomainError } from "~/utils/domain-error.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";

export const handle = { i18n: ["inquiry", "bureau"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "inquiry");
  return json({ title: t("reports.title"), reports: await listInquiryReports(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resolve"), reportId: z.string().min(1).max(40) }),
  z.object({ intent: z.enum(["suspend", "reinstate"]), userId: z.string().min(1).max(40) }),
]);

/** Marks a report handled, or suspends / reinstates an account of a reported thread. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  invariantResponse(parsed.success, "Bad request");
  try {
    if (parsed.data.intent === "resolve") await resolveInquiryReport(staff.id, parsed.data.reportId);
    else await setAccountSuspended(staff.id, parsed.data.userId, parsed.data.intent === "suspend");
  } catch (error) {
    throwDomainError(error);
  }
  return json({ saved: true });
}

export default function InquiryReportsPage() {
  const { t, i18n } = useTranslation("inquiry");
  const { reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lang = i18n.language;
  return (
    <div className="stack-lg">
      <h1>{t("reports.title")}</h1>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("reports.saved")}
        </p>
      ) : null}
      {reports.length === 0 ? <p>{t("reports.none")}</p> : null}
      {reports.map((report) => (
        <section key={report.id} className="card stack" aria-labelledby={`report-${report.id}`}>
          <h2 id={`report-${report.id}`}>
            {t("thread.between", { buyer: report.buyerCompany, firm: report.firm })}
            {report.resolvedAt ? <span className="badge"> {t("reports.resolved")}</span> : null}
          </h2>
          <p className="muted">
            <FormattedDate value={report.createdAt} /> ·{" "}
            {t("reports.reportedBy", { name: report.reporter ?? "—", side: t(report.side === "FIRM" ? "thread.firmSide" : "thread.buyerSide") })}
          </p>
          <blockquote className="message__body">{report.reason}</blockquote>
          <p>
            <Link to={`/${lang}/inquiries/${report.inquiryId}`}>{t("reports.open")}</Link>
          </p>
          <h3>{t("reports.accounts")}</h3>
          <ul className="plain-list stack">
            {report.accounts.map((account) => (
              <li key={`${report.id}-${account.id}`} className="inline-form">
                <span>
                  {account.displayName} ({t(account.side === "FIRM" ? "thread.firmSide" : "thread.buyerSide")}) · {account.email} ·{" "}
                  <strong>{t(account.status === "ACTIVE" ? "reports.active" : "reports.suspended")}</strong>
                </span>
                <Form method="post">
                  <input type="hidden" name="userId" value={account.id} />
                  {account.status === "ACTIVE" ? (
                    <button type="submit" name="intent" value="suspend" className="button button--danger button--small">
                      {t("reports.suspend")} {account.displayName}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="reinstate" className="button button--secondary button--small">
                      {t("reports.reinstate")} {account.displayName}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
          {report.resolvedAt ? null : (
            <Form method="post">
              <input type="hidden" name="reportId" value={report.id} />
              <button type="submit" name="intent" value="resolve" className="button button--secondary">
                {t("reports.resolve")}
              </button>
            </Form>
          )}
        </section>
      ))}
    </div>
  );
}
