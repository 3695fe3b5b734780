import crypto from "node:crypto";
import { DateTime } from "luxon";
import { prisma, type Prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { recordAudit } from "~/modules/audit/audit.server";
import { renderNoticeMail } from "~/modules/mail/notice-mail.server";
import { defaultLocale, matchLocale, type Locale } from "~/i18n/config";
import { excerptOf, type NotificationKind, type NotificationParams } from "~/modules/notification/kinds";
import { holdMails } from "~/modules/translation/mail-hold.server";
import { readerLanguage } from "~/modules/translation/translation.server";
import { noticeMailSource, requestNoticeMailTranslations } from "./notice-translation.server";
import { log } from "~/utils/logger.server";
import { NOTICE_ZONE } from "./notice.server";
import { findAudience } from "./profiles.server";
import { readRules } from "./rules";
import { enqueueSearchSync } from "~/modules/search/outbox.server";

/**
 * Sending a notice: the firms its rules match (targeting.ts, over every
 * firm's profile) get a receipt, each active member an in-app notice and,
 * unless they turned that kind off, an e-mail in their language through the
 * mail outbox; all in one transaction, written in batches. The claim
 * (DRAFT/SCHEDULED → SENT in one conditional update) makes a send happen
 * once, whoever triggers it: the bureau's button or the background worker.
 */
const BATCH = 1000;
type Tx = Prisma.TransactionClient;

const noticeError = (code: string, status = 409, field?: string) => new DomainError(code, { status, messageKey: `notices:errors.${code}`, field });

/** The audience of stored rules now (firm ids with reasons). Malformed rules reach nobody. */
export async function audienceOf(rulesValue: unknown, now = new Date()) {
  const rules = readRules(rulesValue);
  if (!rules) return [];
  return (await findAudience(rules, { now })).firms;
}

/** How many firms stored rules reach now (the count alone, from the database when it can). */
async function audienceCount(rulesValue: unknown, now: Date) {
  const rules = readRules(rulesValue);
  return rules ? (await findAudience(rules, { now, listed: 0 })).count : 0;
}

interface Recipient {
  id: string;
  email: string;
  locale: string;
  optedOut: boolean;
}

/**
 * The firms' active members get an in-app notice each and, unless they
 * turned this kind off by e-mail, a mail in their language (rendered once
 * per language). Rows are written with one INSERT … SELECT FROM unnest(…)
 * per table and batch: the ORM's createMany of thousands of rows was most of
 * the time of a notice to every firm (npm run bench -- notices).
 */
export async function pushToFirms(tx: Tx, input: { firmIds: string[]; kind: NotificationKind; params: NotificationParams; noticeId: string; body: unknown; now?: Date }) {
  if (!input.firmIds.length) return;
  const now = (input.now ?? new Date()).toISOString();
  const users = await tx.$queryRaw<Recipient[]>`
    SELECT u."id", u."email", u."locale",
           EXISTS (SELECT 1 FROM "NotificationPreference" p WHERE p."userId" = u."id" AND p."kind" = ${input.kind} AND p."email" = false) AS "optedOut"
      FROM "User" u
     WHERE u."firmId" = ANY(${input.firmIds}::text[]) AND u."role" = 'FIRM_MEMBER' AND u."status" = 'ACTIVE'
     ORDER BY u."firmId", u."id"`;
  const mails = new Map<Locale, { subject: string; text: string; html: string }>();
  const waitedFor = new Set<string>();
  const params = JSON.stringify(input.params);
  for (let start = 0; start < users.length; start += BATCH) {
    const batch = users.slice(start, start + BATCH);
    const notificationIds = batch.map(() => crypto.randomUUID());
    await tx.$executeRaw`
      INSERT INTO "Notification" ("id", "userId", "kind", "params", "createdAt")
      SELECT n."id", n."userId", ${input.kind}, ${params}::jsonb, ${now}::timestamp(3)
        FROM unnest(${notificationIds}::text[], ${batch.map((user) => user.id)}::text[]) AS n("id", "userId")`;
    const outbox = { userIds: [] as string[], notificationIds: [] as string[], addresses: [] as string[], locales: [] as string[] };
    const holds: Parameters<typeof holdMails>[1] = [];
    for (const [index, user] of batch.entries()) {
      if (user.optedOut) continue;
      const locale = matchLocale(user.locale) ?? defaultLocale;
      const link = `/${locale}/notices/${input.noticeId}`;
      // A reader of another language than the bureau wrote in: the mail waits (a few minutes at most) for the translation.
      const source = noticeMailSource(input.body, locale);
      if (source) {
        const targetLang = readerLanguage(locale);
        const heldParams = { ...input.params, excerpt: excerptOf(source.text) };
        holds.push({ notificationId: notificationIds[index], userId: user.id, to: user.email, locale, kind: input.kind, params: heldParams, link, source: { kind: "notice.body", id: input.noticeId, field: "body" }, targetLang });
        waitedFor.add(targetLang);
        continue;
      }
      if (!mails.has(locale)) mails.set(locale, await renderNoticeMail({ locale, kind: input.kind, params: input.params, link }));
      outbox.userIds.push(user.id);
      outbox.notificationIds.push(notificationIds[index]);
      outbox.addresses.push(user.email);
      outbox.locales.push(locale);
    }
    if (outbox.userIds.length) {
      // Each language's mail is passed once and joined to its readers.
      const rendered = [...mails.entries()];
      await tx.$executeRaw`
        INSERT INTO "MailOutbox" ("userId", "notificationId", "toAddress", "locale", "subject", "textBody", "htmlBody", "nextAttemptAt", "createdAt")
        SELECT r."userId", r."notificationId", r."toAddress", r."locale", m."subject", m."textBody", m."htmlBody", ${now}::timestamp(3), ${now}::timestamp(3)
          FROM unnest(${outbox.userIds}::text[], ${outbox.notificationIds}::text[], ${outbox.addresses}::text[], ${outbox.locales}::text[]) AS r("userId", "notificationId", "toAddress", "locale")
          JOIN unnest(${rendered.map(([locale]) => locale)}::text[], ${rendered.map(([, mail]) => mail.subject)}::text[], ${rendered.map(([, mail]) => mail.text)}::text[], ${rendered.map(([, mail]) => mail.html)}::text[])
            AS m("locale", "subject", "textBody", "htmlBody") ON m."locale" = r."locale"`;
    }
    await holdMails(tx, holds);
  }
  if (waitedFor.size) await requestNoticeMailTranslations(tx, input.noticeId, input.body, waitedFor);
}

/**
 * Sends the notice if it is still `from` one of these statuses (and, when
 * scheduled, due): true when this call sent it, false when it was no longer
 * there to send (sent already, unscheduled).
 */
export async function deliverNotice(noticeId: string, options: { now?: Date; actorId?: string | null; from: ("DRAFT" | "SCHEDULED")[] }): Promise<boolean> {
  const now = options.now ?? new Date();
  const notice = await prisma.policyNotice.findUnique({ where: { id: noticeId }, select: { rules: true, title: true, body: true } });
  if (!notice) return false;
  // The audience is read before the transaction (PGlite has one connection); the claim inside decides.
  const audience = await audienceOf(notice.rules, now);
  const firmIds = audience.map((row) => row.firmId);
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.policyNotice.updateMany({
        where: { id: noticeId, status: { in: options.from }, ...(options.from.includes("DRAFT") ? {} : { scheduledAt: { lte: now } }) },
        data: { status: "SENT", sentAt: now, recipientCount: firmIds.length },
      });
      if (claimed.count === 0) return false;
      for (let start = 0; start < firmIds.length; start += BATCH) {
        await tx.$executeRaw`
          INSERT INTO "PolicyNoticeReceipt" ("id", "noticeId", "firmId", "createdAt")
          SELECT gen_random_uuid()::text, ${noticeId}, f."firmId", ${now.toISOString()}::timestamp(3)
            FROM unnest(${firmIds.slice(start, start + BATCH)}::text[]) AS f("firmId")
          ON CONFLICT ("noticeId", "firmId") DO NOTHING`;
      }
      await pushToFirms(tx, { firmIds, kind: "policy.notice", params: { policyNoticeId: noticeId, noticeTitle: notice.title }, noticeId, body: notice.body, now });
      // A public notice joins the search index (a private one is found "missing" there and stays out).
      await enqueueSearchSync(tx, "notice", noticeId);
      await recordAudit(tx, { actorId: options.actorId ?? null, actorLabel: options.actorId ? undefined : "system", entityType: "policyNotice", entityId: noticeId, action: "send", changes: { firms: firmIds.length } });
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function sendable(noticeId: string, when: Date, confirmEmpty: boolean) {
  const notice = await prisma.policyNotice.findUnique({ where: { id: noticeId }, select: { status: true, deadline: true, rules: true } });
  if (!notice) throw notFoundError();
  if (notice.status === "SENT") throw noticeError("alreadySent");
  if (notice.deadline && notice.deadline < when) throw noticeError("deadlineBeforePublication", 400);
  if (!confirmEmpty && (await audienceCount(notice.rules, when)) === 0) throw noticeError("emptyAudience", 400, "confirmEmpty");
  return notice;
}

/** The bureau's "send now". */
export async function sendNoticeNow(noticeId: string, options: { actorId: string; confirmEmpty?: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  await sendable(noticeId, now, !!options.confirmEmpty);
  if (!(await deliverNotice(noticeId, { now, actorId: options.actorId, from: ["DRAFT", "SCHEDULED"] }))) throw noticeError("alreadySent");
}

/** Schedules the sending at a local time of the bureau's zone (`YYYY-MM-DDTHH:mm`). */
export async function scheduleNotice(noticeId: string, options: { actorId: string; sendAt: string; confirmEmpty?: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  const at = DateTime.fromISO(options.sendAt, { zone: NOTICE_ZONE });
  if (!at.isValid) throw noticeError("sendAtInvalid", 400, "sendAt");
  const when = at.toUTC().toJSDate();
  if (when <= now) throw noticeError("sendAtPast", 400, "sendAt");
  await sendable(noticeId, when, !!options.confirmEmpty);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.policyNotice.updateMany({ where: { id: noticeId, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { status: "SCHEDULED", scheduledAt: when } });
    if (updated.count === 0) throw noticeError("alreadySent");
    await recordAudit(tx, { actorId: options.actorId, entityType: "policyNotice", entityId: noticeId, action: "schedule", changes: { scheduledAt: when.toISOString() } });
  });
}

export async function unscheduleNotice(noticeId: string, actorId: string) {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.policyNotice.updateMany({ where: { id: noticeId, status: "SCHEDULED" }, data: { status: "DRAFT", scheduledAt: null } });
    if (updated.count === 0) throw noticeError("notScheduled");
    await recordAudit(tx, { actorId, entityType: "policyNotice", entityId: noticeId, action: "unschedule" });
  });
}

/** The background worker's part: every scheduled notice that is due is sent (once). */
export async function sendDueNotices(now = new Date()): Promise<number> {
  const due = await prisma.policyNotice.findMany({ where: { status: "SCHEDULED", scheduledAt: { lte: now } }, orderBy: { scheduledAt: "asc" }, take: 10, select: { id: true } });
  let sent = 0;
  for (const { id } of due) {
    try {
      if (await deliverNotice(id, { now, from: ["SCHEDULED"] })) sent++;
    } catch (error) {
      log.warn("scheduled notice not sent", { id, error: String(error) });
    }
  }
  return sent;
}

/**
 * Reminds the firms that have not read the notice, once, before its
 * deadline: the claim on `remindedAt` makes a second reminder impossible.
 */
export async function remindUnread(noticeId: string, options: { actorId: string; now?: Date }): Promise<{ firms: number }> {
  const now = options.now ?? new Date();
  const notice = await prisma.policyNotice.findUnique({ where: { id: noticeId }, select: { status: true, deadline: true, title: true, body: true } });
  if (!notice) throw notFoundError();
  if (notice.status !== "SENT") throw noticeError("notSent");
  if (notice.deadline && notice.deadline <= now) throw noticeError("deadlinePassed");
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.policyNotice.updateMany({ where: { id: noticeId, remindedAt: null }, data: { remindedAt: now } });
      if (claimed.count === 0) throw noticeError("alreadyReminded");
      const unread = await tx.policyNoticeReceipt.findMany({ where: { noticeId, delivered: true, readAt: null }, select: { id: true, firmId: true } });
      const firmIds = unread.map((row) => row.firmId);
      await tx.policyNoticeReceipt.updateMany({ where: { id: { in: unread.map((row) => row.id) } }, data: { remindedAt: now } });
      await pushToFirms(tx, { firmIds, kind: "policy.reminder", params: { policyNoticeId: noticeId, noticeTitle: notice.title }, noticeId, body: notice.body, now });
      await recordAudit(tx, { actorId: options.actorId, entityType: "policyNotice", entityId: noticeId, action: "remind", changes: { firms: firmIds.length } });
      return { firms: firmIds.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
