import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, TextareaField } from "~/components/forms";
import { AuditTrail } from "~/components/audit-trail";
import { FormattedDate, FormattedDateTime } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { firmHistory } from "~/modules/audit/audit-log.server";
import { decideVerification, getFirmForVerification } from "~/modules/firm/verification.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { REASON_MAX, ReasonDecisionSchema, VerificationDecisionSchema } from "~/modules/firm/verification.schema";
import { requireBureau } from "~/modules/access/user.server";
import { notFound } from "~/utils/http.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["audit", "validation", "verification"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const firm = await getFirmForVerification(params.firmId ?? "", locale);
  if (!firm) notFound();
  const t = await getFixedT(locale, "audit");
  return json({ title: t("review.title", { name: firm.name }), firm, history: await firmHistory(firm.id, locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const firm = await getFirmForVerification(params.firmId ?? "", "en");
  if (!firm) notFound();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const submission = parseSubmission(formData, { schema: VerificationDecisionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), intent, done: null }, { status: 400 });
  try {
    await decideVerification(firm.id, submission.value, { id: staff.id });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, intent, done: null }, { status });
  }
  return json({ result: submission.reply({ resetForm: true }), intent, done: submission.value.intent });
}

function ReasonForm({ intent, label, submit, danger }: { intent: "reject" | "unverify"; label: string; submit: string; danger?: boolean }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `decision-${intent}`,
    // Both reason forms share one action: each takes only its own answer.
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReasonDecisionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack decision-form">
      <input type="hidden" name="intent" value={intent} />
      <TextareaField label={label} textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: REASON_MAX }} errors={fields.reason.errors} />
      <button type="submit" className={danger ? "button button--danger" : "button button--secondary"} disabled={navigation.state === "submitting"}>
        {submit}
      </button>
    </Form>
  );
}

export default function FirmReview() {
  const { t } = useTranslation("audit");
  const { t: tv } = useTranslation("validation");
  const { t: tr } = useTranslation("verification");
  const { lang } = useParams();
  const { firm, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formErrors = actionData?.intent === "verify" || actionData?.done === null ? actionData?.result?.error?.[""] : undefined;
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/verification?status=${firm.verification}`}>{t("review.back")}</Link>
      </p>
      <header className="stack">
        <h1>{firm.name || t("firm.unnamed")}</h1>
        <p>
          <span className={`badge badge--${firm.verification.toLowerCase()}`}>{t(`status.${firm.verification}`)}</span>{" "}
          {firm.published ? <span className="badge">{t("review.public")}</span> : <span className="badge">{t("review.notPublic")}</span>}
        </p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`review.done.${actionData.done}`)}
        </p>
      ) : null}
      <ErrorList errors={formErrors} />
      {firm.hasPendingChange || firm.held ? (
        <ul className="plain-list">
          {firm.hasPendingChange ? (
            <li>
              <Link to={`/${lang}/bureau/verification/${firm.id}/change`}>{tr("review.openChange")}</Link>
            </li>
          ) : null}
          {firm.held ? (
            <li>
              <Link to={`/${lang}/bureau/verification/${firm.id}/held`}>{tr("held.link")}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <section className="card stack" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("review.facts")}</h2>
        <dl className="facts">
          <dt>{t("firm.uscc")}</dt>
          <dd>
            {firm.uscc ? (
              <>
                <span className="mono">{firm.uscc}</span>{" "}
                {firm.usccProblem ? (
                  <span className="badge badge--rejected">{tv(`uscc.${firm.usccProblem}`)}</span>
                ) : (
                  <span className="badge badge--verified">{t("review.usccChecked")}</span>
                )}
              </>
            ) : (
              t("firm.usccMissing")
            )}
          </dd>
          {firm.names.map((name) => (
            <FactRow key={name.lang} label={t("review.nameIn", { lang: t(`languages.${name.lang}`, { defaultValue: name.lang }) })} value={name.text} />
          ))}
          <FactRow label={t("firm.town")} value={firm.town} />
          <FactRow label={t("review.cluster")} value={firm.cluster} />
          <FactRow label={t("review.externalId")} value={firm.externalId} />
          <FactRow label={t("review.website")} value={firm.website} />
          <FactRow label={t("review.email")} value={firm.email} />
          <FactRow label={t("review.phone")} value={firm.phone} />
          <dt>{t("firm.products")}</dt>
          <dd>{firm.products}</dd>
          <dt>{t("firm.registered")}</dt>
          <dd>
            <FormattedDate value={firm.createdAt} />
          </dd>
          {firm.verifiedAt ? (
            <>
              <dt>{t("review.verifiedAt")}</dt>
              <dd>
                <FormattedDateTime value={firm.verifiedAt} />
              </dd>
            </>
          ) : null}
          {firm.verificationReason ? <FactRow label={t("review.reason")} value={firm.verificationReason} /> : null}
          <dt>{t("review.members")}</dt>
          <dd>
            {firm.members.length ? (
              <ul className="plain-list">
                {firm.members.map((member) => (
                  <li key={member.email}>
                    {member.displayName} ({member.email})
                  </li>
                ))}
              </ul>
            ) : (
              t("review.noMembers")
            )}
          </dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="decision-title">
        <h2 id="decision-title">{t("review.decision")}</h2>
        {firm.allowed.includes("verify") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("review.verify")}
            </button>
            <p className="field__hint">{t("review.verifyHint")}</p>
          </Form>
        ) : null}
        {firm.allowed.includes("reject") ? <ReasonForm intent="reject" label={t("review.rejectReason")} submit={t("review.reject")} danger /> : null}
        {firm.allowed.includes("unverify") ? <ReasonForm intent="unverify" label={t("review.unverifyReason")} submit={t("review.unverify")} /> : null}
      </section>

      <section className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">{t("review.history")}</h2>
        <AuditTrail events={history} showEntity />
      </section>
    </div>
  );
}

function FactRow({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value || "—"}</dd>
    </>
  );
}
