import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDateTime } from "./formatted";

export interface AuditTrailEvent {
  id: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  firmId: string | null;
  action: string;
  changes: { field: string; from?: string; to?: string; value?: string }[];
  createdAt: string;
  actor: { name: string; email: string; role: string } | null;
  actorLabel: string | null;
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
            <strong>{t(`trail.actions.${event.action}`, { defaultValue: event.action })}</strong>
            {showEntity ? (
              <>
                {" · "}
                {t(`trail.entities.${event.entityType}`, { defaultValue: event.entityType })}{" "}
                {event.firmId ? (
                  <Link to={`/${lang}/bureau/verification/${event.firmId}`}>{event.entityLabel ?? event.entityId}</Link>
                ) : (
                  <span>{event.entityLabel ?? <span className="mono">{event.entityId}</span>}</span>
                )}
              </>
            ) : null}
          </p>
          {event.changes.length ? (
            <dl className="audit-changes">
              {event.changes.map((change) => (
                <div key={change.field} className="audit-change">
                  <dt className="mono">{change.field}</dt>
                  <dd>{change.value !== undefined ? change.value : <>{change.from} → {change.to}</>}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
