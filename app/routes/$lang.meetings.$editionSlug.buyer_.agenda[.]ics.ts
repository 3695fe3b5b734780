import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { agendaIcs } from "~/modules/meeting/agenda";
import { agendaFor } from "~/modules/meeting/agenda.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";

/** The buyer's meetings as an iCalendar file (events in the fair's zone; stable UIDs). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const agenda = await agendaFor(edition, { buyerCompanyId: buyer.buyerCompanyId }, locale);
  const t = await getFixedT(locale, "meetings");
  const body = agendaIcs(agenda.meetings, {
    name: t("agenda.title", { fair: edition.name }),
    fairZone: edition.timeZone,
    summary: (meeting) => t("agenda.summary", { with: meeting.counterpart }),
    location: (meeting) => (meeting.remote ? (meeting.videoLink ?? t("agenda.remote")) : `${t("agenda.table")} ${meeting.table ?? ""}`),
    uidDomain: "meetings.ponte",
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${edition.slug}-agenda.ics"`, "Cache-Control": "private, no-store" } });
}
