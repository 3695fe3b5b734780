import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { NoticeFormOptions } from "~/components/notice-form";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { PlaceChoices, VerifiedChoice } from "~/components/place-choices";
import { CAPACITY_MAX, DESCRIPTION_MAX, LINK_MAX, PLACE_MAX, SessionFormSchema, TITLE_MAX } from "~/modules/training/training.schema";

/**
 * The bureau's training session form: title and description in three
 * languages, times on Zhongshan's clock, place or video link, capacity.
 * What the bureau typed comes back with the errors.
 */
export function TrainingSessionForm({
  lastResult,
  defaultValue,
  submitLabel,
  options,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string | string[]>;
  submitLabel?: string;
  options: Pick<NoticeFormOptions, "towns">;
}) {
  const { t } = useTranslation("training");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "training-session-form",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SessionFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack-lg">
      <ErrorList errors={form.errors} />
      <fieldset className="card stack">
        <legend>{t("form.texts")}</legend>
        <Field label={t("form.titleZh")} inputProps={{ ...getInputProps(fields.titleZh, { type: "text" }), maxLength: TITLE_MAX, lang: "zh-CN" }} errors={fields.titleZh.errors} />
        <TextareaField label={t("form.descriptionZh")} textareaProps={{ ...getTextareaProps(fields.descriptionZh), rows: 4, maxLength: DESCRIPTION_MAX, lang: "zh-CN" }} errors={fields.descriptionZh.errors} />
        <Field label={t("form.titleEn")} inputProps={{ ...getInputProps(fields.titleEn, { type: "text" }), maxLength: TITLE_MAX, lang: "en" }} errors={fields.titleEn.errors} />
        <TextareaField label={t("form.descriptionEn")} textareaProps={{ ...getTextareaProps(fields.descriptionEn), rows: 3, maxLength: DESCRIPTION_MAX, lang: "en" }} errors={fields.descriptionEn.errors} />
        <Field label={t("form.titlePt")} inputProps={{ ...getInputProps(fields.titlePt, { type: "text" }), maxLength: TITLE_MAX, lang: "pt" }} errors={fields.titlePt.errors} />
        <TextareaField label={t("form.descriptionPt")} textareaProps={{ ...getTextareaProps(fields.descriptionPt), rows: 3, maxLength: DESCRIPTION_MAX, lang: "pt" }} errors={fields.descriptionPt.errors} />
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("form.facts")}</legend>
        <Field label={t("form.startsAt")} hint={t("form.timeHint")} inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })} errors={fields.startsAt.errors} />
        <Field label={t("form.endsAt")} inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })} errors={fields.endsAt.errors} />
        <Field label={t("form.place")} hint={t("form.placeHint")} inputProps={{ ...getInputProps(fields.place, { type: "text" }), maxLength: PLACE_MAX }} errors={fields.place.errors} />
        <Field label={t("form.videoLink")} inputProps={{ ...getInputProps(fields.videoLink, { type: "url" }), maxLength: LINK_MAX }} errors={fields.videoLink.errors} />
        <Field label={t("form.capacity")} inputProps={{ ...getInputProps(fields.capacity, { type: "number" }), min: 1, max: CAPACITY_MAX }} errors={fields.capacity.errors} />
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("form.rules")}</legend>
        <p className="field__hint">{t("form.rulesHint")}</p>
        <PlaceChoices options={options} townIds={fields.townIds} clusterIds={fields.clusterIds} labels={{ towns: t("form.towns"), clusters: t("form.clusters") }} />
        <Field label={t("form.markets")} hint={t("form.marketsHint")} inputProps={getInputProps(fields.markets, { type: "text" })} errors={fields.markets.errors} />
        <VerifiedChoice field={fields.verified} label={t("form.verified")} optionLabel={(value) => t(`form.verifiedOptions.${value}`)} />
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel ?? t("form.save")}
        </button>
      </p>
    </Form>
  );
}
