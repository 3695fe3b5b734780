import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, SelectField, TextareaField } from "~/components/forms";
import { FormattedDate, FormattedDateTime } from "~/components/formatted";
import { AttachmentField, AttachmentList, MessageLanguage } from "~/components/inquiry";
import { TranslatedText } from "~/components/translated-text";
import { OwnTranslations } from "~/components/own-translation";
import { InquiryTerms } from "~/components/inquiry-terms";
import { OwnTranslationSchema } from "~/modules/translation/authored.schema";
import { saveAuthoredMessageTranslation } from "~/modules/translation/authored.server";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { checkAttachments, readForm } from "~/modules/inquiry/attachment.server";
import { ATTACHMENT_FIELD, attachmentFieldErrors } from "~/modules/inquiry/attachment-limits";
import { inquiryStatuses, MESSAGE_MAX, MessageSchema, ReportSchema, REPORT_REASON_MAX, StatusSchema } from "~/modules/inquiry/inquiry.schema";
import {
  getThread,
  postMessage,
  reportInquiry,
  setBuyerBlocked,
  setInquiryStatus,
} from "~/modules/inquiry/thread.server";
import { countryName } from "~/modules/reference/countries.server";
import { requireInquiryParty, requireInquiryViewer } from "~/modules/access/inquiry.server";
import { requireUser } from "~/modules/access/user.server";
import { domainErrorReply } from "~/utils/domain-error.server";
import { pageMeta } from "~/utils/meta";
import inquiryStyles from "~/styles/inquiry.css";
import { parseSubmission } from "~/utils/form.server";

export const handle = { i18n: ["inquiry", "validation", "privacy", "translation"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inquiryStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const thread = await getThread(await requireInquiryViewer(request, params.inquiryId ?? ""), locale);
  const t = await getFixedT(locale, "inquiry");
  return json(
    {
      title: t(thread.openedBy === "FIRM" ? "thread.offerTitle" : "thread.title", { firm: thread.firm.name }),
      thread: {
        ...thread,
        destinationName: thread.terms.destinationCountry ? countryName(thread.terms.destinationCountry, locale) : null,
        buyerCountryName: thread.buyerCompany.country ? countryName(thread.buyerCompany.country, locale) : null,
      },
    },
    // Private conversation: never kept by a shared cache.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

type Intent = "message" | "status" | "block" | "unblock" | "report" | "translation";

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  await requireUser(request);
  const inquiryId = params.inquiryId ?? "";
  const upload = await readForm(request);
  const intent = String(upload.formData.get("intent") ?? "") as Intent;

  if (intent === "message") {
    const submission = parseSubmission(upload.formData, { schema: MessageSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), done: false }, { status: 400 });
    }
    const checked = await checkAttachments(upload);
    if (!checked.ok) {
      return json({ intent, result: submission.reply({ fieldErrors: attachmentFieldErrors(checked) }), done: false }, { status: 400 });
    }
    try {
      await postMessage(await requireInquiryParty(request, inquiryId), submission.value.body, checked.attachments);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: false }, { status });
    }
    return json({ intent, result: submission.reply({ resetForm: true }), done: true });
  }

  if (intent === "status") {
    const submission = parseSubmission(upload.formData, { schema: StatusSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: false }, { status: 400 });
    await setInquiryStatus(await requireInquiryParty(request, inquiryId, "FIRM"), submission.value.status);
    return json({ intent, result: submission.reply(), done: true });
  }

  if (intent === "block" || intent === "unblock") {
    await setBuyerBlocked(await requireInquiryParty(request, inquiryId, "FIRM"), intent === "block");
    return json({ intent, result: null, done: true });
  }

  if (intent === "report") {
    const submission = parseSubmission(upload.formData, { schema: ReportSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: false }, { status: 400 });
    await reportInquiry(await requireInquiryParty(request, inquiryId), submission.value.reason);
    return json({ intent, result: submission.reply({ resetForm: true }), done: true });
  }

  if (intent === "translation") {
    const submission = parseSubmission(upload.formData, { schema: OwnTranslationSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: false }, { status: 400 });
    try {
      await saveAuthoredMessageTranslation(await requireInquiryParty(request, inquiryId), submission.value);
    } catch (error) {
      const { result, status } = domainErrorReply(error, submission);
      return json({ intent, result, done: false }, { status });
    }
    return json({ intent, result: submission.reply(), done: true });
  }

  return json({ intent, result: null, done: false }, { status: 400 });
}

