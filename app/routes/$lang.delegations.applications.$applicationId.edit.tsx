import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationFormFields } from "~/components/delegation-firm";
import { ErrorList } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireOwnApplication } from "~/modules/access/delegation-firm.server";
import { editApplication } from "~/modules/delegation/applications.server";
import { ApplicationFormSchema } from "~/modules/delegation/application-form";
import { callOfApplication, checkDocumentsForCall, readApplicationForm } from "~/modules/delegation/documents.server";
import { ownApplication } from "~/modules/delegation/firm-view.server";
import { catalogStyles } from "~/styles/catalog";
import styles from "~/styles/delegation-firm.css";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["participation", "validation"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: styles }];

/** /<lang>/delegations/applications/<id>/edit — the firm changes its application until the deadline (a new file replaces the one held). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { member, applicationId } = await requireOwnApplication(request, params.applicationId);
  const application = await ownApplication(applicationId, member.firmId, locale);
  if (!application) notFound();
  const t = await getFixedT(locale, "participation");
  return json({ title: t("edit.title", { fair: application.call.edition.name }), application });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const { actor, applicationId } = await requireOwnApplication(request, params.applicationId);
  const { formData, documents } = await readApplicationForm(request);
  const submission = parseSubmission(formData, { schema: ApplicationFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const checked = await checkDocumentsForCall((await callOfApplication(applicationId)) ?? "", documents);
    await editApplication(actor, applicationId, submission.value, new Date(), { documents: checked, requireDocuments: true });
    return redirect(`/${locale}/delegations/applications/${applicationId}?saved=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function EditApplicationPage() {
  const { t } = useTranslation("participation");
  const { lang } = useParams();
  const { application } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "delegation-edit",
    lastResult,
    defaultValue: {
      boothTypeCode: application.boothTypeCode,
      productIds: application.productIds,
      attendees: application.attendees,
      keepWithCluster: application.keepWithCluster ? "on" : undefined,
      note: application.note ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApplicationFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="stack-lg catalog-page">
      <p>
        <Link to={`/${lang}/delegations/applications/${application.id}`}>{t("edit.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("edit.title", { fair: application.call.edition.name })}</h1>
      </header>
      {application.canEdit ? (
        <ApplicationFormFields
          form={form as never}
          fields={fields as never}
          boothTypes={application.call.boothTypes}
          products={application.allProducts}
          documentsAsked={application.call.documentsAsked}
          documentsHeld={application.documents}
          documentErrors={(lastResult?.error ?? {}) as Record<string, string[] | undefined>}
          submitLabel={t("edit.submit")}
          busy={navigation.state === "submitting"}
        />
      ) : (
        <>
          <ErrorList errors={lastResult?.error?.[""]} />
          <p className="notice notice--warning" role="note">
            {t("edit.closed")}
          </p>
        </>
      )}
    </div>
  );
}
