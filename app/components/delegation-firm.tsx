import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { DateTime } from "luxon";
import { useTranslation } from "react-i18next";
import { ErrorList, SelectField, TextareaField } from "~/components/forms";
import { attachmentAccept, MAX_ATTACHMENT_BYTES } from "~/modules/inquiry/attachment-limits";
import { documentField, NOTE_MAX } from "~/modules/delegation/application-form";
import type { BoothType } from "~/modules/delegation/subsidy";
import { MAX_ATTENDEES, MAX_PRODUCTS_SHOWN } from "~/modules/delegation/call.schema";

/** A moment as the venue's clock shows it, the zone named (a deadline in Macao is read in Macao time). */
export function VenueDateTime({ value, zone }: { value: string; zone: string }) {
  const { i18n } = useTranslation();
  const when = DateTime.fromISO(value, { zone }).setLocale(i18n.language);
  return (
    <time dateTime={value} suppressHydrationWarning>
      {when.toLocaleString(DateTime.DATETIME_MED)} ({zone})
    </time>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("participation");
  return <span className={`badge badge--application-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

/** Why the firm may not apply, worded for it. */
export function ReasonList({ reasons }: { reasons: ({ code: string; names?: string[]; needed?: number; has?: number })[] }) {
  const { t, i18n } = useTranslation("participation");
  // Any one of the towns (or clusters) will do: "Guzhen or Xiaolan", "古镇或小榄".
  const list = new Intl.ListFormat(i18n.language, { type: "disjunction" });
  return (
    <ul className="reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>{t(`reasons.${reason.code}`, { names: list.format(reason.names ?? []), needed: reason.needed, has: reason.has })}</li>
      ))}
    </ul>
  );
}

export function Money({ value }: { value: number }) {
  const { i18n } = useTranslation();
  return <span suppressHydrationWarning>{new Intl.NumberFormat(i18n.language, { style: "currency", currency: "CNY" }).format(value)}</span>;
}

type Fields = ReturnType<typeof useForm<Record<string, unknown>>>[1];
type FormMeta = ReturnType<typeof useForm<Record<string, unknown>>>[0];

/**
 * The application form (apply and edit): the booth type, the firm's own
 * products to show, who attends (one per line), the documents the call asks
 * for, a note. What was typed comes back with the errors.
 */
export function ApplicationFormFields(props: {
  form: FormMeta;
  fields: Fields;
  boothTypes: BoothType[];
  products: { id: string; name: string; hsCode: string; published: boolean }[];
  documentsAsked: string[];
  documentsHeld?: { askedIndex: number | null; fileName: string }[];
  documentErrors: Record<string, string[] | undefined>;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation("participation");
  const { form, fields } = props;
  const picked = new Set([fields.productIds.value ?? []].flat() as string[]);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card stack">
      <ErrorList id={form.errorId} errors={form.errors} />
      <SelectField
        label={t("form.boothType")}
        selectProps={getSelectProps(fields.boothTypeCode as never)}
        errors={fields.boothTypeCode.errors}
        placeholder={t("form.choose")}
        options={props.boothTypes.map((booth) => ({ value: booth.code, label: t("form.boothOption", { name: booth.name, width: booth.widthM, depth: booth.depthM, fee: booth.feeCny }) }))}
      />
      <fieldset className="stack">
        <legend>{t("form.products")}</legend>
        <p className="field__hint">{t("form.productsHint", { max: MAX_PRODUCTS_SHOWN })}</p>
        {props.products.length ? (
          <div className="product-choices">
            {props.products.map((product) => (
              // eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label
              <label key={product.id} className="product-choice">
                <input type="checkbox" name={fields.productIds.name} value={product.id} defaultChecked={picked.has(product.id)} />
                <span>
                  {product.name} <span className="muted">HS {product.hsCode}</span>
                  {product.published ? null : <span className="muted"> · {t("form.unpublished")}</span>}
                </span>
              </label>
            ))}
          </div>
        ) : (
          <p>{t("form.noProducts")}</p>
        )}
        <ErrorList errors={fields.productIds.errors} />
      </fieldset>
      <TextareaField
        label={t("form.attendees")}
        hint={t("form.attendeesHint", { max: MAX_ATTENDEES })}
        textareaProps={{ ...getTextareaProps(fields.attendees as never), rows: 5 }}
        errors={fields.attendees.errors}
      />
      <div className="field field--check">
        <label>
          <input {...getInputProps(fields.keepWithCluster as never, { type: "checkbox" })} /> {t("form.keepWithCluster")}
        </label>
      </div>
      {props.documentsAsked.length ? (
        <fieldset className="stack">
          <legend>{t("form.documents")}</legend>
          <p className="field__hint">{t("form.documentsHint", { size: Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024)) })}</p>
          {props.documentsAsked.map((name, index) => {
            const field = documentField(index);
            const held = props.documentsHeld?.find((document) => document.askedIndex === index);
            const errors = props.documentErrors[field];
            return (
              <div className="field" key={field}>
                <label htmlFor={`delegation-${field}`}>{name}</label>
                {held ? <p className="field__hint">{t("form.documentHeld", { file: held.fileName })}</p> : null}
                <input id={`delegation-${field}`} type="file" name={field} accept={attachmentAccept} aria-invalid={errors?.length ? true : undefined} />
                <ErrorList errors={errors} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <TextareaField label={t("form.note")} textareaProps={{ ...getTextareaProps(fields.note as never), rows: 3, maxLength: NOTE_MAX }} errors={fields.note.errors} />
      <button type="submit" className="button" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}
