import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { sessionCalendar } from "~/modules/training/session";
import { sessionForCalendar } from "~/modules/training/training.server";
import { notFound } from "~/utils/http.server";

/** A training session the firm registered for, as an iCalendar entry (Zhongshan's zone; cancelled once the seat was given back). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const session = await sessionForCalendar(params.sessionId ?? "", member.firmId, locale);
  if (!session) notFound();
  const body = sessionCalendar(session, { uidDomain: "training.ponte", cancelled: session.cancelled });
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="training-${session.id}.ics"`, "Cache-Control": "private, no-store" },
  });
}
