import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { agendaCalendar } from "~/modules/meeting/agenda.server";
import { getFirmMeetingEdition } from "~/modules/meeting/edition.server";
import { throwDomainError } from "~/utils/domain-error.server";

/** A delegation firm's meetings as an iCalendar file (events in the fair's zone; stable UIDs). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const edition = await getFirmMeetingEdition(params.editionSlug ?? "", member.firmId, locale).catch(throwDomainError);
  const { body, fileName } = await agendaCalendar(edition, { firmId: member.firmId }, locale);
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" } });
}
