import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { ApplicationSummary } from "~/components/delegation-application";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireOwnApplication } from "~/modules/access/delegation-firm.server";
import { withdrawApplication } from "~/modules/delegation/applications.server";
import { ownApplication } from "~/modules/delegation/firm-view.server";
import { catalogStyles } from "~/styles/catalog";
import styles from "~/styles/delegation-firm.css";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["participation", "validation"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: styles }];

const WithdrawSchema = z.object({ intent: z.literal("withdraw", { errorMap: () => ({ message: "participation:errors.badIntent" }) }) });

/** /<lang>/delegations/applications/<id> — the firm follows its application: status, booth, subsidy, the bureau's reason; edits or withdraws it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { member, applicationId } = await requireOwnApplication(request, params.applicationId);
  const application = await ownApplication(applicationId, member.firmId, locale);
  if (!application) notFound();
  const t = await getFixedT(locale, "participation");
  const url = new URL(request.url);
  return json({
    title: t("view.title", { fair: application.call.edition.name }),
    application,
    flash: url.searchParams.has("applied") ? "applied" : url.searchParams.has("saved") ? "saved" : url.searchParams.has("withdrawn") ? "withdrawn" : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { actor, applicationId } = await requireOwnApplication(request, params.applicationId);
  const submission = parseSubmission(await readFormData(request), { schema: WithdrawSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await withdrawApplication(actor, applicationId);
    return redirect(`/${locale}/delegations/applications/${applicationId}?withdrawn=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function ApplicationPage() {
  const { t } = useTranslation("participation");
  const { lang } = useParams();
  const { application, flash } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const base = `/${lang}/delegations/applications/${application.id}`;
  return (
    <div className="stack-lg catalog-page">
      <p>
        <Link to={`/${lang}/delegations`}>{t("back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("view.title", { fair: application.call.edition.name })}</h1>
      </header>
      {flash ? (
        <p className="notice notice--success" role="status">
          {t(`view.flash.${flash}`)}
        </p>
      ) : null}
      <ErrorList errors={lastResult?.error?.[""] ?? lastResult?.error?.intent} />
      <ApplicationSummary application={application} documentHref={(id) => `${base}/documents/${id}`} />
      <div className="cluster no-print">
        {application.canEdit ? (
          <Link className="button" to={`${base}/edit`}>
            {t("view.edit")}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`${base}/print`}>
          {t("view.print")}
        </Link>
      </div>
      {application.canWithdraw ? (
        <Form method="post" className="card stack no-print">
          <p>{application.status === "APPROVED" ? t("view.withdrawApproved") : t("view.withdrawHint")}</p>
          <button type="submit" name="intent" value="withdraw" className="button button--danger">
            {t("view.withdraw")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
