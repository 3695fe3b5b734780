import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AuditTrail } from "~/components/audit-trail";
import { Field, SelectField } from "~/components/forms";
import { FormattedNumber } from "~/components/formatted";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { auditEntityTypes } from "~/modules/audit/audit-entities";
import { listAuditEvents } from "~/modules/audit/audit-log.server";
import { requireBureau } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import { calendarDay, parseQuery } from "~/utils/query";

export const handle = { i18n: ["audit"] };


/** Filters from the query string; a nonsense value is dropped, never an error page. */
const FilterSchema = z.object({
  entityType: z.enum(auditEntityTypes).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: calendarDay.optional().catch(undefined),
  to: calendarDay.optional().catch(undefined),
  firm: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  before: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
  after: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { before, after, ...query } = parseQuery(request, FilterSchema);
  // An empty field of the filter form means "any".
  const filter = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value || undefined])) as typeof query;
  const t = await getFixedT(locale, "audit");
  return json({ title: t("log.title"), filter, ...(await listAuditEvents({ ...filter, before, after }, locale)) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function AuditLog() {
  const { t } = useTranslation("audit");
  const { filter, events, total, older, newer } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  // The pages either side keep the filters and move the cursor.
  const pageLink = (cursor: "before" | "after", id: string | null) => {
    const params = new URLSearchParams(search);
    params.delete("before");
    params.delete("after");
    if (id) params.set(cursor, id);
    const query = params.toString();
    return query ? `?${query}` : ".";
  };
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("log.title")}</h1>
        <p className="lead">{t("log.intro")}</p>
      </header>
      <Form method="get" className="card filter-form" aria-label={t("log.filters")}>
        <SelectField
          label={t("log.entityType")}
          selectProps={{ name: "entityType", defaultValue: filter.entityType ?? "" }}
          placeholder={t("log.anyEntity")}
          options={auditEntityTypes.map((type) => ({ value: type, label: t(`trail.entities.${type}`) }))}
        />
        <Field label={t("log.actor")} hint={t("log.actorHint")} inputProps={{ name: "actor", type: "search", defaultValue: filter.actor ?? "" }} />
        <Field label={t("log.firm")} hint={t("log.firmHint")} inputProps={{ name: "firm", type: "search", defaultValue: filter.firm ?? "" }} />
        <Field label={t("log.from")} inputProps={{ name: "from", type: "date", defaultValue: filter.from ?? "" }} />
        <Field label={t("log.to")} inputProps={{ name: "to", type: "date", defaultValue: filter.to ?? "" }} />
        <div className="filter-form__actions">
          <button type="submit" className="button">
            {t("log.apply")}
          </button>
        </div>
      </Form>
      <section className="card stack" aria-labelledby="events-title">
        <h2 id="events-title">
          {t("log.events")} (<FormattedNumber value={total} />)
        </h2>
        <AuditTrail events={events} />
        <nav aria-label={t("log.pages")} className="pagination">
          {newer ? (
            <>
              <Link to={pageLink("before", null)}>{t("log.newest")}</Link> <Link to={pageLink("after", newer)} rel="prev">{t("log.newer")}</Link>
            </>
          ) : null}{" "}
          {older ? (
            <Link to={pageLink("before", older)} rel="next">
              {t("log.older")}
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
