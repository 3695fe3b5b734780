import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProductInput } from "~/modules/product/product.schema";
import { moqUnits, PRODUCT_DESCRIPTION_MAX, PRODUCT_NAME_MAX } from "~/modules/product/product.schema";
import type { AttributeOption } from "~/modules/product/vocabulary-options.server";
import { CheckboxGroup, OriginMark } from "./catalog-fields";
import { ErrorList, Field, TextareaField } from "./forms";
import { HsPicker } from "./hs-picker";

export interface ProductFormOptions {
  typeGroups: { cluster: string; types: { value: string; label: string; hs: string }[] }[];
  attributes: AttributeOption[];
  /** Attribute keys shown first: those of the firm's industry. */
  primaryAttributes: string[];
  certifications: { value: string; label: string }[];
}

const locales = [
  ["Zh", "zh-CN"],
  ["En", "en"],
  ["Pt", "pt"],
] as const;

/** The product editor's fields, shared by "new product" and "edit product". */
export function ProductForm({
  form,
  fields,
  options,
  lang,
  hsTitle,
  origins,
  submitLabel,
  busy,
}: {
  form: FormMetadata<ProductInput>;
  fields: ReturnType<FormMetadata<ProductInput>["getFieldset"]>;
  options: ProductFormOptions;
  lang: string;
  hsTitle?: string | null;
  origins?: Record<string, string | null>;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation("catalog");
  const attributeFields = fields.attributes.getFieldset() as Record<string, FieldMetadata<string | number | undefined>>;
  const primary = options.attributes.filter((attribute) => options.primaryAttributes.includes(attribute.key));
  const secondary = options.attributes.filter((attribute) => !options.primaryAttributes.includes(attribute.key));
  const renderAttribute = (attribute: AttributeOption) => {
    const meta = attributeFields[attribute.key];
    if (attribute.kind === "number") {
      return (
        <Field
          key={attribute.key}
          label={`${attribute.label} (${attribute.unit})`}
          inputProps={{ ...getInputProps(meta, { type: "number" }), min: attribute.min, max: attribute.max, step: "any", inputMode: "decimal" }}
          errors={meta.errors}
        />
      );
    }
    const { key, ...selectProps } = getSelectProps(meta);
    return (
      <div className="field" key={attribute.key}>
        <label htmlFor={meta.id}>{attribute.label}</label>
        <select key={key} {...selectProps} aria-invalid={meta.errors?.length ? true : undefined}>
          <option value="">{t("form.none")}</option>
          {attribute.values?.map((value) => (
            <option key={value.value} value={value.value}>
              {value.label}
            </option>
          ))}
        </select>
        <ErrorList errors={meta.errors} />
      </div>
    );
  };
  const { key: typeKey, ...typeProps } = getSelectProps(fields.type);
  return (
    <Form method="post" {...getFormProps(form)} className="stack-lg">
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset className="card stack">
        <legend>{t("product.sections.classification")}</legend>
        <div className="field">
          <label htmlFor={fields.type.id}>{t("product.fields.type")}</label>
          <p className="field__hint" id={`${fields.type.id}-hint`}>
            {t("product.typeHint")}
          </p>
          <select key={typeKey} {...typeProps} aria-describedby={`${fields.type.id}-hint`}>
            <option value="">{t("form.none")}</option>
            {options.typeGroups.map((group) => (
              <optgroup key={group.cluster} label={t(`clusters.${group.cluster}`)}>
                {group.types.map((type) => (
                  <option key={type.value} value={type.value}>
                    {type.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <ErrorList errors={fields.type.errors} />
        </div>
        <HsPicker meta={fields.hsCode} label={t("product.fields.hsCode")} lang={lang} initialTitle={hsTitle} />
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("product.sections.names")}</legend>
        <p className="muted">{t("product.namesHint")}</p>
        {locales.map(([suffix, locale]) => {
          const meta = fields[`name${suffix}`];
          return (
            <Field
              key={locale}
              label={
                <>
                  {t("product.fields.name", { language: t(`languages.${locale}`) })} <OriginMark origin={origins?.[`name${suffix}`]} />
                </>
              }
              inputProps={{ ...getInputProps(meta, { type: "text" }), maxLength: PRODUCT_NAME_MAX, lang: locale }}
              errors={meta.errors}
            />
          );
        })}
        {locales.map(([suffix, locale]) => {
          const meta = fields[`description${suffix}`];
          return (
            <TextareaField
              key={locale}
              label={
                <>
                  {t("product.fields.description", { language: t(`languages.${locale}`) })} <OriginMark origin={origins?.[`description${suffix}`]} />
                </>
              }
              textareaProps={{ ...getTextareaProps(meta), rows: 4, maxLength: PRODUCT_DESCRIPTION_MAX, lang: locale }}
              errors={meta.errors}
            />
          );
        })}
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("product.sections.specs")}</legend>
        <div className="form-grid">{primary.map(renderAttribute)}</div>
        <details className="more-specs">
          <summary>{t("product.moreSpecs")}</summary>
          <div className="form-grid">{secondary.map(renderAttribute)}</div>
        </details>
      </fieldset>

      <fieldset className="card stack">
        <legend>{t("product.sections.trade")}</legend>
        <div className="form-grid">
          <Field label={t("product.fields.moq")} inputProps={{ ...getInputProps(fields.moq, { type: "number" }), min: 1, step: 1, inputMode: "numeric" }} errors={fields.moq.errors} />
          <div className="field">
            <label htmlFor={fields.moqUnit.id}>{t("product.fields.moqUnit")}</label>
            {(() => {
              const { key, ...props } = getSelectProps(fields.moqUnit);
              return (
                <select key={key} {...props} aria-invalid={fields.moqUnit.errors?.length ? true : undefined}>
                  <option value="">{t("form.choose")}</option>
                  {moqUnits.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`units.${unit}`)}
                    </option>
                  ))}
                </select>
              );
            })()}
            <ErrorList errors={fields.moqUnit.errors} />
          </div>
          <Field label={t("product.fields.priceMinUsd")} inputProps={{ ...getInputProps(fields.priceMinUsd, { type: "number" }), min: 0, step: "0.01", inputMode: "decimal" }} errors={fields.priceMinUsd.errors} />
          <Field label={t("product.fields.priceMaxUsd")} inputProps={{ ...getInputProps(fields.priceMaxUsd, { type: "number" }), min: 0, step: "0.01", inputMode: "decimal" }} errors={fields.priceMaxUsd.errors} />
          <Field label={t("product.fields.leadTimeDays")} inputProps={{ ...getInputProps(fields.leadTimeDays, { type: "number" }), min: 1, max: 365, step: 1, inputMode: "numeric" }} errors={fields.leadTimeDays.errors} />
        </div>
        <CheckboxGroup legend={t("product.fields.certifications")} meta={fields.certifications as FieldMetadata<string[] | undefined>} options={options.certifications} />
        <div className="field field--inline">
          {(() => {
            const { key, ...props } = getInputProps(fields.published, { type: "checkbox" });
            return <input key={key} {...props} />;
          })()}
          <label htmlFor={fields.published.id}>{t("product.fields.published")}</label>
        </div>
      </fieldset>

      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
