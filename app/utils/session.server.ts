import crypto from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { prisma } from "./db.server";
import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 1000 * 60 * 60 * 12;
/** ...and in any case this long after sign-in. */
export const SESSION_MAX_MS = 1000 * 60 * 60 * 24 * 14;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 1000 * 60 * 5;

export function sessionCookie(): Cookie {
  return singleton("sessionCookie", () => {
    const env = getEnv();
    // __Host- needs Secure, path=/ and no Domain: the cookie can't be set by
    // a sibling subdomain or over plain HTTP.
    const name = env.secureCookies ? "__Host-ponte_session" : "ponte_session";
    return createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.secureCookies,
      path: "/",
      secrets: [env.sessionSecret],
      maxAge: SESSION_MAX_MS / 1000,
    });
  });
}

export interface SessionUser {
  sessionId: string;
  /** The user's unread notifications: every page's header shows the count, so it is read with the session. */
  unreadNotifications: number;
  user: {
    id: string;
    email: string;
    displayName: string;
    role: "FIRM_MEMBER" | "BUYER" | "BUREAU_STAFF" | "ADMIN";
    locale: string;
    firmId: string | null;
    buyerCompanyId: string | null;
  };
}

async function sessionIdFromRequest(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/**
 * The signed-in user of this request, or null. Expired sessions are removed.
 *
 * The root's loader and the page's run at once for each document, and both
 * ask: a read already under way for the same session answers both, so a page
 * costs one query for its session, not one per loader. Nothing is kept once
 * the read is over: the next request reads the session again (a sign-out or a
 * suspension, in any instance, counts at once).
 */
export async function readSession(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFromRequest(request);
  if (!sessionId) return null;
  let pending = readsUnderWay.get(sessionId);
  if (!pending) {
    pending = loadSession(sessionId).finally(() => readsUnderWay.delete(sessionId));
    readsUnderWay.set(sessionId, pending);
  }
  const session = await pending;
  // Each caller gets its own copy.
  return session && { ...session, user: { ...session.user } };
}
const readsUnderWay = new Map<string, Promise<SessionUser | null>>();

interface SessionRow {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  email: string;
  displayName: string;
  role: SessionUser["user"]["role"];
  status: string;
  locale: string;
  firmId: string | null;
  buyerCompanyId: string | null;
  unread: number;
}

async function loadSession(sessionId: string): Promise<SessionUser | null> {
  // The session, its user and the user's unread count in one statement (the
  // query builder makes one for each; every statement costs the embedded
  // database about a millisecond of the server's CPU).
  const [session] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expiresAt", s."lastSeenAt", u."id" AS "userId", u."email", u."displayName", u."role"::text AS "role",
      u."status"::text AS "status", u."locale", u."firmId", u."buyerCompanyId",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  if (!session) return null;
  const now = Date.now();
  const expired = session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now;
  if (expired || session.status !== "ACTIVE") {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (session.lastSeenAt.getTime() + TOUCH_EVERY_MS <= now) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { userId: id, email, displayName, role, locale, firmId, buyerCompanyId } = session;
  return { sessionId: session.id, unreadNotifications: Number(session.unread), user: { id, email, displayName, role, locale, firmId, buyerCompanyId } };
}

/**
 * Starts a new session (a new id every time: no fixation) and returns the
 * Set-Cookie header. The session the browser had before, if any, is ended.
 */
export async function startSession(
  request: Request,
  userId: string,
  meta: { ipAddress?: string } = {},
): Promise<string> {
  const previous = await sessionIdFromRequest(request);
  if (previous) await prisma.session.deleteMany({ where: { id: previous } });
  const id = crypto.randomBytes(32).toString("base64url");
  const now = Date.now();
  await prisma.session.create({
    data: {
      id,
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + SESSION_MAX_MS),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress ?? null,
    },
  });
  return sessionCookie().serialize(id);
}

/** Ends this browser's session; returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = await sessionIdFromRequest(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Ends every session of a user (password change, suspension). */
export async function endAllSessions(userId: string) {
  await prisma.session.deleteMany({ where: { userId } });
}

/** Housekeeping: drop sessions past their lifetime or idle timeout. */
export async function deleteExpiredSessions(now = new Date()) {
  const { count } = await prisma.session.deleteMany({
    where: {
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
    },
  });
  return count;
}
