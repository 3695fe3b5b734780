import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AuditTrail } from "~/components/audit-trail";
import { Field, SelectField } from "~/components/forms";
import { FormattedNumber } from "~/components/formatted";
import { Pagination } from "~/components/pagination";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { auditEntityTypes } from "~/modules/audit/audit-entities";
import { listAuditEvents } from "~/modules/audit/audit-log.server";
import { requireBureau } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";
import { calendarDay, pageNumber, parseQuery } from "~/utils/query";

export const handle = { i18n: ["audit"] };


/** Filters from the query string; a nonsense value is dropped, never an error page. */
const FilterSchema = z.object({
  entityType: z.enum(auditEntityTypes).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: calendarDay.optional().catch(undefined),
  to: calendarDay.optional().catch(undefined),
  page: pageNumber,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { page, ...query } = parseQuery(request, FilterSchema);
  // An empty field of the filter form means "any".
  const filter = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value || undefined])) as typeof query;
  const t = await getFixedT(locale, "audit");
  return json({ title: t("log.title"), filter, page, ...(await listAuditEvents({ ...filter, page }, locale)) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export default function AuditLog() {
  const { t } = useTranslation("audit");
  const { filter, events, total, page, pages } = useLoaderData<typeof loader>();
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
        <Pagination page={page} pages={pages} label={t("log.pages")} />
      </section>
    </div>
  );
}
