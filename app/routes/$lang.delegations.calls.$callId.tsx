import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationFormFields, ReasonList } from "~/components/delegation-firm";
import { ErrorList } from "~/components/forms";
import { CallTerms } from "~/components/delegation-call-terms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireCallApplicant } from "~/modules/access/delegation-firm.server";
import { applyToCall } from "~/modules/delegation/applications.server";
import { ApplicationFormSchema } from "~/modules/delegation/application-form";
import { checkDocumentsForCall, readApplicationForm } from "~/modules/delegation/documents.server";
import { callForFirm } from "~/modules/delegation/firm-view.server";
import { catalogStyles } from "~/styles/catalog";
import styles from "~/styles/delegation-firm.css";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["participation", "validation"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: styles }];

/**
 * /<lang>/delegations/calls/<callId> — a call's terms for a firm member and,
 * while the firm may apply, the application form. A draft or unknown call
 * is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { member, callId } = await requireCallApplicant(request, params.callId);
  const view = await callForFirm(callId, member.firmId, locale);
  if (!view) notFound();
  const t = await getFixedT(locale, "participation");
  return json({ title: t("apply.title", { fair: view.call.edition.name }), view });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { actor, callId } = await requireCallApplicant(request, params.callId);
  const { formData, documents } = await readApplicationForm(request);
  const submission = parseSubmission(formData, { schema: ApplicationFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const checked = await checkDocumentsForCall(callId, documents);
    const { applicationId } = await applyToCall(actor, callId, submission.value, new Date(), { documents: checked, requireDocuments: true });
    return redirect(`/${locale}/delegations/applications/${applicationId}?applied=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function ApplyPage() {
  const { t } = useTranslation("participation");
  const { lang } = useParams();
  const { view } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "delegation-apply",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApplicationFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { call } = view;
  // A refusal posted from a page that no longer shows the form (the call closed meanwhile) is shown on its own.
  const formShown = !view.applicationId && !view.closed && view.reasons.length === 0;
  return (
    <div className="stack-lg catalog-page">
      <p>
        <Link to={`/${lang}/delegations`}>{t("back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("apply.title", { fair: call.edition.name })}</h1>
      </header>
      <CallTerms call={call} />
      {formShown ? null : <ErrorList errors={lastResult?.error?.[""]} />}
      {view.applicationId ? (
        <p className="notice" role="note">
          {t("apply.already")} <Link to={`/${lang}/delegations/applications/${view.applicationId}`}>{t("index.yourApplication")}</Link>
        </p>
      ) : view.closed ? (
        <p className="notice notice--warning" role="note">
          {t(`errors.${view.closed}`)}
        </p>
      ) : view.reasons.length ? (
        <div className="notice notice--warning" role="note">
          <p>{t("index.whyNot")}</p>
          <ReasonList reasons={view.reasons} />
        </div>
      ) : (
        <ApplicationFormFields
          form={form as never}
          fields={fields as never}
          boothTypes={call.boothTypes}
          products={view.products}
          documentsAsked={call.documentsAsked}
          documentErrors={(lastResult?.error ?? {}) as Record<string, string[] | undefined>}
          submitLabel={t("apply.submit")}
          busy={navigation.state === "submitting"}
        />
      )}
    </div>
  );
}
