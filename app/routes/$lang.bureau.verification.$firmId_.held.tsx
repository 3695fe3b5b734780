import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { FormattedDateTime, FormattedNumber } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { HeldFirmAssignSchema, HeldFirmCloseSchema, HeldFirmDecisionSchema } from "~/modules/bureau/held-firm.schema";
import { assignHeldFirm, closeHeldFirm, getHeldFirm } from "~/modules/bureau/held-firm.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["verification", "audit", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const firm = await getHeldFirm(params.firmId ?? "", locale);
  if (!firm) notFound();
  const t = await getFixedT(locale, "verification");
  return json({ title: t("held.title", { name: firm.name }), firm });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const firm = await getHeldFirm(params.firmId ?? "", "en");
  if (!firm) notFound();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const submission = parseSubmission(formData, { schema: HeldFirmDecisionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), intent, done: null, count: 0 }, { status: 400 });
  try {
    if (submission.value.intent === "assign") {
      await assignHeldFirm(firm.id, submission.value.email, { id: staff.id });
      return json({ result: submission.reply({ resetForm: true }), intent, done: "assign" as const, count: 0 });
    }
    const closed = await closeHeldFirm(firm.id, { id: staff.id });
    return json({ result: submission.reply({ resetForm: true }), intent, done: "close" as const, count: closed.productsDeleted });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json({ result, intent, done: null, count: 0 }, { status });
  }
}

export default function HeldFirmDecision() {
  const { t } = useTranslation("verification");
  const { lang } = useParams();
  const { firm } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [assignForm, assignFields] = useForm({
    id: "held-assign",
    lastResult: actionData?.intent === "assign" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HeldFirmAssignSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const [closeForm, closeFields] = useForm({
    id: "held-close",
    lastResult: actionData?.intent === "close" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HeldFirmCloseSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/${lang}/bureau/verification/${firm.id}`}>{firm.name}</Link>
      </p>
      <header className="stack">
        <h1>{t("held.title", { name: firm.name })}</h1>
        <p className="lead">{t("held.intro")}</p>
      </header>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`held.done.${actionData.done}`, { count: actionData.count })}
        </p>
      ) : null}
      <dl className="facts card">
        {firm.heldByBureauSince ? (
          <>
            <dt>{t("held.heldSince")}</dt>
            <dd>
              <FormattedDateTime value={firm.heldByBureauSince} />
            </dd>
          </>
        ) : null}
        {firm.closedAt ? (
          <>
            <dt>{t("held.closedAt")}</dt>
            <dd>
              <FormattedDateTime value={firm.closedAt} />
            </dd>
          </>
        ) : null}
        <dt>{t("held.products")}</dt>
        <dd>
          <FormattedNumber value={firm.products} />
        </dd>
      </dl>
      {firm.closedAt ? <p>{t("held.closed")}</p> : !firm.decidable ? <p>{t("held.notHeld")}</p> : null}
      {firm.decidable ? (
        <>
          <Form method="post" {...getFormProps(assignForm)} className="card stack">
            <h2>{t("held.assign.legend")}</h2>
            <ErrorList id={assignForm.errorId} errors={assignForm.errors} />
            <input type="hidden" name="intent" value="assign" />
            <Field label={t("held.assign.email")} hint={t("held.assign.hint")} inputProps={{ ...getInputProps(assignFields.email, { type: "email" }), autoComplete: "off" }} errors={assignFields.email.errors} />
            <div>
              <button type="submit" className="button" disabled={busy}>
                {t("held.assign.submit")}
              </button>
            </div>
          </Form>
          <Form method="post" {...getFormProps(closeForm)} className="card stack">
            <h2>{t("held.close.legend")}</h2>
            <p>{t("held.close.hint")}</p>
            <ErrorList id={closeForm.errorId} errors={closeForm.errors} />
            <input type="hidden" name="intent" value="close" />
            <div className="field">
              <label>
                <input {...getInputProps(closeFields.confirm, { type: "checkbox" })} /> {t("held.close.confirm")}
              </label>
              <ErrorList id={closeFields.confirm.errorId} errors={closeFields.confirm.errors} />
            </div>
            <div>
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("held.close.submit")}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </div>
  );
}
