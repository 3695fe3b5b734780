import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, HoneypotField, SelectField, TextareaField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { checkAttachments, readForm } from "~/modules/inquiry/attachment.server";
import { ATTACHMENT_FIELD, attachmentFieldErrors } from "~/modules/inquiry/attachment-limits";
import { AttachmentField } from "~/components/inquiry";
import { incoterms, MESSAGE_MAX, NewInquirySchema, quantityUnits } from "~/modules/inquiry/inquiry.schema";
import { domainErrorReply } from "~/utils/domain-error.server";
import { createInquiry, getNewInquiryForm } from "~/modules/inquiry/opening.server";
import { isInquiryLimited, takeInquiryHit } from "~/modules/inquiry/limits.server";
import { countryOptions } from "~/modules/reference/countries.server";
import { requireBuyer } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";
import { parseSubmission } from "~/utils/form.server";
import { z } from "zod";
import { parseQuery, queryId } from "~/utils/query";

export const handle = { i18n: ["inquiry", "validation"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

const NewInquiryQuerySchema = z.object({ firm: queryId, product: queryId, request: queryId });

/** /$lang/inquiries/new?firm=<firmId>&product=<productId>&request=<requestId> */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyer(request);
  const query = parseQuery(request, NewInquiryQuerySchema);
  const form = await getNewInquiryForm(buyer, { firmId: query.firm ?? null, productId: query.product ?? null, requestId: query.request ?? null }, locale);
  const t = await getFixedT(locale, "inquiry");
  return json({ title: t("new.title"), form, countries: countryOptions(locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyer(request);
  const upload = await readForm(request);
  const submission = parseSubmission(upload.formData, { schema: NewInquirySchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["website"] }), { status: 400 });
  }
  if (await isInquiryLimited(buyer.id, context.clientAddress)) {
    return json(submission.reply({ formErrors: ["inquiry:errors.tooMany"] }), { status: 429 });
  }
  const checked = await checkAttachments(upload);
  if (!checked.ok) {
    return json(submission.reply({ fieldErrors: attachmentFieldErrors(checked) }), { status: 400 });
  }
  // The early check above spares the upload; this one is the atomic count.
  if (!(await takeInquiryHit(buyer.id, context.clientAddress))) {
    return json(submission.reply({ formErrors: ["inquiry:errors.tooMany"] }), { status: 429 });
  }
  try {
    const inquiry = await createInquiry(buyer, submission.value, checked.attachments);
    return redirect(`/${locale}/inquiries/${inquiry.id}?sent=1`);
  } catch (error) {
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function NewInquiryPage() {
  const { t } = useTranslation("inquiry");
  const { form: data, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-inquiry",
    lastResult,
    defaultValue: {
      firmId: data.firm?.id,
      requestId: data.request?.id,
      productIds: data.defaults.productIds,
      quantity: data.defaults.quantity?.toString(),
      unit: data.defaults.unit,
      targetPriceUsd: data.defaults.targetPriceUsd?.toString(),
      destinationCountry: data.defaults.destinationCountry,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewInquirySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!data.firm) {
    return (
      <section className="auth-card auth-card--wide stack" aria-labelledby="new-inquiry-title">
        <h1 id="new-inquiry-title">{t("new.title")}</h1>
        <p className="notice" role="note">
          {t(data.problem ? `errors.${data.problem}` : "new.noFirm")}
        </p>
      </section>
    );
  }
  const chosen = new Set((fields.productIds.value as string[] | string | undefined) ?? data.defaults.productIds);
  const attachmentErrors = (lastResult?.error?.[ATTACHMENT_FIELD] ?? null) as string[] | null;
  const unavailable = Boolean(data.problem);
  return (
    <section className="auth-card auth-card--wide stack" aria-labelledby="new-inquiry-title">
      <h1 id="new-inquiry-title">{t("new.title")}</h1>
      <p className="lead">
        {t("new.to", { firm: data.firm.name })}
        {data.firm.town ? ` · ${data.firm.town}` : ""}
      </p>
      {data.request ? <p>{t("new.fromRequest", { title: data.request.title })}</p> : null}
      {data.problem ? (
        <p className="notice notice--warning" role="alert">
          {t(`errors.${data.problem}`)}
        </p>
      ) : (
        <p className="field__hint">{t("new.intro")}</p>
      )}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        {/* A filled honeypot is reported with the form, not next to a field nobody sees. */}
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.website.errors ?? [])]} />
        <input type="hidden" name="firmId" value={data.firm.id} />
        {data.request ? <input type="hidden" name="requestId" value={data.request.id} /> : null}
        <fieldset className="stack">
          <legend>{t("new.products")}</legend>
          {data.firm.products.length ? (
            <>
              <p className="field__hint">{t("new.productsHint")}</p>
              <div className="product-choices">
                {data.firm.products.map((product) => (
                  // eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label
                  <label key={product.id} className="product-choice">
                    <input type="checkbox" name={fields.productIds.name} value={product.id} defaultChecked={chosen.has(product.id)} />
                    <span>{product.name}</span>
                  </label>
                ))}
              </div>
            </>
          ) : (
            <p className="field__hint">{t("new.noProducts")}</p>
          )}
          <ErrorList errors={fields.productIds.errors} />
        </fieldset>
        <div className="form-row">
          <Field
            label={t("new.quantity")}
            inputProps={{ ...getInputProps(fields.quantity, { type: "number" }), min: 1, step: 1, inputMode: "numeric" }}
            errors={fields.quantity.errors}
          />
          <SelectField
            label={t("new.unit")}
            selectProps={getSelectProps(fields.unit)}
            options={quantityUnits.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
            placeholder={t("new.choose")}
            errors={fields.unit.errors}
          />
          <Field
            label={t("new.targetPrice")}
            inputProps={{ ...getInputProps(fields.targetPriceUsd, { type: "number" }), min: 0.01, step: 0.01, inputMode: "decimal" }}
            errors={fields.targetPriceUsd.errors}
          />
          <SelectField
            label={t("new.incoterm")}
            selectProps={getSelectProps(fields.incoterm)}
            options={incoterms.map((term) => ({ value: term, label: term }))}
            placeholder={t("new.choose")}
            errors={fields.incoterm.errors}
          />
        </div>
        <SelectField
          label={t("new.destination")}
          selectProps={getSelectProps(fields.destinationCountry)}
          options={countries}
          placeholder={t("new.choose")}
          errors={fields.destinationCountry.errors}
        />
        <TextareaField
          label={t("new.message")}
          hint={t("new.messageHint", { max: MESSAGE_MAX })}
          textareaProps={{ ...getTextareaProps(fields.message), rows: 7, maxLength: MESSAGE_MAX }}
          errors={fields.message.errors}
        />
        <AttachmentField id="new-inquiry-attachment" errors={attachmentErrors} />
        <HoneypotField name="website" />
        <button type="submit" className="button" disabled={unavailable || navigation.state === "submitting"}>
          {t("new.submit")}
        </button>
      </Form>
    </section>
  );
}
