import { prisma } from "~/utils/db.server";
import { ineligibleReasons } from "./eligibility";
import { noticeDeadlineReminder } from "./firm-notices.server";

/**
 * The deadline reminder: `reminderDays` before an open call's deadline,
 * every eligible firm that has not applied gets one notice (inbox and
 * e-mail, in each member's language). Run by the worker loop of every
 * instance and by `npm run cli -- remind-delegations`; idempotent: the
 * DelegationReminder row (one per firm and call) is inserted first, in the
 * transaction that writes the notices, and a firm already reminded (by an
 * earlier run or another instance at the same moment) is skipped.
 */
const DAY_MS = 86_400_000;

export interface ReminderRun {
  calls: number;
  firmsReminded: number;
}

/** Firms eligible for the call that have neither applied nor been reminded. */
async function firmsToRemind(call: { id: string; townIds: string[]; clusterIds: string[]; verifiedOnly: boolean; minProducts: number }) {
  const [candidates, applied, reminded] = await Promise.all([
    prisma.firm.findMany({
      where: {
        ...(call.townIds.length ? { townId: { in: call.townIds } } : {}),
        ...(call.clusterIds.length ? { clusterId: { in: call.clusterIds } } : {}),
        ...(call.verifiedOnly ? { verification: "VERIFIED" as const } : {}),
        members: { some: { role: "FIRM_MEMBER", status: "ACTIVE" } },
      },
      select: { id: true, townId: true, clusterId: true, verification: true, _count: { select: { products: { where: { published: true } } } } },
    }),
    prisma.delegationApplication.findMany({ where: { callId: call.id }, select: { firmId: true } }),
    prisma.delegationReminder.findMany({ where: { callId: call.id }, select: { firmId: true } }),
  ]);
  const skip = new Set([...applied, ...reminded].map((row) => row.firmId));
  return candidates
    .filter((firm) => !skip.has(firm.id))
    .filter((firm) => ineligibleReasons({ townId: firm.townId, clusterId: firm.clusterId, verified: firm.verification === "VERIFIED", publishedProducts: firm._count.products }, call).length === 0)
    .map((firm) => firm.id);
}

export async function sendDeadlineReminders(now = new Date(), options: { batch?: number } = {}): Promise<ReminderRun> {
  const batch = options.batch ?? 200;
  const calls = await prisma.delegationCall.findMany({
    where: { status: "OPEN", deadline: { gt: now } },
    select: { id: true, deadline: true, reminderDays: true, townIds: true, clusterIds: true, verifiedOnly: true, minProducts: true },
  });
  const due = calls.filter((call) => call.deadline.getTime() - call.reminderDays * DAY_MS <= now.getTime());
  let firmsReminded = 0;
  for (const call of due) {
    const firmIds = await firmsToRemind(call);
    for (let start = 0; start < firmIds.length; start += batch) {
      const chunk = firmIds.slice(start, start + batch);
      firmsReminded += await prisma.$transaction(async (tx) => {
        // The rows this run inserted are the firms it reminds: a firm another run got to first is skipped.
        const inserted = await tx.$queryRaw<{ firmId: string }[]>`
          INSERT INTO "DelegationReminder" ("callId", "firmId", "sentAt")
          SELECT ${call.id}, unnest(${chunk}::text[]), ${now.toISOString()}::timestamp
          ON CONFLICT DO NOTHING
          RETURNING "firmId"`;
        await noticeDeadlineReminder(tx, { firmIds: inserted.map((row) => row.firmId), callId: call.id });
        return inserted.length;
      });
    }
    if (firmIds.length) await prisma.delegationCall.update({ where: { id: call.id }, data: { remindedAt: now } });
  }
  return { calls: due.length, firmsReminded };
}
