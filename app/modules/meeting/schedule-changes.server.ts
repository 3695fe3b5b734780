import { notify } from "~/modules/notification/notification.server";
import type { Prisma } from "~/utils/db.server";
import { cancelledSequence, changesByParticipant, type ChangeDigest, type MeetingChange } from "./changes";
import type { MeetingEdition } from "./edition.server";

/**
 * Changes to a schedule that participants already saw: meetings a rerun no
 * longer places are kept as cancelled for the calendar feeds, and each
 * participant whose agenda changed is told once (inbox and mail, in each
 * reader's language), however many of their meetings changed.
 */
type Tx = Prisma.TransactionClient;

export async function keepCancelled(tx: Tx, removed: readonly { requestId: string; editionId: string; startsAt: Date; endsAt: Date; table: string | null; remote: boolean; sequence: number }[]) {
  for (const meeting of removed) {
    const data = { editionId: meeting.editionId, startsAt: meeting.startsAt, endsAt: meeting.endsAt, table: meeting.table, remote: meeting.remote, sequence: cancelledSequence(meeting.sequence), cancelledAt: new Date() };
    await tx.meetingCancellation.upsert({ where: { requestId: meeting.requestId }, create: { requestId: meeting.requestId, ...data }, update: data });
  }
}

/** What changed in an edition's schedule since it was last published: placed anew, moved, cancelled. */
export async function publishedChanges(tx: Tx, editionId: string, since: Date): Promise<MeetingChange[]> {
  const pair = { select: { firmId: true, buyerCompanyId: true } } as const;
  const [meetings, cancelled] = await Promise.all([
    tx.meeting.findMany({ where: { editionId, updatedAt: { gt: since } }, select: { requestId: true, createdAt: true, sequence: true, request: pair } }),
    tx.meetingCancellation.findMany({ where: { editionId, cancelledAt: { gt: since } }, select: { requestId: true, request: pair } }),
  ]);
  const changes: MeetingChange[] = [];
  for (const meeting of meetings) {
    const kind = meeting.createdAt > since ? "added" : meeting.sequence > 0 ? "moved" : null;
    if (kind) changes.push({ requestId: meeting.requestId, ...meeting.request, kind });
  }
  for (const row of cancelled) changes.push({ requestId: row.requestId, ...row.request, kind: "cancelled" });
  return changes;
}

export async function noticeChanges(tx: Tx, edition: MeetingEdition, changes: readonly MeetingChange[]) {
  if (!changes.length) return;
  const { firms, buyers } = changesByParticipant(changes);
  const fair = await tx.fairEdition.findUnique({ where: { id: edition.id }, select: { name: true } });
  const tell = async (side: "firm" | "buyer", id: string, digest: ChangeDigest) => {
    const where = side === "firm" ? { firmId: id, role: "FIRM_MEMBER" as const } : { buyerCompanyId: id, role: "BUYER" as const };
    const recipients = await tx.user.findMany({ where: { ...where, status: "ACTIVE" }, select: { id: true, email: true, locale: true } });
    const href = `/meetings/${edition.slug}/${side}/agenda`;
    await notify(tx, { recipients, kind: "meeting.changed", params: { fairName: fair?.name, changes: digest, path: href }, link: (locale) => `/${locale}${href}` });
  };
  for (const [firmId, digest] of firms) await tell("firm", firmId, digest);
  for (const [buyerCompanyId, digest] of buyers) await tell("buyer", buyerCompanyId, digest);
}
