import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField, TextareaField } from "./forms";

type Result = SubmissionResult<string[]> | undefined;

export interface OutcomeRowView {
  requestId: string;
  startsAt: string;
  /** The meeting's start in the fair's zone, worded in the reader's language. */
  when: string;
  counterpart: string;
  window: "notYet" | "open" | "closed";
  record: {
    attendance: string;
    interest: string | null;
    samplesRequested: boolean;
    quotationSent: boolean;
    intendedOrderUsd: number | null;
    orderPlaced: boolean;
    confirmedOrderUsd: number | null;
    rating: number | null;
    notes: string | null;
    updatedAt: string;
    corrected: boolean;
  } | null;
  /** The firm's follow-ups (30, 90, 180 days): the stages it may answer now and its answers so far. */
  followUps?: { answerable: number[]; answered: { stage: number; answeredAt: string; orderPlaced: boolean; confirmedOrderUsd: number | null; notes: string | null }[] };
}

const attendances = ["HELD", "NO_SHOW_FIRM", "NO_SHOW_BUYER"];
const interests = ["NONE", "LOW", "MEDIUM", "HIGH"];

function Checkbox({ props, label }: { props: ReturnType<typeof getInputProps>; label: string }) {
  const { key, ...rest } = props;
  return (
    <label className="checkbox">
      <input key={key ?? undefined} {...rest} />
      <span>{label}</span>
    </label>
  );
}

