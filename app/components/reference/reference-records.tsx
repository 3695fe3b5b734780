import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField } from "~/components/forms";
import type { ReferenceActionData } from "./reference-forms";

/**
 * Bureau → Reference data, the records themselves: adding a town or a
 * cluster, removing one (refused while in use), a town's designation and
 * specialty, a certification's markets and validity rules.
 */
function useReply(formId: string, actionData: ReferenceActionData | undefined) {
  return useForm({ id: formId, lastResult: actionData?.formId === formId ? actionData.result : undefined });
}

const initial = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);

function useDesignationOptions() {
  const { t } = useTranslation("reference");
  return [
    { value: "provincialSpecialtyTown", label: t("designation.provincialSpecialtyTown") },
    { value: "nationalBase", label: t("designation.nationalBase") },
  ];
}

/** A new town, or a new cluster (in a town, with its HS headings). */
export function AddRecordForm({
  kind,
  towns,
  actionData,
  busy,
}: {
  kind: "town" | "cluster";
  towns?: { id: string; label: string }[];
  actionData?: ReferenceActionData;
  busy: boolean;
}) {
  const { t } = useTranslation("reference");
  const intent = kind === "town" ? "addTown" : "addCluster";
  const [form, fields] = useReply(intent, actionData);
  const designations = useDesignationOptions();
  return (
    <details className="card stack" open={actionData?.formId === intent && !actionData.done}>
      <summary>{t(`add.${kind}`)}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={intent} />
        <div className="form-grid">
          <Field label={t("add.slug")} hint={t("add.slugHint")} inputProps={{ ...getInputProps(fields.slug, { type: "text" }) }} errors={fields.slug.errors} />
          <Field label={t("names.zh")} inputProps={{ ...getInputProps(fields.nameZh, { type: "text" }), lang: "zh-CN" }} errors={fields.nameZh.errors} />
          <Field label={t("names.en")} inputProps={{ ...getInputProps(fields.nameEn, { type: "text" }), lang: "en" }} errors={fields.nameEn.errors} />
          <Field label={t("names.pt")} inputProps={{ ...getInputProps(fields.namePt, { type: "text" }), lang: "pt" }} errors={fields.namePt.errors} />
          {kind === "town" ? (
            <>
              <SelectField label={t("designation.label")} selectProps={getSelectProps(fields.designation)} options={designations} placeholder={t("designation.none")} errors={fields.designation.errors} />
              <Field label={t("designation.by")} hint={t("designation.byHint")} inputProps={{ ...getInputProps(fields.designatedBy, { type: "text" }) }} errors={fields.designatedBy.errors} />
            </>
          ) : (
            <>
              <SelectField label={t("add.inTown")} selectProps={getSelectProps(fields.townId)} options={(towns ?? []).map((town) => ({ value: town.id, label: town.label }))} placeholder={t("add.noTown")} errors={fields.townId.errors} />
              <Field label={t("names.hsHeadings")} hint={t("names.hsHeadingsHint")} inputProps={{ ...getInputProps(fields.hsHeadings, { type: "text" }) }} errors={fields.hsHeadings.errors} />
            </>
          )}
        </div>
        <p>
          <button type="submit" className="button button--small" disabled={busy}>
            {t(`add.${kind}`)}
          </button>
        </p>
      </Form>
    </details>
  );
}

/** Removes a town or cluster; the server refuses while anything uses it and says what. */
export function RemoveRecordForm({ kind, id, owner, actionData, busy }: { kind: "town" | "cluster"; id: string; owner: string; actionData?: ReferenceActionData; busy: boolean }) {
  const { t } = useTranslation("reference");
  const [form] = useReply(`remove-${kind}-${id}`, actionData);
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="removeReference" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--small button--quiet" disabled={busy} aria-label={t("remove.named", { owner })}>
        {t("remove.button")}
      </button>
    </Form>
  );
}

