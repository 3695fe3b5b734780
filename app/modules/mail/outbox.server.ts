import { prisma, type Prisma } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import { MAX_MAIL_ATTEMPTS, mailBackoffMs } from "./backoff";
import { mailSender, type MailSender } from "./transport.server";

/**
 * The mail outbox. Rows are written in the transaction that makes the change
 * (see notify) and sent by the mail loop in app/server/workers.ts.
 */
export async function enqueueMail(
  tx: Pick<Prisma.TransactionClient, "mailOutbox">,
  mail: { userId?: string; notificationId?: string; to: string; locale: string; subject: string; text: string; html: string },
) {
  await tx.mailOutbox.create({
    data: {
      userId: mail.userId ?? null,
      notificationId: mail.notificationId ?? null,
      toAddress: mail.to,
      locale: mail.locale,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
    },
  });
}

/** How long a claimed row is hidden from other instances while it is being sent. */
const LEASE_MS = 5 * 60 * 1000;

interface ClaimedMail {
  id: bigint;
  toAddress: string;
  locale: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  parked: number;
}

/**
 * Sends the mails that are due. Rows are claimed with FOR UPDATE SKIP LOCKED
 * and leased (nextAttemptAt pushed forward), so several instances share the
 * outbox and none sends a mail another is sending. A failure is retried with
 * backoff; after MAX_MAIL_ATTEMPTS the row is parked.
 */
export async function drainMailOutbox(options: { now?: Date; limit?: number; send?: MailSender } = {}): Promise<DrainResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 20;
  const send = options.send ?? mailSender();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "MailOutbox"
       SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "MailOutbox"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
        ORDER BY "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "locale", "subject", "textBody", "htmlBody", "attempts"`;
  const result: DrainResult = { sent: 0, failed: 0, parked: 0 };
  for (const mail of claimed) {
    try {
      await send({ id: String(mail.id), to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, locale: mail.locale });
      await prisma.mailOutbox.update({ where: { id: mail.id }, data: { status: "DONE", sentAt: new Date(), lastError: null } });
      result.sent++;
    } catch (error) {
      const attempts = Number(mail.attempts);
      const park = attempts >= MAX_MAIL_ATTEMPTS;
      await prisma.mailOutbox.update({
        where: { id: mail.id },
        data: {
          status: park ? "PARKED" : "PENDING",
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + mailBackoffMs(attempts)),
        },
      });
      if (park) result.parked++;
      else result.failed++;
      log.warn("mail not sent", { id: String(mail.id), attempts, park, error: String((error as Error)?.message ?? error) });
    }
  }
  return result;
}
