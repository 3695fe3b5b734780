import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChangeLine } from "~/modules/audit/describe";
import { FormattedDateTime } from "./formatted";

export interface AuditTrailEvent {
  id: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  firmId: string | null;
  action: string;
  actionLabel: string;
  changes: ChangeLine[];
  createdAt: string;
  actor: { name: string; email: string; role: string } | null;
  actorLabel: string | null;
}

function Change({ change }: { change: ChangeLine }) {
  const { t } = useTranslation("audit");
  if (change.kind === "value") return <dd>{change.value}</dd>;
  if (change.kind === "change") {
    return (
      <dd>
        <del className="audit-change__from">{change.from}</del> <span aria-hidden="true">→</span>
        <span className="visually-hidden"> {t("trail.becomes")} </span> <ins className="audit-change__to">{change.to}</ins>
      </dd>
    );
  }
  return (
    <dd>
      {change.added?.length ? <ins className="audit-change__to">{t("trail.added", { values: change.added.join(", ") })}</ins> : null}
      {change.added?.length && change.removed?.length ? "; " : null}
      {change.removed?.length ? <del className="audit-change__from">{t("trail.removed", { values: change.removed.join(", ") })}</del> : null}
    </dd>
  );
}

/** Who changed what, when: one entry per audit event, newest first. */
export function AuditTrail({ events, showEntity = true }: { events: AuditTrailEvent[]; showEntity?: boolean }) {
  const { t } = useTranslation("audit");
  const { lang } = useParams();
  if (events.length === 0) return <p>{t("trail.empty")}</p>;
  return (
    <ol className="audit-trail">
      {events.map((event) => (
        <li key={event.id} className="audit-event">
          <p className="audit-event__head">
            <FormattedDateTime value={event.createdAt} />
            {" · "}
            <span className="audit-event__actor">
              {event.actor ? `${event.actor.name} (${event.actor.email})` : t(`trail.actorLabels.${event.actorLabel ?? "system"}`, { defaultValue: event.actorLabel ?? t("trail.actorLabels.system") })}
            </span>
          </p>
          <p className="audit-event__what">
            <strong>{event.actionLabel}</strong>
            {showEntity ? (
              <>
                {" · "}
                {t(`trail.entities.${event.entityType}`, { defaultValue: event.entityType })}{" "}
                {event.firmId ? (
                  <Link to={`/${lang}/bureau/verification/${event.firmId}`}>{event.entityLabel || event.entityId}</Link>
                ) : (
                  <span>{event.entityLabel || <span className="mono">{event.entityId}</span>}</span>
                )}
              </>
            ) : null}
          </p>
          {event.changes.length ? (
            <dl className="audit-changes">
              {event.changes.map((change) => (
                <div key={change.field} className="audit-change">
                  <dt>{change.label}</dt>
                  <Change change={change} />
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
