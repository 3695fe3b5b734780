import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import { FormattedDateTime } from "~/components/formatted";
import { AttachmentField, AttachmentList, MessageLanguage } from "~/components/inquiry";
import { ATTACHMENT_FIELD } from "~/modules/inquiry/attachment-limits";
import { AssignProblemSchema, BODY_MAX, COMMENT_MAX, DEPARTMENT_MAX, ProblemMessageSchema, RateProblemSchema } from "~/modules/problem/problem.schema";
import type { getProblem } from "~/modules/problem/problem.server";

/**
 * The pieces of a problem's page: its messages, the reply form (with the
 * bureau's internal-note box), the bureau's assignment, closing and
 * reopening, and the firm's rating. Each form posts an `intent`; the
 * action's answer says which form it belongs to.
 */
type Problem = SerializeFrom<Awaited<ReturnType<typeof getProblem>>>;
interface ActionAnswer {
  intent: string | null;
  // Conform's reply for the form of `intent`.
  result: SubmissionResult<string[]> | null;
  done: boolean;
}

function useAnswer(intent: string | string[]) {
  const answer = useActionData<ActionAnswer>();
  const intents = Array.isArray(intent) ? intent : [intent];
  return answer && answer.intent && intents.includes(answer.intent) ? answer : undefined;
}

export function ProblemMessages({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation("problems");
  const lang = i18n.language;
  const bureau = problem.side === "BUREAU";
  return (
    <section className="card stack" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t("thread.conversation")}</h2>
      <ol className="messages">
        {problem.messages.map((message) => (
          <li
            key={message.id}
            id={`m-${message.id}`}
            className={`message message--${message.side === "FIRM" ? "firm" : "buyer"}${message.own ? " message--own" : ""}${message.internal ? " message--event" : ""}`}
          >
            <p className="message__meta">
              <strong>{message.own ? t("thread.you") : message.side === "BUREAU" ? message.authorName ?? t("thread.bureau") : message.authorName ?? problem.firm.name}</strong>{" "}
              <span className="muted">({t(message.side === "FIRM" ? "thread.firmSide" : "thread.bureauSide")})</span> · <FormattedDateTime value={message.createdAt} />
            </p>
            {message.internal && bureau ? <p className="badge">{t("thread.internal")}</p> : null}
            {/* Text only: whatever was written is shown, never interpreted as HTML. */}
            <p className="message__body" lang={message.language}>
              {message.body}
            </p>
            <p className="message__language">
              <MessageLanguage language={message.language} source="detected" />
            </p>
            <AttachmentList label={t("thread.attachments")} attachments={message.attachments} href={(id) => `/${lang}/problems/${problem.id}/attachments/${id}`} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ReplyForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation("problems");
  const answer = useAnswer("message");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "problem-reply",
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProblemMessageSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const attachmentErrors = (answer?.result?.error?.[ATTACHMENT_FIELD] ?? null) as string[] | null;
  const title = t(problem.side === "BUREAU" ? "thread.reply" : "thread.replyFirm");
  return (
    <section className="card" aria-labelledby="problem-reply-title">
      <h2 id="problem-reply-title">{title}</h2>
      {answer?.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.sent")}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="message" />
        <TextareaField label={t("thread.body")} textareaProps={{ ...getTextareaProps(fields.body), rows: 5, maxLength: BODY_MAX }} errors={fields.body.errors} />
        {problem.side === "BUREAU" ? (
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" name="internal" value="on" /> {t("thread.internalNote")}
            </label>
          </div>
        ) : null}
        <AttachmentField id="problem-reply-attachment" errors={attachmentErrors} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("thread.send")}
        </button>
      </Form>
    </section>
  );
}

export function AssignForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation("problems");
  const answer = useAnswer("assign");
  const [form, fields] = useForm({
    id: "problem-assign",
    lastResult: answer?.result,
    defaultValue: { assigneeId: problem.assigneeId ?? "", department: problem.department ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignProblemSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="card stack" aria-labelledby="problem-assign-title">
      <h2 id="problem-assign-title">{t("thread.assignment")}</h2>
      {answer?.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.assigned")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="assign" />
        <SelectField
          label={t("thread.assignee")}
          selectProps={getSelectProps(fields.assigneeId)}
          placeholder={t("thread.nobody")}
          options={problem.staff.map((staff) => ({ value: staff.id, label: staff.displayName }))}
          errors={fields.assigneeId.errors}
        />
        <Field
          label={t("thread.department")}
          hint={t("thread.departmentHint")}
          inputProps={{ ...getInputProps(fields.department, { type: "text" }), maxLength: DEPARTMENT_MAX }}
          errors={fields.department.errors}
        />
        <button type="submit" className="button button--secondary">
          {t("thread.assign")}
        </button>
      </Form>
    </section>
  );
}

export function OpenCloseForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation("problems");
  // A refused rating shows here too: its form is only on the page once it can be sent.
  const answer = useAnswer(["close", "reopen", "rate"]);
  const errors = answer?.result?.error?.[""] ?? null;
  const closed = problem.status === "CLOSED";
  return (
    <section className="card stack">
      {answer?.done && answer.intent !== "rate" ? (
        <p className="notice notice--success" role="status">
          {t(answer.intent === "close" ? "thread.closed" : "thread.reopened")}
        </p>
      ) : null}
      <ErrorList errors={errors} />
      <Form method="post">
        <button type="submit" name="intent" value={closed ? "reopen" : "close"} className="button button--secondary">
          {t(closed ? "thread.reopen" : "thread.close")}
        </button>
      </Form>
    </section>
  );
}

export function RateForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation("problems");
  const answer = useAnswer("rate");
  const [form, fields] = useForm({
    id: "problem-rate",
    lastResult: answer?.result,
    defaultValue: { rating: problem.rating ? String(problem.rating) : "", comment: problem.ratingComment ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RateProblemSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="card stack" aria-labelledby="problem-rate-title">
      <h2 id="problem-rate-title">{t("thread.rateTitle")}</h2>
      {answer?.done ? (
        <p className="notice notice--success" role="status">
          {t("thread.rated")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="rate" />
        <SelectField
          label={t("thread.rating")}
          selectProps={getSelectProps(fields.rating)}
          placeholder=""
          options={[5, 4, 3, 2, 1].map((count) => ({ value: String(count), label: t("thread.stars", { count }) }))}
          errors={fields.rating.errors}
        />
        <TextareaField label={t("thread.comment")} textareaProps={{ ...getTextareaProps(fields.comment), rows: 3, maxLength: COMMENT_MAX }} errors={fields.comment.errors} />
        <button type="submit" className="button">
          {t("thread.rate")}
        </button>
      </Form>
    </section>
  );
}

/** A problem's status as a coloured badge, in the reader's language. */
export function ProblemStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("problems");
  return <span className={`badge problem-status problem-status--${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
