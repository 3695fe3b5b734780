import { prisma, type Prisma } from "~/utils/db.server";
import { defaultLocale, matchLocale } from "~/i18n/config";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { renderNoticeMail } from "~/modules/mail/notice-mail.server";
import { excerptOf, type NotificationKind, type NotificationParams } from "~/modules/notification/kinds";
import { sourceHash } from "./answer";
import { readSource } from "./sources.server";
import type { SourceRef } from "./translation.server";

type Tx = Prisma.TransactionClient;

/**
 * How long a mail about a message waits for the message's translation. The
 * mail always carries the original; it carries the translation too when it is
 * made within this time, and goes without it when the engine is slow, failing
 * or the job is parked. The in-app notice is never held.
 */
export const MAIL_WAIT_MS = 3 * 60 * 1000;

type MailHold = { notificationId: string; userId: string; to: string; locale: string; kind: NotificationKind; params: NotificationParams; link: string; source: SourceRef; targetLang: string; now?: Date };

export async function holdMail(tx: Tx, hold: MailHold) {
  await holdMails(tx, [hold]);
}

/** Holds many mails in one insert (a notice to thousands of firms). */
export async function holdMails(tx: Tx, holds: MailHold[]) {
  if (!holds.length) return;
  await tx.translationMailHold.createMany({
    data: holds.map((hold) => ({
      notificationId: hold.notificationId,
      userId: hold.userId,
      toAddress: hold.to,
      locale: hold.locale,
      kind: hold.kind,
      params: hold.params as Prisma.InputJsonValue,
      link: hold.link,
      sourceKind: hold.source.kind,
      sourceId: hold.source.id,
      field: hold.source.field,
      targetLang: hold.targetLang,
      releaseAt: new Date((hold.now ?? new Date()).getTime() + MAIL_WAIT_MS),
    })),
  });
}

/**
 * Sends the held mails whose translation is made, failed, or whose wait is
 * over: each becomes a mail outbox row (the mail loop sends it), and the
 * translation is added to the in-app notice as well. A hold is deleted in the
 * transaction that enqueues its mail, so two instances never send it twice.
 */
export async function releaseHeldMails(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const holds = await prisma.translationMailHold.findMany({ orderBy: { id: "asc" }, take: options.limit ?? 50 });
  let released = 0;
  for (const hold of holds) {
    const translation = await currentTranslation(hold);
    if (translation === undefined && hold.releaseAt > now) continue;
    const locale = matchLocale(hold.locale) ?? defaultLocale;
    const params: NotificationParams = { ...(hold.params as NotificationParams), ...(translation ? { translatedExcerpt: excerptOf(translation) } : {}) };
    const mail = await renderNoticeMail({ locale, kind: hold.kind as NotificationKind, params, link: hold.link });
    const sent = await prisma.$transaction(async (tx) => {
      const { count } = await tx.translationMailHold.deleteMany({ where: { id: hold.id } });
      if (count === 0) return false;
      await enqueueMail(tx, { userId: hold.userId, notificationId: hold.notificationId, to: hold.toAddress, locale, ...mail });
      if (translation) await tx.notification.updateMany({ where: { id: hold.notificationId }, data: { params: params as Prisma.InputJsonValue } });
      return true;
    });
    if (sent) released++;
  }
  return released;
}

/** The translation's text; null when none will come (job done without one, or parked); undefined while it may still come. */
async function currentTranslation(hold: { sourceKind: string; sourceId: string; field: string; targetLang: string }): Promise<string | null | undefined> {
  const key = { sourceKind: hold.sourceKind, sourceId: hold.sourceId, field: hold.field, targetLang: hold.targetLang };
  const [row, source, waiting] = await Promise.all([
    prisma.translation.findUnique({ where: { sourceKind_sourceId_field_targetLang: key }, select: { sourceHash: true, text: true, authored: true } }),
    readSource(hold.sourceKind, hold.sourceId, hold.field, hold.targetLang),
    prisma.translationJob.count({ where: { ...key, status: "PENDING" } }),
  ]);
  if (!source) return null;
  if (row && (row.authored || row.sourceHash === sourceHash(source.text))) return row.text;
  return waiting > 0 ? undefined : null;
}