/** A town's designation, who designated it, and its specialty industry. */
export function DesignationEditor({
  town,
  actionData,
  busy,
}: {
  town: { id: string; designation: string | null; designatedBy: string; specialty: { zh: string; en: string; pt: string } };
  actionData?: ReferenceActionData;
  busy: boolean;
}) {
  const { t } = useTranslation("reference");
  const [form, fields] = useReply(`designate-${town.id}`, actionData);
  const designations = useDesignationOptions();
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="designate" />
      <input type="hidden" name="id" value={town.id} />
      <div className="form-grid">
        <SelectField
          label={t("designation.label")}
          selectProps={{ ...getSelectProps(fields.designation), defaultValue: initial(fields.designation.initialValue, town.designation ?? "") }}
          options={designations}
          placeholder={t("designation.none")}
          errors={fields.designation.errors}
        />
        <Field label={t("designation.by")} hint={t("designation.byHint")} inputProps={{ ...getInputProps(fields.designatedBy, { type: "text" }), defaultValue: initial(fields.designatedBy.initialValue, town.designatedBy) }} errors={fields.designatedBy.errors} />
        <Field label={t("specialty.zh")} inputProps={{ ...getInputProps(fields.specialtyZh, { type: "text" }), lang: "zh-CN", defaultValue: initial(fields.specialtyZh.initialValue, town.specialty.zh) }} errors={fields.specialtyZh.errors} />
        <Field label={t("specialty.en")} inputProps={{ ...getInputProps(fields.specialtyEn, { type: "text" }), lang: "en", defaultValue: initial(fields.specialtyEn.initialValue, town.specialty.en) }} errors={fields.specialtyEn.errors} />
        <Field label={t("specialty.pt")} inputProps={{ ...getInputProps(fields.specialtyPt, { type: "text" }), lang: "pt", defaultValue: initial(fields.specialtyPt.initialValue, town.specialty.pt) }} errors={fields.specialtyPt.errors} />
      </div>
      <p>
        <button type="submit" className="button button--small" disabled={busy}>
          {t("designation.save")}
        </button>
      </p>
    </Form>
  );
}

export interface CertificationRulesView {
  markets: string[];
  marketNames: (string | null)[];
  validityMonths: number | null;
  expiryRequired: boolean;
  reminderDays: number[];
}

/** The markets a certification matters for, and its validity rules. */
export function CertificationRulesEditor({ code, rules, actionData, busy }: { code: string; rules: CertificationRulesView; actionData?: ReferenceActionData; busy: boolean }) {
  const { t } = useTranslation("reference");
  const [form, fields] = useReply(`rules-${code}`, actionData);
  const names = rules.markets.map((market, index) => rules.marketNames[index] ?? t(`regions.${market}`, { defaultValue: market }));
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="certificationRules" />
      <input type="hidden" name="id" value={code} />
      <p className="muted">{names.length ? t("rules.mattersFor", { markets: names.join(", ") }) : t("rules.noMarkets")}</p>
      <div className="form-grid">
        <Field label={t("rules.markets")} hint={t("rules.marketsHint")} inputProps={{ ...getInputProps(fields.markets, { type: "text" }), defaultValue: initial(fields.markets.initialValue, rules.markets.join(", ")) }} errors={fields.markets.errors} />
        <Field
          label={t("rules.validityMonths")}
          hint={t("rules.validityMonthsHint")}
          inputProps={{ ...getInputProps(fields.validityMonths, { type: "number" }), min: 1, max: 240, defaultValue: initial(fields.validityMonths.initialValue, rules.validityMonths ? String(rules.validityMonths) : "") }}
          errors={fields.validityMonths.errors}
        />
        <Field label={t("rules.reminderDays")} hint={t("rules.reminderDaysHint")} inputProps={{ ...getInputProps(fields.reminderDays, { type: "text" }), defaultValue: initial(fields.reminderDays.initialValue, rules.reminderDays.join(", ")) }} errors={fields.reminderDays.errors} />
      </div>
      <label className="checkbox">
        <input {...getInputProps(fields.expiryRequired, { type: "checkbox" })} defaultChecked={fields.expiryRequired.initialValue === "on" || (fields.expiryRequired.initialValue === undefined && rules.expiryRequired)} /> {t("rules.expiryRequired")}
      </label>
      <p>
        <button type="submit" className="button button--small" disabled={busy}>
          {t("rules.save")}
        </button>
      </p>
    </Form>
  );
}
