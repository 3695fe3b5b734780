import type { Prisma } from "~/utils/db.server";
import { notify, type Recipient } from "~/modules/notification/notification.server";
import { excerptOf, type NotificationKind, type NotificationParams } from "~/modules/notification/kinds";

type Tx = Prisma.TransactionClient;

/** Every problem page is the same URL for the firm and for the bureau. */
export const problemLink = (problemId: string, locale: string) => `/${locale}/problems/${problemId}`;

const recipientFields = { id: true, email: true, locale: true } as const;

/** The active members of the firm that raised the problem. */
export function firmMembers(tx: Tx, firmId: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: { firmId, role: "FIRM_MEMBER", status: "ACTIVE" }, select: recipientFields });
}

/** The staff member it is assigned to, or, while nobody is, every active bureau user. */
export async function bureauWatchers(tx: Tx, assigneeId: string | null): Promise<Recipient[]> {
  return tx.user.findMany({
    where: assigneeId ? { id: assigneeId, status: "ACTIVE" } : { role: { in: ["BUREAU_STAFF", "ADMIN"] }, status: "ACTIVE" },
    select: recipientFields,
  });
}

/** A notice about a problem, in each recipient's language (app and mail), never to the one who acted. */
export async function notifyProblem(
  tx: Tx,
  recipients: Recipient[],
  kind: NotificationKind,
  problem: { id: string; subject: string },
  actorId: string,
  excerpt?: string,
  extra: NotificationParams = {},
) {
  await notify(tx, {
    recipients: recipients.filter((recipient) => recipient.id !== actorId),
    kind,
    params: { ...extra, problemId: problem.id, problemSubject: problem.subject, ...(excerpt ? { excerpt: excerptOf(excerpt) } : {}) },
    link: (locale) => problemLink(problem.id, locale),
  });
}
