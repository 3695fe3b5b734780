import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "./choice-fields";
import { ErrorList, Field, TextareaField } from "./forms";

type Result = SubmissionResult<string[]> | undefined;

interface Grid {
  days: string[];
  dayFrom: string;
  dayTo: string;
  breaks: { from: string; to: string }[];
  slotMinutes: number;
  tables: number;
  maxMeetingsPerFirm: number;
  maxMeetingsPerBuyer: number;
}

/** The bureau's grid: days, hours, breaks, slot length, tables, interpreter pool, caps. */
export function GridForm({ grid, interpretersText, days, lastResult }: { grid: Grid; interpretersText: string; days: { value: string; label: string }[]; lastResult: Result }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  const [form, fields] = useForm<{ days: string[]; dayFrom: string; dayTo: string; breaks: string; slotMinutes: string; tables: string; interpreters: string; maxMeetingsPerFirm: string; maxMeetingsPerBuyer: string }>({
    id: "meeting-grid",
    lastResult,
    defaultValue: {
      dayFrom: grid.dayFrom,
      dayTo: grid.dayTo,
      breaks: grid.breaks.map((entry) => `${entry.from}-${entry.to}`).join(", "),
      slotMinutes: String(grid.slotMinutes),
      tables: String(grid.tables),
      interpreters: interpretersText,
      maxMeetingsPerFirm: String(grid.maxMeetingsPerFirm),
      maxMeetingsPerBuyer: String(grid.maxMeetingsPerBuyer),
    },
  });
  const sent = lastResult?.status === "error" ? lastResult.initialValue?.days : undefined;
  const checked = lastResult?.status === "error" ? (Array.isArray(sent) ? sent.map(String) : sent ? [String(sent)] : []) : grid.days;
  return (
    <section className="card stack" aria-labelledby="grid-title">
      <h2 id="grid-title">{t("bureau.gridTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="grid" />
        <CheckboxGroup key={lastResult?.status ?? "stored"} legend={t("bureau.days")} name="days" options={days} checked={checked} errors={fields.days.errors} />
        <div className="form-grid">
          <Field label={t("bureau.dayFrom")} inputProps={getInputProps(fields.dayFrom, { type: "text" })} errors={fields.dayFrom.errors} />
          <Field label={t("bureau.dayTo")} inputProps={getInputProps(fields.dayTo, { type: "text" })} errors={fields.dayTo.errors} />
          <Field label={t("bureau.breaks")} hint={t("bureau.breaksHint")} inputProps={getInputProps(fields.breaks, { type: "text" })} errors={fields.breaks.errors} />
          <Field label={t("bureau.slotMinutes")} inputProps={getInputProps(fields.slotMinutes, { type: "number" })} errors={fields.slotMinutes.errors} />
          <Field label={t("bureau.tables")} inputProps={getInputProps(fields.tables, { type: "number" })} errors={fields.tables.errors} />
          <Field label={t("bureau.maxMeetingsPerFirm")} inputProps={getInputProps(fields.maxMeetingsPerFirm, { type: "number" })} errors={fields.maxMeetingsPerFirm.errors} />
          <Field label={t("bureau.maxMeetingsPerBuyer")} inputProps={getInputProps(fields.maxMeetingsPerBuyer, { type: "number" })} errors={fields.maxMeetingsPerBuyer.errors} />
        </div>
        <TextareaField label={t("bureau.interpreters")} hint={t("bureau.interpretersHint")} textareaProps={{ ...getTextareaProps(fields.interpreters), rows: 4 }} errors={fields.interpreters.errors} />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("bureau.saveGrid")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ScheduleActions({ canPublish }: { canPublish: boolean }) {
  const { t } = useTranslation("meetings");
  const navigation = useNavigation();
  return (
    <Form method="post" className="actions">
      <button type="submit" name="intent" value="run" className="button" disabled={navigation.state === "submitting"}>
        {t("bureau.run")}
      </button>
      <button type="submit" name="intent" value="publish" className="button button--secondary" disabled={!canPublish || navigation.state === "submitting"}>
        {t("bureau.publish")}
      </button>
      <span className="field__hint">{t("bureau.runHint")}</span>
    </Form>
  );
}

interface PlacedMeeting {
  id: string;
  slotId: string;
  table: string | null;
  interpreter: string | null;
  remote: boolean;
  locked: boolean;
  firm: string;
  buyer: string;
}

export function ScheduleTable({ meetings, slots, tables }: { meetings: PlacedMeeting[]; slots: string[]; tables: string[] }) {
  const { t } = useTranslation("meetings");
  return (
    <section className="stack" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t("bureau.meetingsTitle", { count: meetings.length })}</h2>
      {meetings.length === 0 ? <p>{t("bureau.noMeetings")}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("bureau.slot")}</th>
              <th scope="col">{t("bureau.table")}</th>
              <th scope="col">{t("bureau.firm")}</th>
              <th scope="col">{t("bureau.buyer")}</th>
              <th scope="col">{t("bureau.interpreter")}</th>
              <th scope="col">{t("bureau.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id} data-meeting={meeting.id}>
                <td>{meeting.slotId.replace("T", " ")}</td>
                <td>{meeting.remote ? t("mode.REMOTE") : meeting.table}</td>
                <td>{meeting.firm}</td>
                <td>{meeting.buyer}</td>
                <td>{meeting.interpreter ?? ""}</td>
                <td>
                  <Form method="post" className="actions">
                    <input type="hidden" name="meetingId" value={meeting.id} />
                    <button type="submit" name="intent" value={meeting.locked ? "unlock" : "lock"} className="button button--secondary">
                      {meeting.locked ? t("bureau.unlock") : t("bureau.lock")}
                    </button>
                  </Form>
                  <Form method="post" className="actions">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="meetingId" value={meeting.id} />
                    <label>
                      <span className="visually-hidden">{t("bureau.slot")}</span>
                      <select name="slotId" defaultValue={meeting.slotId}>
                        {slots.map((slot) => (
                          <option key={slot} value={slot}>
                            {slot.replace("T", " ")}
                          </option>
                        ))}
                      </select>
                    </label>
                    {meeting.remote ? null : (
                      <label>
                        <span className="visually-hidden">{t("bureau.table")}</span>
                        <select name="table" defaultValue={meeting.table ?? ""}>
                          {tables.map((table) => (
                            <option key={table} value={table}>
                              {table}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    <button type="submit" className="button button--secondary">
                      {t("bureau.move")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function UnscheduledList({ unscheduled }: { unscheduled: { requestId: string; reason: string; firm: string; buyer: string }[] }) {
  const { t } = useTranslation("meetings");
  if (!unscheduled.length) return null;
  return (
    <section className="stack" aria-labelledby="unscheduled-title">
      <h2 id="unscheduled-title">{t("bureau.unscheduledTitle", { count: unscheduled.length })}</h2>
      <ul>
        {unscheduled.map((entry) => (
          <li key={entry.requestId} data-request={entry.requestId} data-reason={entry.reason}>
            {entry.firm} – {entry.buyer}: {t(`reasons.${entry.reason}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
