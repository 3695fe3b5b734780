import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMeetingFeed } from "~/modules/access/meeting-feed.server";
import { agendaCalendar } from "~/modules/meeting/agenda.server";

/**
 * A participant's calendar feed at its secret URL (`/feeds/meetings/<token>.ics`),
 * for calendar apps to subscribe to: no session, the owner's meetings only,
 * cancelled ones as CANCELLED; a wrong or revoked token is 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await requireMeetingFeed(params.token);
  const { body, fileName } = await agendaCalendar(feed.edition, feed.owner, feed.locale);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
