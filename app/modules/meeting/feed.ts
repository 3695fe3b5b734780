import { createHash, randomBytes } from "node:crypto";

/**
 * A participant's calendar feed URL (issue 10), pure: a secret token of 32
 * random bytes (base64url, 43 characters) that is shown once, and only its
 * SHA-256 kept, so the database alone cannot open anyone's feed. The URL is
 * `/feeds/meetings/<token>.ics`; anything that is not a well-formed token is
 * refused before the database is asked.
 */
export type FeedOwner = { buyerCompanyId: string } | { firmId: string };

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of a feed URL's last segment (with or without ".ics"), or null when it cannot be one. */
export function parseFeedToken(segment: string | undefined): string | null {
  if (!segment) return null;
  const token = segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
  return TOKEN_PATTERN.test(token) ? token : null;
}

/** One feed per participant and edition: the key that says whose it is. */
export function feedOwnerKey(owner: FeedOwner): string {
  return "buyerCompanyId" in owner ? `buyer:${owner.buyerCompanyId}` : `firm:${owner.firmId}`;
}

/** What a participant's page shows of their feed: since when the current URL works (the URL itself is never kept). */
export interface FeedStatus {
  createdAt: string;
}

export function toFeedStatus(createdAt: Date): FeedStatus {
  return { createdAt: createdAt.toISOString() };
}

export function feedPath(token: string): string {
  return `/feeds/meetings/${token}.ics`;
}
