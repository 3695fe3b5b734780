import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/choice-fields";
import { ErrorList, Field } from "~/components/forms";
import { scoreCriteria, type ScoreWeights } from "~/modules/delegation/scoring";
import { MAX_QUOTA } from "~/modules/delegation/call.schema";

export type CallFormValues = {
  opensAt: string;
  deadline: string;
  quota: number;
  townIds: string[];
  clusterIds: string[];
  verifiedOnly: boolean;
  minProducts: number;
  boothTypes: { code: string; name: string; widthM: number; depthM: number; feeCny: number }[];
  subsidySharePercent: number;
  subsidyCapCny: number;
  documentsAsked: string[];
  weights: ScoreWeights;
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);

/**
 * The terms of a delegation call: when it opens and closes (local time where
 * the fair is held), the quota, who may apply, the booths and their fees,
 * the subsidy, the documents asked for and the weights of the fair score.
 */
export function CallForm({
  lastResult,
  defaultValue,
  timeZone,
  towns,
  clusters,
  editable,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: CallFormValues;
  timeZone: string;
  towns: { value: string; label: string }[];
  clusters: { value: string; label: string }[];
  editable: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation("delegation");
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "call-terms", lastResult: lastResult ?? undefined, defaultValue, shouldValidate: "onSubmit" });
  const boothRows = fields.boothTypes.getFieldList();
  const documentRows = fields.documentsAsked.getFieldList();
  const weights = fields.weights.getFieldset();
  const number = (meta: Parameters<typeof getInputProps>[0], label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <Field label={label} hint={hint} inputProps={{ ...getInputProps(meta, { type: "number" }), step: "any", ...extra }} errors={meta.errors} />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack-lg">
      <input type="hidden" name="intent" value="save" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset className="card stack" disabled={!editable}>
        <legend>{t("call.sections.window")}</legend>
        <Field label={t("call.fields.opensAt")} hint={t("call.zoneHint", { zone: timeZone })} inputProps={{ ...getInputProps(fields.opensAt, { type: "datetime-local" }) }} errors={fields.opensAt.errors} />
        <Field label={t("call.fields.deadline")} hint={t("call.zoneHint", { zone: timeZone })} inputProps={{ ...getInputProps(fields.deadline, { type: "datetime-local" }) }} errors={fields.deadline.errors} />
        {number(fields.quota, t("call.fields.quota"), { min: 1, max: MAX_QUOTA, step: 1 })}
      </fieldset>
      <fieldset className="card stack" disabled={!editable}>
        <legend>{t("call.sections.eligibility")}</legend>
        <CheckboxGroup legend={t("call.fields.towns")} hint={t("call.allHint")} name={fields.townIds.name} options={towns} checked={asList(fields.townIds.initialValue)} errors={fields.townIds.errors} />
        <CheckboxGroup legend={t("call.fields.clusters")} hint={t("call.allHint")} name={fields.clusterIds.name} options={clusters} checked={asList(fields.clusterIds.initialValue)} errors={fields.clusterIds.errors} />
        <label className="checkbox">
          <input {...getInputProps(fields.verifiedOnly, { type: "checkbox" })} />
          <span>{t("call.fields.verifiedOnly")}</span>
        </label>
        {number(fields.minProducts, t("call.fields.minProducts"), { min: 0, step: 1 })}
      </fieldset>
      <fieldset className="card stack" disabled={!editable}>
        <legend>{t("call.sections.booths")}</legend>
        {boothRows.map((row, index) => {
          const cells = row.getFieldset();
          return (
            <div key={row.key ?? `booth-${index}`} className="repeat-row" role="group" aria-label={t("call.boothType", { number: index + 1 })}>
              <Field label={t("call.fields.boothCode")} inputProps={{ ...getInputProps(cells.code, { type: "text" }), maxLength: 20 }} errors={cells.code.errors} />
              <Field label={t("call.fields.boothName")} inputProps={{ ...getInputProps(cells.name, { type: "text" }), maxLength: 80 }} errors={cells.name.errors} />
              {number(cells.widthM, t("call.fields.widthM"))}
              {number(cells.depthM, t("call.fields.depthM"))}
              {number(cells.feeCny, t("call.fields.feeCny"), { min: 0 })}
              <button className="button button--quiet" {...form.remove.getButtonProps({ name: fields.boothTypes.name, index })}>
                {t("form.remove")}
              </button>
            </div>
          );
        })}
        <ErrorList errors={fields.boothTypes.errors} />
        <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.boothTypes.name, defaultValue: { code: "" } })}>
          {t("call.addBoothType")}
        </button>
        {number(fields.subsidySharePercent, t("call.fields.subsidySharePercent"), { min: 0, max: 100 })}
        {number(fields.subsidyCapCny, t("call.fields.subsidyCapCny"), { min: 0 })}
      </fieldset>
      <fieldset className="card stack" disabled={!editable}>
        <legend>{t("call.sections.documents")}</legend>
        {documentRows.map((row, index) => (
          <div key={row.key ?? `document-${index}`} className="repeat-row">
            <Field label={t("call.fields.document", { number: index + 1 })} inputProps={{ ...getInputProps(row, { type: "text" }), maxLength: 120 }} errors={row.errors} />
            <button className="button button--quiet" {...form.remove.getButtonProps({ name: fields.documentsAsked.name, index })}>
              {t("form.remove")}
            </button>
          </div>
        ))}
        <ErrorList errors={fields.documentsAsked.errors} />
        <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.documentsAsked.name, defaultValue: "" })}>
          {t("call.addDocument")}
        </button>
      </fieldset>
      <fieldset className="card stack" disabled={!editable}>
        <legend>{t("call.sections.weights")}</legend>
        <p className="field__hint">{t("call.weightsHint")}</p>
        {scoreCriteria.map((criterion) => (
          <div key={criterion}>{number(weights[criterion], t(`criteria.${criterion}`), { min: 0, max: 100 })}</div>
        ))}
        <ErrorList errors={fields.weights.errors} />
      </fieldset>
      {editable ? (
        <p>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </p>
      ) : (
        <p className="notice">{t("call.locked")}</p>
      )}
    </Form>
  );
}