type Thread = SerializeFrom<typeof loader>["thread"];

export default function InquiryThreadPage() {
  const { t } = useTranslation("inquiry");
  const { thread } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const lang = i18n.language;
  const counterpart = thread.viewerSide === "FIRM" ? thread.buyerCompany.name : thread.firm.name;
  return (
    <div className="stack-lg inquiry-thread">
      <p>
        {thread.bureauView ? null : <Link to={`/${lang}/inquiries`}>← {t("thread.back")}</Link>}
      </p>
      <header className="stack">
        <h1>{t(thread.openedBy === "FIRM" ? "thread.offerTitle" : "thread.title", { firm: thread.firm.name })}</h1>
        <p className="lead">
          {t("thread.between", { buyer: thread.buyerCompany.name, firm: thread.firm.name })}
          {thread.buyerCountryName ? ` · ${thread.buyerCountryName}` : ""}{" "}
          <span className={`badge inquiry-status inquiry-status--${thread.status.toLowerCase()}`}>{t(`status.${thread.status}`)}</span>
        </p>
        {searchParams.get("sent") ? (
          <p className="notice notice--success" role="status">
            {t(thread.openedBy === "FIRM" ? "new.answerSent" : "new.sent")}
          </p>
        ) : null}
        {thread.bureauView ? (
          <p className="notice" role="note">
            {t("thread.bureauView")}
          </p>
        ) : null}
        {thread.blocked && thread.viewerSide === "BUYER" ? (
          <p className="notice notice--warning" role="note">
            {t("thread.blockedBuyerNotice")}
          </p>
        ) : null}
      </header>

      <InquiryTerms thread={thread} />

      <section className="card stack" aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t("thread.conversation")}</h2>
        <ol className="messages">
          {thread.messages.map((message) => (
            <li
              key={message.id}
              id={`m-${message.id}`}
              className={`message message--${message.side.toLowerCase()}${message.own ? " message--own" : ""}${message.statusChange ? " message--event" : ""}`}
            >
              <p className="message__meta">
                <strong>
                  {message.authorDeleted
                    ? t("privacy:deletedAccount")
                    : message.own
                      ? t("thread.you")
                      : message.authorName ?? (message.side === "FIRM" ? thread.firm.name : thread.buyerCompany.name)}
                </strong>{" "}
                <span className="muted">({t(message.side === "FIRM" ? "thread.firmSide" : "thread.buyerSide")})</span> ·{" "}
                <FormattedDateTime value={message.createdAt} />
              </p>
              {message.statusChange ? (
                <p>{t("thread.statusChanged", { status: t(`status.${message.statusChange}`) })}</p>
              ) : (
                <>
                  {/* Text only: whatever was written is shown, never interpreted as HTML. */}
                  <TranslatedText className="message__body" original={message.body} language={message.language} translation={message.translation} />
                  <p className="message__language">
                    <MessageLanguage language={message.language} source={message.languageSource} />
                  </p>
                </>
              )}
              <AttachmentList label={t("thread.attachments")} attachments={message.attachments} href={(id) => `/${lang}/inquiries/${thread.id}/attachments/${id}`} />
              {message.own ? <OwnTranslations messageId={message.id} translations={message.ownTranslations} /> : null}
              {message.own ? (
                <p className="message__receipt muted">{message.readByOtherSide ? `✓✓ ${t("thread.read")}` : `✓ ${t("thread.notRead")}`}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {thread.viewerSide ? <ReplyForm thread={thread} counterpart={counterpart} /> : null}
      {thread.viewerSide === "FIRM" ? <FirmTools thread={thread} /> : null}
      {thread.viewerSide ? <ReportForm /> : null}
      {thread.reports.length ? (
        <section className="card" aria-labelledby="reports-title">
          <h2 id="reports-title">{t("thread.reports")}</h2>
          <ul>
            {thread.reports.map((report) => (
              <li key={report.id}>
                <FormattedDate value={report.createdAt} /> ({t(report.side === "FIRM" ? "thread.firmSide" : "thread.buyerSide")}): {report.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ReplyForm({ thread, counterpart }: { thread: Thread; counterpart: string }) {
  const { t } = useTranslation("inquiry");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lastResult = actionData?.intent === "message" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "reply",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MessageSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const attachmentErrors = (lastResult?.error?.[ATTACHMENT_FIELD] ?? null) as string[] | null;
  const disabled = thread.viewerSide === "BUYER" && thread.blocked;
  return (
    <section className="card" aria-labelledby="reply-title">
      <h2 id="reply-title">{t("thread.reply")}</h2>
      {actionData?.intent === "message" && actionData.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.sent")}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack" aria-label={`${t("thread.reply")}: ${counterpart}`}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="message" />
        <TextareaField
          label={t("thread.body")}
          hint={t("new.messageHint", { max: MESSAGE_MAX })}
          textareaProps={{ ...getTextareaProps(fields.body), rows: 5, maxLength: MESSAGE_MAX, disabled }}
          errors={fields.body.errors}
        />
        <AttachmentField id="reply-attachment" errors={attachmentErrors} disabled={disabled} />
        <button type="submit" className="button" disabled={disabled || navigation.state === "submitting"}>
          {t("thread.send")}
        </button>
      </Form>
    </section>
  );
}

function FirmTools({ thread }: { thread: Thread }) {
  const { t } = useTranslation("inquiry");
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "status",
    lastResult: actionData?.intent === "status" ? actionData.result : undefined,
    defaultValue: { status: thread.status },
  });
  return (
    <section className="card stack" aria-labelledby="firm-tools-title">
      <h2 id="firm-tools-title">{t("thread.setStatus")}</h2>
      {actionData?.intent === "status" && actionData.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.statusSaved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <input type="hidden" name="intent" value="status" />
        <SelectField
          label={t("inbox.status")}
          selectProps={getSelectProps(fields.status)}
          options={inquiryStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          errors={fields.status.errors}
        />
        <button type="submit" className="button button--secondary">
          {t("thread.statusSubmit")}
        </button>
      </Form>
      <h3>{t("thread.manage")}</h3>
      {actionData?.intent === "block" || actionData?.intent === "unblock" ? (
        <p className="notice notice--success" role="status">
          {t(actionData.intent === "block" ? "thread.blocked" : "thread.unblocked")}
        </p>
      ) : null}
      <Form method="post">
        {thread.blocked ? (
          <button type="submit" name="intent" value="unblock" className="button button--secondary">
            {t("thread.unblock")}
          </button>
        ) : (
          <>
            <p className="field__hint">{t("thread.blockHint")}</p>
            <button type="submit" name="intent" value="block" className="button button--danger">
              {t("thread.block")}
            </button>
          </>
        )}
      </Form>
    </section>
  );
}

function ReportForm() {
  const { t } = useTranslation("inquiry");
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "report",
    lastResult: actionData?.intent === "report" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <details className="card report" open={actionData?.intent === "report" ? true : undefined}>
      <summary>{t("thread.report")}</summary>
      {actionData?.intent === "report" && actionData.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.reported")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="report" />
        <TextareaField
          label={t("thread.reportReason")}
          hint={t("thread.reportHint")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: REPORT_REASON_MAX }}
          errors={fields.reason.errors}
        />
        <button type="submit" className="button button--secondary">
          {t("thread.reportSubmit")}
        </button>
      </Form>
    </details>
  );
}
