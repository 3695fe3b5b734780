import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { FormattedNumber } from "~/components/formatted";
import type { ScorePart } from "~/modules/delegation/scoring";

/** What the action answered, for the row whose form was sent. */
export interface RowAnswer {
  intent: string;
  applicationId: string | null;
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | null;
}

export interface ApplicationRowData {
  id: string;
  rank?: number;
  move?: number;
  total?: number;
  max?: number;
  parts?: ScorePart[];
  status: string;
  firmName: string;
  uscc: string | null;
  town: string | null;
  cluster: string | null;
  firmLocale: string;
  boothTypeCode: string;
  products: number;
  attendees: number;
  keepWithCluster: boolean;
  decisionReason: string | null;
  decisionReasonLocale: string | null;
  booth: string | null;
  boothZone: string | null;
  subsidyPaidCny: number | null;
  subsidyCeiling: number;
}

const reasonLocales = ["zh-CN", "en", "pt"] as const;

/** Every part of a score: criterion, points of its weight, and the facts behind it. */
export function ScoreBreakdown({ parts }: { parts: ScorePart[] }) {
  const { t } = useTranslation("delegation");
  return (
    <ul className="plain-list score-parts">
      {parts.map((part) => (
        <li key={part.criterion}>
          {t(`criteria.${part.criterion}`)}: <strong>{part.points}</strong>/{part.weight}{" "}
          <small className="muted">({t(`detail.${part.criterion}`, { ...part.detail, context: part.fraction >= 1 ? "yes" : "no" })})</small>
        </li>
      ))}
    </ul>
  );
}

function errorsFor(answer: RowAnswer | undefined, id: string, intent: string, field: string) {
  if (!answer || answer.applicationId !== id || answer.intent !== intent) return undefined;
  return answer.result?.error?.[field] ?? undefined;
}

function typed(answer: RowAnswer | undefined, id: string, intent: string, field: string): string | undefined {
  if (!answer || answer.applicationId !== id || answer.intent !== intent) return undefined;
  const value = answer.result?.initialValue?.[field];
  return typeof value === "string" ? value : undefined;
}

/** The bureau's forms for one application: the decision with its reason, the booth, the subsidy, a withdrawal. */
export function ApplicationActions({ row, answer, callStatus, boothNumbers }: { row: ApplicationRowData; answer?: RowAnswer; callStatus: string; boothNumbers: string[] }) {
  const { t } = useTranslation("delegation");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const deciding = callStatus === "CLOSED" || callStatus === "SELECTED";
  const booths = row.status === "APPROVED" && (callStatus === "CLOSED" || callStatus === "SELECTED" || callStatus === "ROSTER_PUBLISHED");
  return (
    <div className="stack">
      {deciding ? (
        <Form method="post" className="stack decision-form" aria-label={t("ranking.decideFor", { firm: row.firmName })}>
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="applicationId" value={row.id} />
          <label>
            {t("ranking.decision")}
            <select name="decision" defaultValue={typed(answer, row.id, "decide", "decision") ?? (row.status === "SUBMITTED" ? "APPROVED" : row.status)}>
              {(["APPROVED", "WAITLISTED", "REJECTED"] as const).map((decision) => (
                <option key={decision} value={decision}>
                  {t(`decide.${decision}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("ranking.reason")}
            <textarea name="reason" rows={2} maxLength={1000} defaultValue={typed(answer, row.id, "decide", "reason") ?? row.decisionReason ?? ""} />
          </label>
          <label>
            {t("ranking.reasonLocale")}
            <select name="reasonLocale" defaultValue={typed(answer, row.id, "decide", "reasonLocale") ?? row.decisionReasonLocale ?? (reasonLocales.find((locale) => locale === row.firmLocale) ?? "zh-CN")}>
              {reasonLocales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`languages.${locale}`)}
                </option>
              ))}
            </select>
          </label>
          <ErrorList errors={errorsFor(answer, row.id, "decide", "reason")} />
          <button type="submit" className="button button--small" disabled={busy}>
            {t("ranking.record")}
          </button>
        </Form>
      ) : null}
      {booths ? (
        <Form method="post" className="cluster" aria-label={t("ranking.boothFor", { firm: row.firmName })}>
          <input type="hidden" name="intent" value="booth" />
          <input type="hidden" name="applicationId" value={row.id} />
          <label>
            {t("ranking.booth")}
            <input name="booth" list="booth-numbers" size={6} maxLength={20} key={`booth-${row.booth ?? ""}`} defaultValue={typed(answer, row.id, "booth", "booth") ?? row.booth ?? ""} />
          </label>
          <button type="submit" className="button button--small button--secondary" disabled={busy || boothNumbers.length === 0}>
            {t("ranking.setBooth")}
          </button>
          <ErrorList errors={errorsFor(answer, row.id, "booth", "booth")} />
        </Form>
      ) : null}
      {callStatus === "FINISHED" && row.status === "APPROVED" ? (
        <Form method="post" className="cluster" aria-label={t("ranking.subsidyFor", { firm: row.firmName })}>
          <input type="hidden" name="intent" value="subsidy" />
          <input type="hidden" name="applicationId" value={row.id} />
          <label>
            {t("ranking.subsidyPaid", { max: row.subsidyCeiling })}
            <input name="subsidyPaidCny" type="number" min={0} step="0.01" defaultValue={typed(answer, row.id, "subsidy", "subsidyPaidCny") ?? row.subsidyPaidCny ?? ""} />
          </label>
          <button type="submit" className="button button--small button--secondary" disabled={busy}>
            {t("ranking.recordSubsidy")}
          </button>
          <ErrorList errors={errorsFor(answer, row.id, "subsidy", "subsidyPaidCny")} />
        </Form>
      ) : null}
      {row.status !== "WITHDRAWN" && callStatus !== "FINISHED" && callStatus !== "DRAFT" ? (
        <details>
          <summary>{t("ranking.withdraw")}</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="applicationId" value={row.id} />
            <label>
              {t("ranking.withdrawReason")}
              <textarea name="reason" rows={2} maxLength={1000} defaultValue={typed(answer, row.id, "withdraw", "reason") ?? ""} />
            </label>
            <ErrorList errors={errorsFor(answer, row.id, "withdraw", "reason")} />
            <button type="submit" className="button button--small button--danger" disabled={busy}>
              {t("ranking.withdrawConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

/** Status, reason and booth of one application. */
export function ApplicationState({ row }: { row: ApplicationRowData }) {
  const { t } = useTranslation("delegation");
  return (
    <div className="stack">
      <span className={`badge badge--application-${row.status.toLowerCase()}`}>{t(`status.${row.status}`)}</span>
      {row.decisionReason ? (
        <small>
          {row.decisionReason}
          {row.decisionReasonLocale ? ` (${t(`languages.${row.decisionReasonLocale}`, { defaultValue: row.decisionReasonLocale })})` : ""}
        </small>
      ) : null}
      {row.booth ? (
        <small>
          {t("ranking.boothIs", { booth: row.booth, zone: row.boothZone ?? "—" })}
        </small>
      ) : null}
      {row.subsidyPaidCny !== null ? (
        <small>
          {t("ranking.subsidyIs")} <FormattedNumber value={row.subsidyPaidCny} /> CNY
        </small>
      ) : null}
    </div>
  );
}
