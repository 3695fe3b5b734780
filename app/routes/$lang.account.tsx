import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { ErrorList, Field } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { countryName } from "~/modules/reference/countries.server";
import { getAccountOverview } from "~/modules/user/account.server";
import { ChangePasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "~/modules/user/user.schema";
import { changePassword } from "~/modules/user/user.server";
import { NotificationPreferences } from "~/components/notification-preferences";
import { getNotificationPreferences } from "~/modules/notification/notification.server";
import { requireUser } from "~/modules/access/user.server";
import { FormattedDate } from "~/components/formatted";
import { pageMeta } from "~/utils/meta";
import { startSession } from "~/utils/session.server";
import { readFormData, parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["auth", "validation", "audit", "buyer", "import", "notification", "notices"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const account = await getAccountOverview(user.id, locale);
  const notificationPreferences = await getNotificationPreferences(user.id, user.role);
  const t = await getFixedT(locale, "auth");
  return json({
    title: t("account.title"),
    notificationPreferences,
    account: {
      ...account,
      buyerCompany: account.buyerCompany
        ? { ...account.buyerCompany, countryName: account.buyerCompany.country ? countryName(account.buyerCompany.country, locale) : null }
        : null,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: ChangePasswordSchema });
  const hide = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: hide }) }, { status: 400 });
  }
  const outcome = await changePassword(user.id, submission.value);
  if (!outcome.ok) {
    return json(
      { result: submission.reply({ fieldErrors: { currentPassword: ["validation:wrongPassword"] }, hideFields: hide }) },
      { status: 400 },
    );
  }
  // All sessions ended, this one too: this browser continues on a new one.
  // A redirect, so the page's loaders run with the new session cookie.
  const cookie = await startSession(request, user.id, { ipAddress: context.clientAddress });
  return redirect(`/${locale}/account?passwordChanged=1`, { headers: { "Set-Cookie": cookie } });
}

export default function AccountPage() {
  const { t } = useTranslation("auth");
  const { t: tAudit } = useTranslation("audit");
  const { account, notificationPreferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { lang } = useParams();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg">
      <AccountNav />
      <header>
        <h1>{t("account.title")}</h1>
        {searchParams.get("welcome") ? (
          <p className="notice notice--success" role="status">
            {t("account.welcome")}
          </p>
        ) : null}
      </header>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("account.profile")}</h2>
        <dl className="facts">
          <dt>{t("fields.displayName")}</dt>
          <dd>{account.displayName}</dd>
          <dt>{t("fields.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("account.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
          <dt>{t("account.memberSince")}</dt>
          <dd><FormattedDate value={account.createdAt} /></dd>
          {account.firm ? (
            <>
              <dt>{t("account.firm")}</dt>
              <dd>
                {account.firm.name} <span className={`badge badge--${account.firm.verification.toLowerCase()}`}>{t(`verification.${account.firm.verification}`)}</span>
              </dd>
              {account.firm.verificationReason ? (
                <>
                  <dt>{tAudit("firmNotice.label")}</dt>
                  <dd className="notice notice--danger">{tAudit(`firmNotice.${account.firm.verification}`, { reason: account.firm.verificationReason })}</dd>
                </>
              ) : null}
              <dt>{t("notices:policies.title")}</dt>
              <dd>
                <Link to={`/${lang}/account/policies`}>{t("notices:policies.open")}</Link>
              </dd>
              {account.firm.uscc ? (
                <>
                  <dt>{t("fields.uscc")}</dt>
                  <dd className="mono">{account.firm.uscc}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {account.buyerCompany ? (
            <>
              <dt>{t("account.company")}</dt>
              <dd>
                {account.buyerCompany.name}
                {account.buyerCompany.countryName ? ` · ${account.buyerCompany.countryName}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("account.changePassword")}</h2>
        {searchParams.get("passwordChanged") ? (
          <p className="notice notice--success" role="status">
            {t("account.passwordChanged")}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label={t("fields.currentPassword")}
            inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password" }}
            errors={fields.currentPassword.errors}
          />
          <Field
            label={t("fields.newPassword")}
            hint={t("register.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            inputProps={{ ...getInputProps(fields.newPassword, { type: "password" }), autoComplete: "new-password" }}
            errors={fields.newPassword.errors}
          />
          <Field
            label={t("fields.confirmPassword")}
            inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
            errors={fields.confirmPassword.errors}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("account.changePasswordSubmit")}
          </button>
        </Form>
      </section>
      <NotificationPreferences preferences={notificationPreferences} saved={searchParams.get("preferences") === "saved"} />
    </div>
  );
}