/** One meeting's outcome as its side records it: the firm's business figures, or the buyer's rating. */
export function OutcomeForm({
  side,
  row,
  lastResult,
  hidden = {},
}: {
  side: "FIRM" | "BUYER";
  row: Pick<OutcomeRowView, "requestId" | "record" | "followUps">;
  lastResult: Result;
  /** More fields the form posts (the bureau's correction says which side's record it is). */
  hidden?: Record<string, string>;
}) {
  const { t } = useTranslation("meetingReport");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const record = row.record;
  const answerable = side === "FIRM" ? (row.followUps?.answerable ?? []) : [];
  const answered = new Set(row.followUps?.answered.map((entry) => entry.stage) ?? []);
  // The latest stage due and not answered yet is the one the firm most likely answers.
  const nextStage = [...answerable].reverse().find((stage) => !answered.has(stage));
  const [form, fields] = useForm<Record<string, string>>({
    id: `outcome-${row.requestId}${hidden.side ? `-${hidden.side}` : ""}`,
    lastResult: lastResult?.initialValue?.requestId === row.requestId ? lastResult : undefined,
    defaultValue: {
      attendance: record?.attendance ?? "HELD",
      interest: record?.interest ?? "",
      samplesRequested: record?.samplesRequested ? "on" : "",
      quotationSent: record?.quotationSent ? "on" : "",
      orderPlaced: record?.orderPlaced ? "on" : "",
      intendedOrderUsd: record?.intendedOrderUsd?.toString() ?? "",
      confirmedOrderUsd: record?.confirmedOrderUsd?.toString() ?? "",
      rating: record?.rating?.toString() ?? "",
      notes: record?.notes ?? "",
      followUpStage: nextStage?.toString() ?? "",
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack" data-outcome={row.requestId}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="requestId" value={row.requestId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        label={t("outcome.attendance")}
        selectProps={getSelectProps(fields.attendance)}
        options={attendances.map((value) => ({ value, label: t(`attendance.${value}`) }))}
        errors={fields.attendance.errors}
      />
      <SelectField
        label={t("outcome.interest")}
        selectProps={getSelectProps(fields.interest)}
        options={interests.map((value) => ({ value, label: t(`interest.${value}`) }))}
        placeholder={t("outcome.notSaid")}
        errors={fields.interest.errors}
      />
      <Checkbox props={getInputProps(fields.samplesRequested, { type: "checkbox" })} label={t("outcome.samplesRequested")} />
      <ErrorList errors={fields.samplesRequested.errors} />
      {side === "FIRM" ? (
        <>
          <Checkbox props={getInputProps(fields.quotationSent, { type: "checkbox" })} label={t("outcome.quotationSent")} />
          <Field label={t("outcome.intendedOrderUsd")} hint={t("outcome.usdHint")} inputProps={{ ...getInputProps(fields.intendedOrderUsd, { type: "number" }), min: 0, step: 1 }} errors={fields.intendedOrderUsd.errors} />
          <Checkbox props={getInputProps(fields.orderPlaced, { type: "checkbox" })} label={t("outcome.orderPlaced")} />
          <ErrorList errors={fields.orderPlaced.errors} />
          <Field label={t("outcome.confirmedOrderUsd")} hint={t("outcome.usdHint")} inputProps={{ ...getInputProps(fields.confirmedOrderUsd, { type: "number" }), min: 0, step: 1 }} errors={fields.confirmedOrderUsd.errors} />
          {answerable.length ? (
            <SelectField
              label={t("outcome.followUp.stage")}
              selectProps={getSelectProps(fields.followUpStage)}
              options={answerable.map((stage) => ({ value: String(stage), label: t("outcome.followUp.stageOption", { days: stage }) }))}
              placeholder={t("outcome.followUp.stageNone")}
              errors={fields.followUpStage.errors}
            />
          ) : null}
        </>
      ) : (
        <SelectField
          label={t("outcome.rating")}
          selectProps={getSelectProps(fields.rating)}
          options={["1", "2", "3", "4", "5"].map((value) => ({ value, label: t(`rating.${value}`) }))}
          placeholder={t("outcome.notSaid")}
          errors={fields.rating.errors}
        />
      )}
      <TextareaField label={t("outcome.notes")} textareaProps={{ ...getTextareaProps(fields.notes), rows: 3, maxLength: 2000 }} errors={fields.notes.errors} />
      <div>
        <button type="submit" className="button" disabled={busy}>
          {record ? t("outcome.update") : t("outcome.save")}
        </button>
      </div>
    </Form>
  );
}

/** What the firm answered at each follow-up, earliest stage first. */
function FollowUpHistory({ answered }: { answered: NonNullable<OutcomeRowView["followUps"]>["answered"] }) {
  const { t, i18n } = useTranslation("meetingReport");
  if (!answered.length) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div className="stack">
      <h3>{t("outcome.followUp.history")}</h3>
      <ul data-follow-ups="">
        {answered.map((entry) => (
          <li key={entry.stage} data-stage={entry.stage}>
            {t("outcome.followUp.answered", {
              days: entry.stage,
              date: date.format(new Date(entry.answeredAt)),
              order: entry.orderPlaced
                ? entry.confirmedOrderUsd !== null
                  ? t("outcome.followUp.orderYes", { value: number.format(entry.confirmedOrderUsd) })
                  : t("outcome.followUp.orderYesNoValue")
                : t("outcome.followUp.orderNo"),
            })}
            {entry.notes ? ` · ${entry.notes}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A side's meetings, each with its record or its form while the window is open. */
export function OutcomeList({ side, rows, lastResult }: { side: "FIRM" | "BUYER"; rows: OutcomeRowView[]; lastResult: Result }) {
  const { t } = useTranslation("meetingReport");
  if (!rows.length) return <p>{t("outcome.none")}</p>;
  return (
    <ul className="plain-list stack-lg">
      {rows.map((row) => (
        <li key={row.requestId} id={`meeting-${row.requestId}`} className="card stack" data-request={row.requestId}>
          <h2>
            {row.counterpart} · <time dateTime={row.startsAt}>{row.when}</time>
          </h2>
          {row.record ? (
            <p className="muted">
              {t("outcome.recorded", { attendance: t(`attendance.${row.record.attendance}`) })}
              {row.record.corrected ? ` · ${t("outcome.corrected")}` : ""}
            </p>
          ) : null}
          <FollowUpHistory answered={row.followUps?.answered ?? []} />
          {row.window === "open" ? <OutcomeForm side={side} row={row} lastResult={lastResult} /> : <p>{t(`outcome.window.${row.window}`)}</p>}
        </li>
      ))}
    </ul>
  );
}

/** A side's outcomes page: its meetings, the link back to its agenda, and "saved" after a save. */
export function OutcomesPage(props: { side: "FIRM" | "BUYER"; title: string; agendaHref: string; rows: OutcomeRowView[]; actionData: { result: Result; saved?: boolean } | undefined }) {
  const { t } = useTranslation("meetingReport");
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{props.title}</h1>
        <p className="lead">{t(props.side === "FIRM" ? "outcome.introFirm" : "outcome.introBuyer")}</p>
        <p>
          <Link to={props.agendaHref}>{t("outcome.toAgenda")}</Link>
        </p>
      </header>
      {props.actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t("outcome.saved")}
        </p>
      ) : null}
      <OutcomeList side={props.side} rows={props.rows} lastResult={props.actionData?.result} />
    </div>
  );
}
