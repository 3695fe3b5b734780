import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, TextareaField } from "~/components/forms";
import { TableWrap } from "~/components/table-wrap";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { REASON_MAX } from "~/modules/firm/verification.schema";
import { ReverificationDecisionSchema, ReverificationRejectSchema } from "~/modules/firm/reverification.schema";
import { decideReverification, getPendingChangeForReview } from "~/modules/firm/reverification.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { useFormatters } from "~/utils/format";

export const handle = { i18n: ["verification", "audit", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const review = await getPendingChangeForReview(params.firmId ?? "", locale);
  if (!review) notFound();
  const t = await getFixedT(locale, "verification");
  return json({ title: t("review.title", { name: review.firm.name }), ...review });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const review = await getPendingChangeForReview(params.firmId ?? "", "en");
  if (!review) notFound();
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: ReverificationDecisionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
  try {
    await decideReverification(review.firm.id, submission.value, { id: staff.id });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, done: null }, { status });
  }
  return json({ result: submission.reply({ resetForm: true }), done: submission.value.intent });
}

export default function ReverificationReview() {
  const { t } = useTranslation("verification");
  const { lang } = useParams();
  const { firm, rows, since } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const format = useFormatters();
  const [form, fields] = useForm({
    id: "reverification-reject",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReverificationRejectSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const label = (field: string) => (field.startsWith("name.") ? t("fields.nameIn", { lang: field.slice(5) }) : t(`fields.${field}`));
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/verification?status=REVERIFICATION`}>{t("review.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("review.title", { name: firm.name })}</h1>
        <p className="lead">{t("review.intro")}</p>
        <p>
          <Link to={`/${lang}/bureau/verification/${firm.id}`}>{firm.name}</Link>
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`review.done.${actionData.done}`)}
        </p>
      ) : null}
      <ErrorList id={form.errorId} errors={actionData?.done === null ? form.errors : undefined} />
      {rows.length === 0 ? (
        <p>{t("review.nothing")}</p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="change-title">
            <h2 id="change-title">{since ? t("review.since", { date: format.date(since) }) : null}</h2>
            <TableWrap label={t("review.title", { name: firm.name })}>
              <table className="stacking-table">
                <thead>
                  <tr>
                    <th scope="col">{t("review.field")}</th>
                    <th scope="col">{t("review.before")}</th>
                    <th scope="col">{t("review.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.field}>
                      <th scope="row" data-label={t("review.field")}>
                        {label(row.field)}
                      </th>
                      <td data-label={t("review.before")} lang={row.field.startsWith("name.") ? row.field.slice(5) : undefined}>
                        {row.before ?? t("review.empty")}
                      </td>
                      <td data-label={t("review.after")} lang={row.field.startsWith("name.") ? row.field.slice(5) : undefined}>
                        <strong>{row.after ?? t("review.empty")}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section className="card stack" aria-labelledby="decision-title">
            <h2 id="decision-title">{t("review.decision")}</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("review.approve")}
              </button>
              <p className="field__hint">{t("review.approveHint")}</p>
            </Form>
            <Form method="post" {...getFormProps(form)} className="stack decision-form">
              <input type="hidden" name="intent" value="reject" />
              <TextareaField label={t("review.rejectReason")} textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: REASON_MAX }} errors={fields.reason.errors} />
              <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
                {t("review.reject")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
