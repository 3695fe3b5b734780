import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { requireUrlLocale } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/i18next.server";
import { LoginSchema } from "~/modules/user/user.schema";
import { authenticate } from "~/modules/user/user.server";
import { requireAnonymous } from "~/modules/access/user.server";
import { safeRedirect } from "~/utils/http.server";
import { readFormData, parseSubmission } from "~/utils/form.server";
import { clearHits, limits, takeHits } from "~/utils/rate-limit.server";
import { startSession } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["auth", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireAnonymous(request);
  const t = await getFixedT(locale, "auth");
  return json({ title: t("login.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const formData = await readFormData(request);
  const submission = parseSubmission(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const address = context.clientAddress;
  // Limits count failures per account and per address; a forged
  // X-Forwarded-For can't reset the address count (see TRUST_PROXY). A hit
  // is taken before the password is checked (so parallel guesses can't slip
  // past the limit) and given back on success.
  const attempt = await takeHits([
    { limit: limits.signInPerAccount, key: email },
    { limit: limits.signInPerAddress, key: address },
  ]);
  if (!attempt) {
    return json(submission.reply({ formErrors: ["auth:login.tooMany"], hideFields: ["password"] }), { status: 429 });
  }
  const user = await authenticate(email, password);
  if (!user) {
    return json(submission.reply({ formErrors: ["auth:login.invalid"], hideFields: ["password"] }), { status: 400 });
  }
  await attempt.release();
  await clearHits(limits.signInPerAccount, email);
  // The target is made safe (and header-safe) before the session exists, so a refused target leaves no session behind.
  const fallback = user.role === "BUREAU_STAFF" || user.role === "ADMIN" ? `/${locale}/bureau` : `/${locale}/account`;
  const target = safeRedirect(redirectTo, fallback);
  const cookie = await startSession(request, user.id, { ipAddress: address });
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { lang } = useParams();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("fields.email")}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
          errors={fields.email.errors}
        />
        <Field
          label={t("fields.password")}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          errors={fields.password.errors}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to={`/${lang}/register`}>{t("login.registerLink")}</Link>
      </p>
    </section>
  );
}
