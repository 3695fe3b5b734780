/**
 * What a change to a published schedule means for calendars and people
 * (issue 10), pure. A meeting keeps its UID (the meeting request) for life;
 * every change of time or place, a cancellation and a placement after a
 * cancellation each raise its SEQUENCE, so a subscribed calendar replaces the
 * event instead of adding a second one. A cancelled meeting stays in the feed
 * with STATUS:CANCELLED so calendars remove it.
 */
export type MeetingChangeKind = "added" | "moved" | "cancelled";

export interface MeetingChange {
  requestId: string;
  buyerCompanyId: string;
  firmId: string;
  kind: MeetingChangeKind;
}

/** The SEQUENCE a meeting carries once cancelled (one more than its last). */
export function cancelledSequence(sequence: number): number {
  return sequence + 1;
}

/** The SEQUENCE of a meeting placed anew: after a cancellation it must be higher than the cancelled event's. */
export function placedSequence(cancelled: { sequence: number } | null | undefined): number {
  return cancelled ? cancelled.sequence + 1 : 0;
}

/** Whether a rerun's placement differs from the meeting's row in time or place. */
export function isMove(before: { slotId: string; table: string | null; interpreterId: string | null; remote: boolean }, after: { slotId: string; table: string | null; interpreterId: string | null; remote: boolean }): boolean {
  return before.slotId !== after.slotId || before.table !== after.table || before.interpreterId !== after.interpreterId || before.remote !== after.remote;
}

export interface ChangeDigest {
  added: number;
  moved: number;
  cancelled: number;
}

/**
 * Changes grouped per participant (a firm or a buyer's company): one message
 * each, whatever the number of their meetings the run changed.
 */
export function changesByParticipant(changes: readonly MeetingChange[]): { firms: Map<string, ChangeDigest>; buyers: Map<string, ChangeDigest> } {
  const firms = new Map<string, ChangeDigest>();
  const buyers = new Map<string, ChangeDigest>();
  const bump = (map: Map<string, ChangeDigest>, id: string, kind: MeetingChangeKind) => {
    const digest = map.get(id) ?? { added: 0, moved: 0, cancelled: 0 };
    digest[kind] += 1;
    map.set(id, digest);
  };
  // One request counts once per run, with its last state.
  const last = new Map<string, MeetingChange>();
  for (const change of changes) last.set(change.requestId, change);
  for (const change of last.values()) {
    bump(firms, change.firmId, change.kind);
    bump(buyers, change.buyerCompanyId, change.kind);
  }
  return { firms, buyers };
}
