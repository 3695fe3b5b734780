import type { Locale } from "~/i18n/config";
import { matchLocale, defaultLocale } from "~/i18n/config";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { editionColumnsSql, editionHasDelegationSql, toMeetingEdition, type MeetingEdition, type MeetingEditionRow } from "./edition.server";
import { feedOwnerKey, feedPath, feedTokenHash, newFeedToken, toFeedStatus, type FeedOwner, type FeedStatus } from "./feed";

/**
 * A participant's calendar feed (issue 10): made or made anew from the agenda
 * page (the URL is shown once: only its hash is kept, and the old URL stops
 * working), revoked there (the URL answers 404), and read without a session
 * by whoever holds the URL. The feed is worded in the language of the user
 * who made it.
 */
export async function feedStatus(edition: MeetingEdition, owner: FeedOwner): Promise<FeedStatus | null> {
  const row = await prisma.meetingFeed.findUnique({ where: { editionId_owner: { editionId: edition.id, owner: feedOwnerKey(owner) } }, select: { createdAt: true } });
  return row ? toFeedStatus(row.createdAt) : null;
}

/** A new secret URL for the participant's feed; the previous one, if any, stops working. */
export async function renewFeed(user: { userId: string }, edition: MeetingEdition, owner: FeedOwner, locale: Locale, origin?: string) {
  const token = newFeedToken();
  const key = feedOwnerKey(owner);
  const data = { tokenHash: feedTokenHash(token), locale, createdById: user.userId, createdAt: new Date() };
  await prisma.meetingFeed.upsert({
    where: { editionId_owner: { editionId: edition.id, owner: key } },
    create: { editionId: edition.id, owner: key, ...owner, ...data },
    update: data,
  });
  const publicUrl = getEnv().PUBLIC_URL;
  const base = publicUrl ? new URL(publicUrl).origin : origin;
  return base ? new URL(feedPath(token), base).toString() : feedPath(token);
}

export async function revokeFeed(edition: MeetingEdition, owner: FeedOwner) {
  await prisma.meetingFeed.deleteMany({ where: { editionId: edition.id, owner: feedOwnerKey(owner) } });
}

/**
 * Whose feed a token opens, in one statement: the owner, the language and the
 * edition (one with a delegation, as every meeting page asks); null for an
 * unknown or revoked token. Calendar apps poll feeds all day, so the feed
 * costs one read before its calendar (kept per agenda version) is sent.
 */
export async function feedByToken(token: string, now = new Date()): Promise<{ edition: MeetingEdition; owner: FeedOwner; locale: Locale } | null> {
  const [row] = await prisma.$queryRaw<(MeetingEditionRow & { buyerCompanyId: string | null; firmId: string | null; locale: string })[]>`
    SELECT f."buyerCompanyId", f."firmId", f."locale", ${editionColumnsSql}
    FROM "MeetingFeed" f JOIN "Fair" e ON e."id" = f."editionId"
    WHERE f."tokenHash" = ${feedTokenHash(token)} AND ${editionHasDelegationSql}`;
  if (!row) return null;
  const owner: FeedOwner | null = row.buyerCompanyId ? { buyerCompanyId: row.buyerCompanyId } : row.firmId ? { firmId: row.firmId } : null;
  if (!owner) return null;
  const locale = matchLocale(row.locale) ?? defaultLocale;
  return { edition: toMeetingEdition(row, locale, now), owner, locale };
}
