import { TranslatedText } from "~/components/translated-text";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedNumber, FormattedUsd } from "~/components/formatted";
import { ErrorList, HoneypotField, TextareaField } from "~/components/forms";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmEditor, requireFirmSpeaker } from "~/modules/access/firm.server";
import { formatHsCode } from "~/modules/hs/hs-code";
import { checkAttachments, readForm } from "~/modules/inquiry/attachment.server";
import { ATTACHMENT_FIELD, attachmentFieldErrors } from "~/modules/inquiry/attachment-limits";
import { AttachmentField } from "~/components/inquiry";
import { MESSAGE_MAX, RequestAnswerSchema } from "~/modules/inquiry/inquiry.schema";
import { domainErrorReply } from "~/utils/domain-error.server";
import { answerSourcingRequest, getRequestAnswerForm } from "~/modules/inquiry/request-answer.server";
import { isOfferLimited, takeOfferHit } from "~/modules/inquiry/limits.server";
import { isRecordId } from "~/modules/matching/record-id";
import { catalogStyles } from "~/styles/catalog";
import inquiryStyles from "~/styles/inquiry.css";
import matchingStyles from "~/styles/matching.css";
import { notFound } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["matching", "inquiry", "catalog", "validation", "translation"] };
export const links: LinksFunction = () => [...catalogStyles, { rel: "stylesheet", href: inquiryStyles }, { rel: "stylesheet", href: matchingStyles }];

