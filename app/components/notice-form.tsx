import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import { PlaceChoices, VerifiedChoice } from "~/components/place-choices";
import { BODY_MAX, DEPARTMENT_MAX, NoticeFormSchema, noticeCategories, TITLE_MAX } from "~/modules/notice/notice.schema";
import { employeeBands } from "~/modules/firm/firm-vocabulary";
import type { TargetingRules } from "~/modules/notice/rules";

export interface NoticeFormOptions {
  towns: { id: string; name: string; clusters: { id: string; name: string }[] }[];
  certifications: { value: string; label: string }[];
}

export interface NoticeFormDefaults {
  titleZh?: string;
  titleEn?: string;
  titlePt?: string;
  bodyZh?: string;
  bodyEn?: string;
  bodyPt?: string;
  category?: string;
  department?: string;
  validFrom?: string | null;
  validUntil?: string | null;
  deadline?: string | null;
  isPublic?: boolean;
}

/**
 * The bureau's notice form (new and edit): texts in three languages, dates,
 * visibility, the targeting rules and PDFs. What the bureau typed comes back
 * with the errors (conform's lastResult).
 */
export function NoticeForm({
  lastResult,
  defaults,
  rules,
  options,
  attachments = [],
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaults: NoticeFormDefaults;
  rules: TargetingRules | null;
  options: NoticeFormOptions;
  attachments?: { id: string; fileName: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation("notices");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "notice-form",
    lastResult,
    defaultValue: {
      ...defaults,
      validFrom: defaults.validFrom ?? "",
      validUntil: defaults.validUntil ?? "",
      deadline: defaults.deadline ?? "",
      isPublic: defaults.isPublic ? "on" : undefined,
      townIds: rules?.townIds ?? [],
      clusterIds: rules?.clusterIds ?? [],
      hsCodes: rules?.hsCodes.join(" ") ?? "",
      markets: rules?.markets.join(" ") ?? "",
      certificationsHeld: rules?.certificationsHeld ?? [],
      certificationsMissing: rules?.certificationsMissing ?? [],
      sizeBands: rules?.sizeBands ?? [],
      verified: rules?.verified ?? "any",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoticeFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const chosen = (name: "certificationsHeld" | "certificationsMissing" | "sizeBands") => {
    const value = fields[name].initialValue;
    return new Set(Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);
  };
  const held = chosen("certificationsHeld");
  const missing = chosen("certificationsMissing");
  const bands = chosen("sizeBands");
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack-lg">
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
      <fieldset className="card stack">
        <legend>{t("form.facts")}</legend>
        <SelectField
          label={t("form.category")}
          selectProps={getSelectProps(fields.category)}
          options={noticeCategories.map((value) => ({ value, label: t(`category.${value}`) }))}
          placeholder=""
          errors={fields.category.errors}
        />
        <Field label={t("form.department")} inputProps={{ ...getInputProps(fields.department, { type: "text" }), maxLength: DEPARTMENT_MAX }} errors={fields.department.errors} />
        <Field label={t("form.validFrom")} inputProps={getInputProps(fields.validFrom, { type: "date" })} errors={fields.validFrom.errors} />
        <Field label={t("form.validUntil")} inputProps={getInputProps(fields.validUntil, { type: "date" })} errors={fields.validUntil.errors} />
        <Field label={t("form.deadline")} hint={t("form.deadlineHint")} inputProps={getInputProps(fields.deadline, { type: "date" })} errors={fields.deadline.errors} />
        <label className="checkbox">
          <input {...getInputProps(fields.isPublic, { type: "checkbox" })} /> {t("form.isPublic")}
        </label>
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("form.rules")}</legend>
        <p className="field__hint">{t("form.rulesHint")}</p>
        <PlaceChoices options={options} townIds={fields.townIds} clusterIds={fields.clusterIds} labels={{ towns: t("form.towns"), clusters: t("form.clusters") }} />
        <Field label={t("form.hsCodes")} hint={t("form.hsCodesHint")} inputProps={getInputProps(fields.hsCodes, { type: "text" })} errors={fields.hsCodes.errors} />
        <Field label={t("form.markets")} hint={t("form.marketsHint")} inputProps={getInputProps(fields.markets, { type: "text" })} errors={fields.markets.errors} />
        <div className="field">
          <span>{t("form.certificationsHeld")}</span>
          {options.certifications.map((cert) => (
            <label key={cert.value} className="checkbox">
              <input type="checkbox" name="certificationsHeld" value={cert.value} defaultChecked={held.has(cert.value)} /> {cert.label}
            </label>
          ))}
          <ErrorList errors={fields.certificationsHeld.errors} />
        </div>
        <div className="field">
          <span>{t("form.certificationsMissing")}</span>
          {options.certifications.map((cert) => (
            <label key={cert.value} className="checkbox">
              <input type="checkbox" name="certificationsMissing" value={cert.value} defaultChecked={missing.has(cert.value)} /> {cert.label}
            </label>
          ))}
        </div>
        <div className="field">
          <span>{t("form.sizeBands")}</span>
          {employeeBands.map((band) => (
            <label key={band} className="checkbox">
              <input type="checkbox" name="sizeBands" value={band} defaultChecked={bands.has(band)} /> {t("form.employees", { band })}
            </label>
          ))}
        </div>
        <VerifiedChoice field={fields.verified} label={t("form.verified")} optionLabel={(value) => t(`form.verifiedOptions.${value}`)} />
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("form.attachments")}</legend>
        {attachments.map((attachment) => (
          <label key={attachment.id} className="checkbox">
            <input type="checkbox" name="removeAttachmentIds" value={attachment.id} /> {t("form.removeAttachment", { file: attachment.fileName })}
          </label>
        ))}
        <Field label={t("form.addPdf")} hint={t("form.pdfHint")} inputProps={{ type: "file", name: "attachment", accept: "application/pdf,.pdf", multiple: true }} errors={lastResult?.error?.attachment} />
      </fieldset>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </button>
    </Form>
  );
}
