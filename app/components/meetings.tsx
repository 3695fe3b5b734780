import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "./choice-fields";
import { ErrorList, Field, SelectField, TextareaField } from "./forms";
import { MatchReasons } from "./matching";

type Option = { value: string; label: string };
type Result = SubmissionResult<string[]> | undefined;

/** A refused request, ask, accept or decline, shown at the top of the page (its row may be gone or changed). */
export function ActionErrors({ result }: { result: Result }) {
  const errors = result?.status === "error" && result.error ? (result.error[""] ?? []) : [];
  return <ErrorList errors={errors} />;
}

export function ReasonList({ reasons }: { reasons: { code: string; text: string; negative: boolean }[] }) {
  return reasons.length ? <MatchReasons reasons={reasons} /> : null;
}

/** A buyer's registration for meetings at an edition: create, edit, cancel. */
export function RegistrationForm({
  registration,
  registered,
  options,
  lastResult,
  disabled,
}: {
  registration: { days: string[]; mode: string; timeZone: string; videoLink: string | null; languages: string[]; needsInterpreter: boolean } | null;
  registered: boolean;
  options: { days: Option[]; timeZones: Option[]; languages: Option[] };
  lastResult: Result;
  disabled: boolean;
}) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  const [form, fields] = useForm<{ days: string[]; mode: string; timeZone: string; videoLink: string; languages: string[] }>({
    id: "meeting-registration",
    lastResult,
    defaultValue: {
      mode: registration?.mode ?? "IN_PERSON",
      timeZone: registration?.timeZone ?? "America/Sao_Paulo",
      videoLink: registration?.videoLink ?? "",
    },
  });
  const sent = lastResult?.status === "error" ? lastResult.initialValue : undefined;
  const asList = (value: unknown, fallback: string[]) => (sent ? (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []) : fallback);
  const busy = navigation.state === "submitting";
  return (
    <section className="card stack" aria-labelledby="registration-title">
      <h2 id="registration-title">{registered ? t("registration.editTitle") : t("registration.title")}</h2>
      {registration?.mode && !registered ? <p>{t("registration.cancelled")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="register" />
        <CheckboxGroup
          key={`days-${sent ? "sent" : "stored"}`}
          legend={t("registration.days")}
          name="days"
          options={options.days}
          checked={asList(sent?.days, registration?.days ?? [])}
          errors={fields.days.errors}
        />
        <SelectField
          label={t("registration.mode")}
          selectProps={getSelectProps(fields.mode)}
          options={["IN_PERSON", "REMOTE"].map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
          errors={fields.mode.errors}
        />
        <SelectField label={t("registration.timeZone")} hint={t("registration.timeZoneHint")} selectProps={getSelectProps(fields.timeZone)} options={options.timeZones} errors={fields.timeZone.errors} />
        <Field label={t("registration.videoLink")} hint={t("registration.videoLinkHint")} inputProps={getInputProps(fields.videoLink, { type: "url" })} errors={fields.videoLink.errors} />
        <CheckboxGroup
          key={`languages-${sent ? "sent" : "stored"}`}
          legend={t("registration.languages")}
          name="languages"
          options={options.languages}
          checked={asList(sent?.languages, registration?.languages ?? [])}
          errors={fields.languages.errors}
        />
        <label className="checkbox">
          <input type="checkbox" name="needsInterpreter" defaultChecked={sent ? sent.needsInterpreter === "on" : (registration?.needsInterpreter ?? false)} />
          <span>{t("registration.needsInterpreter")}</span>
        </label>
        <div>
          <button type="submit" className="button" disabled={busy || disabled}>
            {registered ? t("registration.save") : t("registration.submit")}
          </button>
        </div>
      </Form>
      {registered ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("registration.cancel")}
          </button>
          <span className="field__hint"> {t("registration.cancelHint")}</span>
        </Form>
      ) : null}
    </section>
  );
}

interface RequestState {
  id: string;
  status: string;
  mutual: boolean;
  askedByMe: boolean;
  askedByThem: boolean;
  theirMessage: string | null;
}

/** Where a pair stands for the reader, and what they can do: ask, accept, decline. */
export function MeetingRequestActions({ counterpartId, request, lastResult }: { counterpartId: string; request: RequestState | null; lastResult: Result }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const formId = `ask-${counterpartId}`;
  const [form, fields] = useForm({ id: formId, lastResult: lastResult?.initialValue?.counterpartId === counterpartId ? lastResult : undefined });
  if (!request) {
    return (
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="ask" />
        <input type="hidden" name="counterpartId" value={counterpartId} />
        <TextareaField label={t("request.message")} hint={t("request.messageHint")} textareaProps={{ ...getTextareaProps(fields.message), rows: 2, maxLength: 500 }} errors={fields.message.errors} />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t("request.ask")}
          </button>
        </div>
      </Form>
    );
  }
  const status = request.mutual ? "mutual" : request.status === "PENDING" ? (request.askedByMe ? "waiting" : "asked") : request.status;
  return (
    <div className="stack">
      <p>
        <span className={`badge${request.status === "ACCEPTED" ? " badge--verified" : ""}`} data-status={status}>
          {t(`request.status.${status}`)}
        </span>
      </p>
      {request.theirMessage ? <blockquote>{request.theirMessage}</blockquote> : null}
      {request.status === "PENDING" || request.status === "ACCEPTED" ? (
        <Form method="post" className="actions">
          <input type="hidden" name="requestId" value={request.id} />
          {request.status === "PENDING" && request.askedByThem && !request.askedByMe ? (
            <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
              {t("request.accept")}
            </button>
          ) : null}
          <button type="submit" name="intent" value="decline" className="button button--secondary" disabled={busy}>
            {request.askedByMe && !request.askedByThem && request.status === "PENDING" ? t("request.withdraw") : t("request.decline")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