/**
 * /$lang/catalog/firms/:firmId/requests/:requestId?product= — a firm answers
 * a buyer's sourcing request: the request, the firm's products to offer, a
 * message and attachments. The answer opens a thread with the buyer. The
 * firm's members answer; bureau staff may look (the form is not theirs).
 * A request the firm may not see is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const editor = await requireFirmEditor(request, params.firmId ?? "");
  const requestId = params.requestId ?? "";
  const form = isRecordId(requestId) ? await getRequestAnswerForm(editor.firmId, requestId, locale) : null;
  if (!form) notFound();
  const chosen = new URL(request.url).searchParams.get("product");
  const t = await getFixedT(locale, "matching");
  return json({
    title: t("answer.title"),
    form,
    asBureau: editor.asBureau,
    chosen: form.firm.products.some((product) => product.id === chosen) ? chosen : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title ?? ""), { name: "robots", content: "noindex" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  // Only the firm's own members speak for it (bureau staff included: 403).
  const member = await requireFirmSpeaker(request, params.firmId ?? "");
  const requestId = params.requestId ?? "";
  if (!isRecordId(requestId)) notFound();
  const upload = await readForm(request);
  const submission = parseSubmission(upload.formData, { schema: RequestAnswerSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["website"] }), { status: 400 });
  if (await isOfferLimited(member.id, member.firmId)) {
    return json(submission.reply({ formErrors: ["matching:errors.tooMany"] }), { status: 429 });
  }
  const checked = await checkAttachments(upload);
  if (!checked.ok) {
    return json(submission.reply({ fieldErrors: attachmentFieldErrors(checked) }), { status: 400 });
  }
  // Only answers that open a thread count: the hit is given back otherwise.
  const hit = await takeOfferHit(member.id, member.firmId);
  if (!hit) return json(submission.reply({ formErrors: ["matching:errors.tooMany"] }), { status: 429 });
  try {
    const answer = await answerSourcingRequest(member, requestId, submission.value, checked.attachments).catch(async (error: unknown) => {
      await hit.release();
      throw error;
    });
    if (answer.existing) {
      await hit.release();
      return redirect(`/${locale}/inquiries/${answer.id}`);
    }
    return redirect(`/${locale}/inquiries/${answer.id}?sent=1`);
  } catch (error) {
    // Closed, past its deadline or private since the page was loaded: gone (404), as for a GET.
    const { result, status } = domainErrorReply(error, submission);
    return json(result, { status });
  }
}

export default function AnswerRequestPage() {
  const { t } = useTranslation("matching");
  const { lang, firmId } = useParams();
  const { form: data, asBureau, chosen } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "answer-request",
    lastResult,
    defaultValue: { productIds: chosen ? [chosen] : [] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestAnswerSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { request } = data;
  const picked = new Set((fields.productIds.value as string[] | string | undefined) ?? (chosen ? [chosen] : []));
  const attachmentErrors = (lastResult?.error?.[ATTACHMENT_FIELD] ?? null) as string[] | null;
  return (
    <div className="stack-lg catalog-page">
      <p>
        <Link to={`/${lang}/catalog/firms/${firmId}/requests`}>{t("answer.back")}</Link>
      </p>
      <header className="stack">
        <h1>{t("answer.title")}</h1>
        <p className="lead">{t("answer.intro")}</p>
      </header>
      <section className="card stack" aria-labelledby="answer-request-title">
        <TranslatedText as="h2" id="answer-request-title" original={request.title} language={request.titleLocale ?? lang ?? ""} translation={request.titleTranslation} />
        <dl className="facts">
          <dt>{t("firmRequests.hs")}</dt>
          <dd>{request.hsCodes.map(formatHsCode).join(", ")}</dd>
          {request.quantity !== null ? (
            <>
              <dt>{t("firmRequests.quantity")}</dt>
              <dd>
                <FormattedNumber value={request.quantity} /> {request.unitName}
              </dd>
            </>
          ) : null}
          {request.targetPriceUsd !== null ? (
            <>
              <dt>{t("firmRequests.target")}</dt>
              <dd>
                <FormattedUsd min={request.targetPriceUsd} />
              </dd>
            </>
          ) : null}
          {request.requiredCertifications.length ? (
            <>
              <dt>{t("firmRequests.certifications")}</dt>
              <dd>{request.requiredCertifications.join(", ")}</dd>
            </>
          ) : null}
          {request.destinationCountryName ? (
            <>
              <dt>{t("firmRequests.destination")}</dt>
              <dd>{request.destinationCountryName}</dd>
            </>
          ) : null}
          {request.buyerCountryName ? (
            <>
              <dt>{t("firmRequests.buyerCountry")}</dt>
              <dd>{request.buyerCountryName}</dd>
            </>
          ) : null}
          <dt>{t("firmRequests.deadline")}</dt>
          <dd>{request.deadline ? <FormattedDate value={request.deadline} /> : t("firmRequests.noDeadline")}</dd>
        </dl>
      </section>
      {data.inquiryId ? (
        <p className="notice" role="note">
          {t("answer.already")}{" "}
          {asBureau ? null : <Link to={`/${lang}/inquiries/${data.inquiryId}`}>{t("answer.openThread")}</Link>}
        </p>
      ) : asBureau ? (
        <p className="notice" role="note">
          {t("answer.bureauOnly")}
        </p>
      ) : !data.firm.canAnswer ? (
        <p className="notice notice--warning" role="note">
          {t("errors.firmNotVerified")}
        </p>
      ) : data.firm.buyerBlocked ? (
        <p className="notice notice--warning" role="note">
          {t("errors.buyerBlocked")}
        </p>
      ) : (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card stack">
          <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.website.errors ?? [])]} />
          <fieldset className="stack">
            <legend>{t("answer.products")}</legend>
            {data.firm.products.length ? (
              <>
                <p className="field__hint">{t("answer.productsHint")}</p>
                <div className="product-choices">
                  {data.firm.products.map((product) => (
                    // eslint-disable-next-line jsx-a11y/label-has-associated-control -- the input is inside the label
                    <label key={product.id} className="product-choice">
                      <input type="checkbox" name={fields.productIds.name} value={product.id} defaultChecked={picked.has(product.id)} />
                      <span>
                        {product.name} <span className="muted">{t("abbr.hs", { ns: "common" })} {formatHsCode(product.hsCode)}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </>
            ) : (
              <p className="field__hint">{t("answer.noProducts")}</p>
            )}
            <ErrorList errors={fields.productIds.errors} />
          </fieldset>
          <TextareaField
            label={t("answer.message")}
            hint={t("answer.messageHint", { max: MESSAGE_MAX })}
            textareaProps={{ ...getTextareaProps(fields.message), rows: 7, maxLength: MESSAGE_MAX }}
            errors={fields.message.errors}
          />
          <AttachmentField id="answer-attachment" errors={attachmentErrors} />
          <HoneypotField name="website" />
          <button type="submit" className="button" disabled={navigation.state === "submitting" || data.firm.products.length === 0}>
            {t("answer.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
