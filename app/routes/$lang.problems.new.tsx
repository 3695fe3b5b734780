import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import { AttachmentField } from "~/components/inquiry";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { checkAttachments, readForm } from "~/modules/inquiry/attachment.server";
import { ATTACHMENT_FIELD, attachmentFieldErrors } from "~/modules/inquiry/attachment-limits";
import { BODY_MAX, RaiseProblemSchema, SUBJECT_MAX } from "~/modules/problem/problem.schema";
import { raiseProblem } from "~/modules/problem/problem.server";
import { problemCategories } from "~/modules/problem/status";
import { domainErrorReply } from "~/utils/domain-error.server";
import { parseSubmission } from "~/utils/form.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["problems", "inquiry", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireFirmMember(request);
  const t = await getFixedT(locale, "problems");
  return json({ title: t("new.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

/** A firm member raises a problem: category, subject, text in their language, attachments (images and PDF, type from the bytes). */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const upload = await readForm(request);
  const submission = parseSubmission(upload.formData, { schema: RaiseProblemSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const checked = await checkAttachments(upload);
  if (!checked.ok) return json(submission.reply({ fieldErrors: attachmentFieldErrors(checked) }), { status: 400 });
  try {
    const problem = await raiseProblem(member, submission.value, checked.attachments);
    return redirect(`/${locale}/problems/${problem.id}?sent=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function NewProblemPage() {
  const { t } = useTranslation("problems");
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-problem",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RaiseProblemSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const attachmentErrors = (lastResult?.error?.[ATTACHMENT_FIELD] ?? null) as string[] | null;
  return (
    <section className="auth-card auth-card--wide stack" aria-labelledby="new-problem-title">
      <h1 id="new-problem-title">{t("new.title")}</h1>
      <p className="field__hint">{t("new.intro")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("new.category")}
          selectProps={getSelectProps(fields.category)}
          placeholder=""
          options={problemCategories.map((category) => ({ value: category, label: t(`category.${category}`) }))}
          errors={fields.category.errors}
        />
        <Field
          label={t("new.subject")}
          hint={t("new.subjectHint", { max: SUBJECT_MAX })}
          inputProps={{ ...getInputProps(fields.subject, { type: "text" }), maxLength: SUBJECT_MAX }}
          errors={fields.subject.errors}
        />
        <TextareaField
          label={t("new.body")}
          hint={t("new.bodyHint", { max: BODY_MAX })}
          textareaProps={{ ...getTextareaProps(fields.body), rows: 8, maxLength: BODY_MAX }}
          errors={fields.body.errors}
        />
        <AttachmentField id="problem-attachment" errors={attachmentErrors} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("new.submit")}
        </button>
      </Form>
    </section>
  );
}
