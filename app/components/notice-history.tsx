import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedDateTime } from "~/components/formatted";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { BODY_MAX, RevisionSchema, TITLE_MAX } from "~/modules/notice/notice.schema";
import type { DiffLine } from "~/modules/notice/history";

/** The bureau's correction of a sent notice: its texts only (targeting and attachments stay as sent). */
export function NoticeRevisionForm({ lastResult, defaults }: { lastResult?: SubmissionResult<string[]> | null; defaults: Record<string, string> }) {
  const { t } = useTranslation("notices");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "notice-revision-form",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RevisionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack-lg">
      <p className="notice" role="note">
        {t("revise.hint")}
      </p>
      <ErrorList errors={form.errors} />
      <fieldset className="card stack">
        <legend>{t("form.texts")}</legend>
        <Field label={t("form.titleZh")} inputProps={{ ...getInputProps(fields.titleZh, { type: "text" }), maxLength: TITLE_MAX, lang: "zh-CN" }} errors={fields.titleZh.errors} />
        <TextareaField label={t("form.bodyZh")} textareaProps={{ ...getTextareaProps(fields.bodyZh), rows: 8, maxLength: BODY_MAX, lang: "zh-CN" }} errors={fields.bodyZh.errors} />
        <Field label={t("form.titleEn")} inputProps={{ ...getInputProps(fields.titleEn, { type: "text" }), maxLength: TITLE_MAX, lang: "en" }} errors={fields.titleEn.errors} />
        <TextareaField label={t("form.bodyEn")} textareaProps={{ ...getTextareaProps(fields.bodyEn), rows: 5, maxLength: BODY_MAX, lang: "en" }} errors={fields.bodyEn.errors} />
        <Field label={t("form.titlePt")} inputProps={{ ...getInputProps(fields.titlePt, { type: "text" }), maxLength: TITLE_MAX, lang: "pt" }} errors={fields.titlePt.errors} />
        <TextareaField label={t("form.bodyPt")} textareaProps={{ ...getTextareaProps(fields.bodyPt), rows: 5, maxLength: BODY_MAX, lang: "pt" }} errors={fields.bodyPt.errors} />
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("revise.save")}
        </button>
      </p>
    </Form>
  );
}

interface Change {
  version: number;
  at: string;
  titleBefore: string | null;
  titleAfter: string | null;
  body: DiffLine[];
}

/** "Edited" and, on demand, each correction: the title before and after, the body's removed and added lines. */
export function NoticeHistory({ editedAt, changes }: { editedAt: string | null; changes: Change[] }) {
  const { t } = useTranslation("notices");
  if (!editedAt || changes.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="notice-history-title">
      <p>
        <span className="badge" id="notice-history-title">
          {t("history.edited")}
        </span>{" "}
        <FormattedDate value={editedAt} />
      </p>
      <details>
        <summary>{t("history.show")}</summary>
        <ol className="plain-list stack">
          {changes.map((change) => (
            <li key={change.version} className="card stack">
              <h3>
                {t("history.version", { version: change.version })} · <FormattedDateTime value={change.at} />
              </h3>
              {change.titleBefore !== null ? (
                <p>
                  {t("history.titleChanged")} <del>{change.titleBefore}</del> → <ins>{change.titleAfter}</ins>
                </p>
              ) : null}
              {change.body.some((line) => line.kind !== "same") ? (
                <div className="notice-diff">
                  {change.body.map((line, index) =>
                    line.kind === "removed" ? (
                      <del key={index}>
                        <span className="visually-hidden">{t("history.removed")} </span>
                        {line.text}
                        {"\n"}
                      </del>
                    ) : line.kind === "added" ? (
                      <ins key={index}>
                        <span className="visually-hidden">{t("history.added")} </span>
                        {line.text}
                        {"\n"}
                      </ins>
                    ) : (
                      <span key={index}>
                        {line.text}
                        {"\n"}
                      </span>
                    ),
                  )}
                </div>
              ) : (
                <p className="muted">{t("history.noChange")}</p>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
