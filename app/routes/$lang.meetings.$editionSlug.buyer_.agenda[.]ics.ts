import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBuyerCompany } from "~/modules/access/buyer.server";
import { agendaCalendar } from "~/modules/meeting/agenda.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";

/** The buyer's meetings as an iCalendar file (events in the fair's zone; stable UIDs). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const buyer = await requireBuyerCompany(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const { body, fileName } = await agendaCalendar(edition, { buyerCompanyId: buyer.buyerCompanyId }, locale);
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" } });
}
