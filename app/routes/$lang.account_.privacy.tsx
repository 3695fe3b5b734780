import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { ErrorList, Field } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireUser } from "~/modules/access/user.server";
import { deleteOwnAccount, isLastFirmMember } from "~/modules/privacy/deletion.server";
import { DeleteAccountSchema } from "~/modules/privacy/privacy.schema";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission, readFormData } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";
import { endSession } from "~/utils/session.server";

export const handle = { i18n: ["privacy", "auth", "validation", "buyer", "import"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const t = await getFixedT(locale, "privacy");
  // A firm's last member hands the firm to the bureau: the page says so before they decide.
  const lastFirmMember = await isLastFirmMember(user);
  return json({ title: t("account.title"), lastFirmMember });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: DeleteAccountSchema });
  const hide = ["password"];
  if (submission.status !== "success") return json(submission.reply({ hideFields: hide }), { status: 400 });
  try {
    const report = await deleteOwnAccount(user.id, submission.value.password);
    if (!report) return json(submission.reply({ fieldErrors: { password: ["validation:wrongPassword"] }, hideFields: hide }), { status: 400 });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission, { hideFields: hide });
    return json(result, { status });
  }
  // The account's sessions are gone with it; this browser forgets its cookie.
  return redirect(`/${locale}?accountDeleted=1`, { headers: { "Set-Cookie": await endSession(request) } });
}

export default function PrivacyAccountPage() {
  const { t } = useTranslation("privacy");
  const { t: tAuth } = useTranslation("auth");
  const { lang } = useParams();
  const { lastFirmMember } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteAccountSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg">
      <AccountNav />
      <header>
        <h1>{t("account.title")}</h1>
        <p className="lead">
          {t("account.intro")} <Link to={`/${lang}/privacy`}>{t("account.noticeLink")}</Link>
        </p>
      </header>
      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">{t("export.title")}</h2>
        <p>{t("export.body")}</p>
        <p>
          <a className="button" href={`/${lang}/account/privacy/download`} download>
            {t("export.download")}
          </a>
        </p>
        <p className="field__hint">{t("export.api", { path: "/api/v1/me/export" })}</p>
      </section>
      <section className="card stack" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("delete.title")}</h2>
        <ul>
          <li>{t("delete.what.sessions")}</li>
          <li>{t("delete.what.requests")}</li>
          <li>{t("delete.what.messages")}</li>
          <li>{t("delete.what.files")}</li>
          <li>{t("delete.what.audit")}</li>
        </ul>
        {lastFirmMember ? <p className="notice notice--warning">{t("delete.lastFirmMember")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label={tAuth("fields.password")}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
            errors={fields.password.errors}
          />
          <div className="field">
            {/* eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label */}
            <label className="choice">
              <input
                {...getInputProps(fields.confirm, { type: "checkbox" })}
                aria-invalid={fields.confirm.errors?.length ? true : undefined}
                aria-describedby={fields.confirm.errors?.length ? `${fields.confirm.id}-error` : undefined}
              />
              <span>{t("delete.confirm")}</span>
            </label>
            <ErrorList id={`${fields.confirm.id}-error`} errors={fields.confirm.errors} />
          </div>
          <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
            {t("delete.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
