import { prisma, type Prisma } from "~/utils/db.server";
import { getFixedT } from "~/i18n/i18next.server";
import { defaultLocale, matchLocale, type Locale } from "~/i18n/config";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { renderNoticeMail } from "~/modules/mail/notice-mail.server";
import { isNotificationKind, kindsForRole, notificationKinds, noticePath, type NotificationKind, type NotificationParams } from "./kinds";
import { noticeNamespaces, renderNotice } from "./render";
import { readerLanguage, translationConfigured, type SourceRef } from "~/modules/translation/translation.server";
import { holdMail } from "~/modules/translation/mail-hold.server";

type Tx = Prisma.TransactionClient;

export interface Recipient {
  id: string;
  email: string;
  locale: string;
}

/**
 * Tells `recipients` about something: one in-app notice each, and an e-mail
 * in their own language to those who want this kind by e-mail. Call it inside
 * the transaction that makes the change: the notice and the mail outbox row
 * exist exactly when the change does, and the mail loop sends it later (so a
 * mail server that is down delays the mail, never the notice).
 */
export async function notify(
  tx: Tx,
  input: {
    recipients: Recipient[];
    kind: NotificationKind;
    inquiryId?: string;
    params: NotificationParams;
    link: (locale: Locale) => string;
    /** The text the notice quotes: a recipient reading another language gets a mail that waits for its translation. */
    translatable?: SourceRef & { language: string };
  },
) {
  if (input.recipients.length === 0) return;
  const optedOut = new Set(
    (
      await tx.notificationPreference.findMany({
        where: { userId: { in: input.recipients.map((r) => r.id) }, kind: input.kind, email: false },
        select: { userId: true },
      })
    ).map((row) => row.userId),
  );
  for (const recipient of input.recipients) {
    const notification = await tx.notification.create({
      data: {
        userId: recipient.id,
        kind: input.kind,
        inquiryId: input.inquiryId ?? null,
        params: input.params as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    if (optedOut.has(recipient.id)) continue;
    const locale = matchLocale(recipient.locale) ?? defaultLocale;
    const source = input.translatable;
    if (source && translationConfigured() && readerLanguage(locale) !== source.language) {
      await holdMail(tx, {
        notificationId: notification.id,
        userId: recipient.id,
        to: recipient.email,
        locale,
        kind: input.kind,
        params: input.params,
        link: input.link(locale),
        source,
        targetLang: readerLanguage(locale),
      });
      continue;
    }
    const mail = await renderNoticeMail({ locale, kind: input.kind, params: input.params, link: input.link(locale) });
    await enqueueMail(tx, { userId: recipient.id, notificationId: notification.id, to: recipient.email, locale, ...mail });
  }
}

/** The user's latest notices, worded in `locale`. */
export async function listNotifications(userId: string, locale: Locale, take = 50) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, inquiryId: true, params: true, readAt: true, createdAt: true },
  });
  const t = await getFixedT(locale, noticeNamespaces);
  return rows
    .filter((row) => isNotificationKind(row.kind))
    .map((row) => {
      const text = renderNotice(t, locale, row.kind as NotificationKind, (row.params ?? {}) as NotificationParams);
      return {
        id: row.id,
        kind: row.kind,
        ...text,
        href: row.inquiryId ? `/${locale}/inquiries/${row.inquiryId}` : noticePath(row.kind, (row.params ?? {}) as NotificationParams, locale),
        read: row.readAt !== null,
        createdAt: row.createdAt.toISOString(),
      };
    });
}

/** Marks the user's notices read: the given ones, or all of them. Never someone else's. */
export async function markNotificationsRead(userId: string, ids?: string[]) {
  await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}

/** Reading a thread reads its notices. */
export async function markInquiryNotificationsRead(userId: string, inquiryId: string) {
  await prisma.notification.updateMany({ where: { userId, inquiryId, readAt: null }, data: { readAt: new Date() } });
}

/** The kinds that concern this user, each with whether it is e-mailed (default: yes). */
export async function getNotificationPreferences(userId: string, role: string) {
  const kinds = kindsForRole[role] ?? [];
  const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } });
  const saved = new Map(rows.map((row) => [row.kind, row.email]));
  return kinds.map((kind) => ({ kind, email: saved.get(kind) ?? true }));
}

export async function saveNotificationPreferences(userId: string, role: string, emailKinds: readonly string[]) {
  const kinds = kindsForRole[role] ?? [];
  const wanted = new Set(emailKinds.filter(isNotificationKind));
  await prisma.$transaction(
    kinds.map((kind) =>
      prisma.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, email: wanted.has(kind) },
        update: { email: wanted.has(kind) },
      }),
    ),
  );
}

export { notificationKinds };
