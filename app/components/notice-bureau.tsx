import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/bar-chart";
import { FormattedDateTime } from "~/components/formatted";
import { readRateBars } from "~/modules/notice/figures";

interface Reason {
  key: string;
  params: Record<string, string>;
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation("notices");
  if (!reasons.length) return <span className="muted">{t("reason.sentToYou")}</span>;
  return (
    <ul className="plain-list reasons">
      {reasons.map((reason) => (
        <li key={`${reason.key}-${Object.values(reason.params).join("-")}`}>{t(reason.key, reason.params)}</li>
      ))}
    </ul>
  );
}

/** The bureau's audience preview: how many firms, and who (the first hundred). */
export function NoticeAudience({ audience }: { audience: { count: number; firms: { id: string; name: string; reasons: Reason[] }[] } }) {
  const { t } = useTranslation("notices");
  return (
    <section className="card stack" aria-labelledby="audience-title">
      <h2 id="audience-title">{t("audience.title")}</h2>
      <p data-testid="audience-count">{t("audience.count", { count: audience.count })}</p>
      {audience.count === 0 ? (
        <p className="notice notice--warning" role="alert">
          {t("audience.nobody")}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("audience.firm")}</th>
              <th scope="col">{t("audience.why")}</th>
            </tr>
          </thead>
          <tbody>
            {audience.firms.map((firm) => (
              <tr key={firm.id}>
                <td>{firm.name}</td>
                <td>
                  <ReasonList reasons={firm.reasons} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audience.count > audience.firms.length ? <p className="muted">{t("audience.more", { count: audience.count - audience.firms.length })}</p> : null}
    </section>
  );
}

export function NoticeSendForms({ status, audienceCount }: { status: string; audienceCount: number }) {
  const { t } = useTranslation("notices");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const confirm =
    audienceCount === 0 ? (
      <label className="checkbox">
        <input type="checkbox" name="confirmEmpty" /> {t("send.confirmEmpty")}
      </label>
    ) : null;
  return (
    <section className="card stack" aria-labelledby="send-title">
      <h2 id="send-title">{t("send.title")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="sendNow" />
        {confirm}
        <button type="submit" className="button" disabled={busy}>
          {t("send.now")}
        </button>
      </Form>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="schedule" />
        <div className="field">
          <label htmlFor="send-at">{t("send.at")}</label>
          <p className="field__hint">{t("send.atHint")}</p>
          <input id="send-at" type="datetime-local" name="sendAt" required />
        </div>
        {confirm}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("send.schedule")}
        </button>
      </Form>
      {status === "SCHEDULED" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unschedule" />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("send.unschedule")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

interface Group {
  key: string;
  label: string | null;
  total: number;
  read: number;
}

function GroupTable({ title, groups }: { title: string; groups: Group[] }) {
  const { t } = useTranslation("notices");
  return (
    <table className="table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">{t("stats.firms")}</th>
          <th scope="col">{t("stats.read")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <td>{group.label ?? t("stats.none")}</td>
            <td>{group.total}</td>
            <td>{group.read}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoticeReadStatistics({
  statistics,
  open,
  remindedAt,
}: {
  statistics: {
    total: number;
    read: number;
    interested: number;
    applied: number;
    byCluster: Group[];
    byTown: Group[];
    readFirms: { id: string; name: string; at: string }[];
    unreadFirms: { id: string; name: string }[];
  };
  /** The deadline has not passed (reminding still makes sense). */
  open: boolean;
  remindedAt: string | null;
}) {
  const { t } = useTranslation("notices");
  const navigation = useNavigation();
  return (
    <section className="card stack" aria-labelledby="stats-title">
      <h2 id="stats-title">{t("stats.title")}</h2>
      <p data-testid="read-count">{t("stats.summary", { read: statistics.read, total: statistics.total, interested: statistics.interested, applied: statistics.applied })}</p>
      <GroupTable title={t("stats.byCluster")} groups={statistics.byCluster} />
      <BarChart title={t("stats.chartByCluster")} description={t("stats.chartDescription")} data={readRateBars(statistics.byCluster, t("stats.none"))} formatValue={(value) => `${value}%`} />
      <GroupTable title={t("stats.byTown")} groups={statistics.byTown} />
      <BarChart title={t("stats.chartByTown")} description={t("stats.chartDescription")} data={readRateBars(statistics.byTown, t("stats.none"))} formatValue={(value) => `${value}%`} />
      <h3>{t("stats.unread")}</h3>
      <ul className="plain-list" data-testid="unread-firms">
        {statistics.unreadFirms.map((firm) => (
          <li key={firm.id}>{firm.name}</li>
        ))}
      </ul>
      <h3>{t("stats.readList")}</h3>
      <ul className="plain-list" data-testid="read-firms">
        {statistics.readFirms.map((firm) => (
          <li key={firm.id}>
            {firm.name} · <FormattedDateTime value={firm.at} />
          </li>
        ))}
      </ul>
      {remindedAt ? (
        <p>
          {t("remind.done")} <FormattedDateTime value={remindedAt} />
        </p>
      ) : open && statistics.total > statistics.read ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("remind.button", { count: statistics.total - statistics.read })}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
