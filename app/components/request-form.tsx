import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SourcingRequestSchema, requestVisibilities, titleLocales } from "~/modules/request/request.schema";
import { CheckboxGroup } from "./choice-fields";
import { HsProposals } from "./hs-proposals";
import { ErrorList, Field, SelectField, TextareaField } from "./forms";

export interface RequestFormDefaults {
  title: string;
  titleLocale: string;
  hsCodesText: string;
  keywords: string;
  quantity: number | null;
  unit: string | null;
  targetPriceUsd: number | null;
  requiredCertifications: string[];
  destinationCountry: string | null;
  deadline: string | null;
  visibility: string;
}

type Option = { value: string; label: string };

/** The form of a sourcing request, for creating and for editing one. */
export function RequestForm({
  id,
  defaults,
  lastResult,
  countries,
  certifications,
  units,
  submitLabel,
}: {
  id: string;
  defaults: RequestFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  countries: Option[];
  certifications: Option[];
  units: Option[];
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation("buyer");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: {
      title: defaults.title,
      titleLocale: defaults.titleLocale,
      hsCodes: defaults.hsCodesText,
      keywords: defaults.keywords,
      quantity: defaults.quantity?.toString() ?? "",
      unit: defaults.unit ?? "",
      targetPriceUsd: defaults.targetPriceUsd?.toString() ?? "",
      destinationCountry: defaults.destinationCountry ?? "",
      deadline: defaults.deadline ?? "",
      visibility: defaults.visibility,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SourcingRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const sentCertifications = lastResult?.initialValue?.requiredCertifications;
  const checkedCertifications =
    lastResult?.status === "error" ? (Array.isArray(sentCertifications) ? (sentCertifications as string[]) : sentCertifications ? [String(sentCertifications)] : []) : defaults.requiredCertifications;
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <Field label={t("request.title")} inputProps={getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
        <SelectField
          label={t("request.titleLocale")}
          hint={t("request.titleLocaleHint")}
          selectProps={getSelectProps(fields.titleLocale)}
          options={titleLocales.map((locale) => ({ value: locale, label: t(`request.locales.${locale}`) }))}
          errors={fields.titleLocale.errors}
        />
      </div>
      <Field
        label={t("request.hsCodes")}
        hint={t("request.hsCodesHint")}
        inputProps={{ ...getInputProps(fields.hsCodes, { type: "text" }), inputMode: "decimal", autoComplete: "off" }}
        errors={fields.hsCodes.errors}
      />
      <HsProposals words={`${fields.title.value ?? ""} ${fields.keywords.value ?? ""}`} inputId={fields.hsCodes.id} lang={i18n.language} />
      <TextareaField label={t("request.keywords")} hint={t("request.keywordsHint")} textareaProps={{ ...getTextareaProps(fields.keywords), rows: 2 }} errors={fields.keywords.errors} />
      <div className="form-grid">
        <Field label={t("request.quantity")} inputProps={{ ...getInputProps(fields.quantity, { type: "number" }), min: 1, step: 1 }} errors={fields.quantity.errors} />
        <SelectField label={t("request.unit")} selectProps={getSelectProps(fields.unit)} placeholder={t("form.choose")} options={units} errors={fields.unit.errors} />
        <Field label={t("request.targetPrice")} hint={t("request.targetPriceHint")} inputProps={{ ...getInputProps(fields.targetPriceUsd, { type: "number" }), min: 0, step: "0.01" }} errors={fields.targetPriceUsd.errors} />
        <SelectField label={t("request.destination")} selectProps={getSelectProps(fields.destinationCountry)} placeholder={t("form.choose")} options={countries} errors={fields.destinationCountry.errors} />
        <Field label={t("request.deadline")} inputProps={getInputProps(fields.deadline, { type: "date" })} errors={fields.deadline.errors} />
        <SelectField
          label={t("request.visibility")}
          selectProps={getSelectProps(fields.visibility)}
          options={requestVisibilities.map((visibility) => ({ value: visibility, label: t(`visibility.${visibility}`) }))}
          errors={fields.visibility.errors}
        />
      </div>
      <CheckboxGroup
        key={lastResult?.status === "error" ? "sent" : "stored"}
        legend={t("request.certifications")}
        name="requiredCertifications"
        options={certifications}
        checked={checkedCertifications}
        errors={fields.requiredCertifications.errors}
      />
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
