import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField } from "~/components/forms";
import { commonFairTimeZones, type EditionInput } from "~/modules/fair/edition.schema";

/**
 * The bureau's form for a fair edition: names, city and venue per
 * language, the days where the fair is held, its time zone, and its phases.
 * Validated on the server (EditionSchema); what was typed comes back with
 * the errors.
 */
export function EditionForm({
  id,
  lastResult,
  defaultValue,
  series,
  slugLocked,
  submitLabel,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<EditionInput>;
  series: { id: string; label: string }[];
  slugLocked: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation("delegation");
  const navigation = useNavigation();
  const [form, fields] = useForm({ id, lastResult: lastResult ?? undefined, defaultValue, shouldValidate: "onSubmit" });
  const phases = fields.phases.getFieldList();
  const zones = [...new Set([...commonFairTimeZones, defaultValue.timeZone ?? "Asia/Macau"])].map((zone) => ({ value: zone, label: zone }));
  type TextName = "shortName" | "nameZh" | "nameEn" | "namePt" | "cityZh" | "cityEn" | "cityPt" | "venueZh" | "venueEn" | "venuePt";
  const text = (name: TextName, label: string, lang?: string) => {
    const meta = fields[name];
    return <Field label={label} inputProps={{ ...getInputProps(meta, { type: "text" }), lang }} errors={meta.errors} />;
  };
  return (
    <Form method="post" {...getFormProps(form)} className="stack-lg">
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset className="card stack">
        <legend>{t("edition.sections.identity")}</legend>
        {slugLocked ? (
          <>
            <input type="hidden" name={fields.slug.name} value={String(defaultValue.slug ?? "")} />
            <p>
              {t("edition.fields.slug")}: <span className="mono">{defaultValue.slug}</span>
            </p>
          </>
        ) : (
          <Field label={t("edition.fields.slug")} hint={t("edition.slugHint")} inputProps={{ ...getInputProps(fields.slug, { type: "text" }), autoComplete: "off" }} errors={fields.slug.errors} />
        )}
        <SelectField label={t("edition.fields.series")} selectProps={getSelectProps(fields.seriesId)} options={series.map((entry) => ({ value: entry.id, label: entry.label }))} placeholder={t("edition.noSeries")} errors={fields.seriesId.errors} />
        {text("shortName", t("edition.fields.shortName"))}
        {text("nameZh", t("edition.fields.name", { language: "中文" }), "zh-CN")}
        {text("nameEn", t("edition.fields.name", { language: "English" }), "en")}
        {text("namePt", t("edition.fields.name", { language: "Português" }), "pt")}
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("edition.sections.place")}</legend>
        {text("cityZh", t("edition.fields.city", { language: "中文" }), "zh-CN")}
        {text("cityEn", t("edition.fields.city", { language: "English" }), "en")}
        {text("cityPt", t("edition.fields.city", { language: "Português" }), "pt")}
        {text("venueZh", t("edition.fields.venue", { language: "中文" }), "zh-CN")}
        {text("venueEn", t("edition.fields.venue", { language: "English" }), "en")}
        {text("venuePt", t("edition.fields.venue", { language: "Português" }), "pt")}
        <SelectField label={t("edition.fields.timeZone")} hint={t("edition.timeZoneHint")} selectProps={getSelectProps(fields.timeZone)} options={zones} errors={fields.timeZone.errors} />
        <Field label={t("edition.fields.website")} inputProps={{ ...getInputProps(fields.website, { type: "url" }) }} errors={fields.website.errors} />
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("edition.sections.dates")}</legend>
        <Field label={t("edition.fields.startsOn")} inputProps={{ ...getInputProps(fields.startsOn, { type: "date" }) }} errors={fields.startsOn.errors} />
        <Field label={t("edition.fields.endsOn")} inputProps={{ ...getInputProps(fields.endsOn, { type: "date" }) }} errors={fields.endsOn.errors} />
        <label className="checkbox">
          <input {...getInputProps(fields.online, { type: "checkbox" })} />
          <span>{t("edition.fields.online")}</span>
        </label>
        <h3>{t("edition.phases")}</h3>
        <p className="field__hint">{t("edition.phasesHint")}</p>
        {phases.map((row, index) => {
          const cells = row.getFieldset();
          return (
            <div key={row.key ?? `phase-${index}`} className="repeat-row" role="group" aria-label={t("edition.phase", { number: index + 1 })}>
              <Field label={t("edition.fields.phaseStartsOn", { number: index + 1 })} inputProps={{ ...getInputProps(cells.startsOn, { type: "date" }) }} errors={cells.startsOn.errors} />
              <Field label={t("edition.fields.phaseEndsOn", { number: index + 1 })} inputProps={{ ...getInputProps(cells.endsOn, { type: "date" }) }} errors={cells.endsOn.errors} />
              <Field label={t("edition.fields.categories", { language: "中文" })} inputProps={{ ...getInputProps(cells.categoriesZh, { type: "text" }), lang: "zh-CN" }} errors={cells.categoriesZh.errors} />
              <Field label={t("edition.fields.categories", { language: "English" })} inputProps={{ ...getInputProps(cells.categoriesEn, { type: "text" }), lang: "en" }} errors={cells.categoriesEn.errors} />
              <Field label={t("edition.fields.categories", { language: "Português" })} inputProps={{ ...getInputProps(cells.categoriesPt, { type: "text" }), lang: "pt" }} errors={cells.categoriesPt.errors} />
              <button className="button button--quiet" {...form.remove.getButtonProps({ name: fields.phases.name, index })}>
                {t("form.remove")}
              </button>
            </div>
          );
        })}
        <ErrorList errors={fields.phases.errors} />
        <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.phases.name, defaultValue: { startsOn: "", endsOn: "" } })}>
          {t("edition.addPhase")}
        </button>
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </p>
    </Form>
  );
}
