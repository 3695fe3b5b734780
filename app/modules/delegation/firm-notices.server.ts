import type { Prisma } from "~/utils/db.server";
import { notify } from "~/modules/notification/notification.server";
import type { NotificationKind } from "~/modules/notification/kinds";

type Tx = Prisma.TransactionClient;

/**
 * Notices to a firm about its delegation applications, through the one
 * notice and mail outbox (in each member's own language). Called inside the
 * transaction that makes the change.
 */
export async function firmMembers(tx: Tx, firmIds: string[]) {
  return tx.user.findMany({ where: { firmId: { in: firmIds }, role: "FIRM_MEMBER", status: "ACTIVE" }, select: { id: true, email: true, locale: true, firmId: true } });
}

async function callFacts(tx: Tx, callId: string) {
  return tx.delegationCall.findUniqueOrThrow({ where: { id: callId }, select: { deadline: true, edition: { select: { name: true, timeZone: true } } } });
}

/** The firm's receipt: its application to the call is in. */
export async function noticeApplicationReceived(tx: Tx, input: { firmId: string; callId: string; applicationId: string }) {
  const call = await callFacts(tx, input.callId);
  await notify(tx, {
    recipients: await firmMembers(tx, [input.firmId]),
    kind: "delegation.received" satisfies NotificationKind,
    params: { fairName: call.edition.name, deadline: call.deadline.toISOString(), timeZone: call.edition.timeZone, applicationId: input.applicationId },
    link: (locale) => `/${locale}/delegations/applications/${input.applicationId}`,
  });
}

/** A reminder to an eligible firm that has not applied, some days before the deadline. */
export async function noticeDeadlineReminder(tx: Tx, input: { firmIds: string[]; callId: string }) {
  if (!input.firmIds.length) return;
  const call = await callFacts(tx, input.callId);
  await notify(tx, {
    recipients: await firmMembers(tx, input.firmIds),
    kind: "delegation.reminder" satisfies NotificationKind,
    params: { fairName: call.edition.name, deadline: call.deadline.toISOString(), timeZone: call.edition.timeZone, callId: input.callId },
    link: (locale) => `/${locale}/delegations/calls/${input.callId}`,
  });
}
