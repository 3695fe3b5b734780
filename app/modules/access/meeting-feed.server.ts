import { feedByToken } from "~/modules/meeting/feed.server";
import { parseFeedToken } from "~/modules/meeting/feed";
import { notFound } from "~/utils/http.server";

/**
 * A calendar feed is opened by its secret URL alone (calendar apps carry no
 * session): whoever holds the token reads that participant's meetings, and
 * nothing else. A malformed, unknown or revoked token is 404, the same answer
 * for each, so tokens are not probed.
 */
export async function requireMeetingFeed(segment: string | undefined) {
  const token = parseFeedToken(segment);
  const feed = token ? await feedByToken(token) : null;
  if (!feed) notFound();
  return feed;
}
