import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, HoneypotField, SelectField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { countryOptions } from "~/modules/reference/countries.server";
import { listTowns } from "~/modules/reference/towns.server";
import { PASSWORD_MAX, PASSWORD_MIN, RegisterSchema } from "~/modules/user/user.schema";
import { registerAccount } from "~/modules/user/user.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { requireAnonymous } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import { limits, takeHit } from "~/utils/rate-limit.server";
import { startSession } from "~/utils/session.server";
import { readFormData, parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["auth", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireAnonymous(request);
  const t = await getFixedT(locale, "auth");
  const towns = await listTowns(locale);
  return json({
    title: t("register.title"),
    countries: countryOptions(locale),
    towns: towns.map((town) => ({ value: town.id, label: town.name })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: RegisterSchema });
  const hide = ["password", "confirmPassword", "homepage"];
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: hide }), { status: 400 });
  }
  if (!(await takeHit(limits.signUpPerAddress, context.clientAddress))) {
    return json(submission.reply({ formErrors: ["auth:register.tooMany"], hideFields: hide }), { status: 429 });
  }
  try {
    const user = await registerAccount(submission.value, locale);
    const cookie = await startSession(request, user.id, { ipAddress: context.clientAddress });
    return redirect(`/${locale}/account?welcome=1`, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission, { hideFields: hide });
    return json(result, { status });
  }
}

export default function RegisterPage() {
  const { t } = useTranslation("auth");
  const { lang } = useParams();
  const { countries, towns } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "register",
    lastResult,
    defaultValue: { accountType: "firm" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="auth-card auth-card--wide" aria-labelledby="register-title">
      <h1 id="register-title">{t("register.title")}</h1>
      <p className="lead">{t("register.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack register-form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="choice-group">
          <legend>{t("register.accountType")}</legend>
          {(["firm", "buyer"] as const).map((type) => (
            // eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label, its text in the span
            <label key={type} className="choice">
              <input
                type="radio"
                name={fields.accountType.name}
                value={type}
                defaultChecked={(fields.accountType.initialValue ?? "firm") === type}
              />
              <span>
                <strong>{t(`register.type.${type}`)}</strong>
                <small>{t(`register.typeHint.${type}`)}</small>
              </span>
            </label>
          ))}
          <ErrorList errors={fields.accountType.errors} />
        </fieldset>

        <Field
          label={t("fields.companyName")}
          hint={t("register.companyNameHint")}
          inputProps={{ ...getInputProps(fields.companyName, { type: "text" }), autoComplete: "organization" }}
          errors={fields.companyName.errors}
        />
        {/* Both sets are rendered; CSS shows the one for the chosen account type (works without JavaScript). */}
        <fieldset className="stack firm-only">
          <legend>{t("register.firmDetails")}</legend>
            <Field
              label={t("fields.uscc")}
              hint={t("register.usccHint")}
              inputProps={{ ...getInputProps(fields.uscc, { type: "text" }), autoComplete: "off", spellCheck: false, maxLength: 24 }}
              errors={fields.uscc.errors}
            />
            <SelectField
              label={t("fields.town")}
              selectProps={getSelectProps(fields.townId)}
              options={towns}
              placeholder={t("register.townPlaceholder")}
              errors={fields.townId.errors}
            />
        </fieldset>
        <fieldset className="stack buyer-only">
          <legend>{t("register.buyerDetails")}</legend>
            <SelectField
              label={t("fields.country")}
              selectProps={getSelectProps(fields.country)}
              options={countries}
              placeholder={t("register.countryPlaceholder")}
              errors={fields.country.errors}
            />
        </fieldset>
        <Field
          label={t("fields.displayName")}
          inputProps={{ ...getInputProps(fields.displayName, { type: "text" }), autoComplete: "name" }}
          errors={fields.displayName.errors}
        />
        <Field
          label={t("fields.email")}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
          errors={fields.email.errors}
        />
        <Field
          label={t("fields.password")}
          hint={t("register.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.password.errors}
        />
        <Field
          label={t("fields.confirmPassword")}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.confirmPassword.errors}
        />
        <div className="field">
          {/* eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label */}
          <label className="choice">
            <input
              {...getInputProps(fields.privacyConsent, { type: "checkbox" })}
              required
              aria-invalid={fields.privacyConsent.errors?.length ? true : undefined}
              aria-describedby={`${fields.privacyConsent.id}-link${fields.privacyConsent.errors?.length ? ` ${fields.privacyConsent.id}-error` : ""}`}
            />
            <span>{t("privacyConsent.label")}</span>
          </label>
          <p id={`${fields.privacyConsent.id}-link`} className="field__hint">
            <Link to={`/${lang}/privacy`} target="_blank" rel="noreferrer">
              {t("privacyConsent.link")}
            </Link>
          </p>
          <ErrorList id={`${fields.privacyConsent.id}-error`} errors={fields.privacyConsent.errors} />
        </div>
        <HoneypotField name="homepage" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("register.submit")}
        </button>
      </Form>
      <p>
        {t("register.haveAccount")} <Link to={`/${lang}/login`}>{t("register.loginLink")}</Link>
      </p>
    </section>
  );
}
