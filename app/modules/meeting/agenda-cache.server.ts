import { prisma } from "~/utils/db.server";

/**
 * A participant's agenda read once per version (issue 10, item 9: the
 * agenda page and the `.ics` feed answer within 50 ms with 8 clients at
 * once). The version is one aggregate query over the participant's pairs —
 * the edition (its name), the grid (published, interpreters), each pair (status), its meeting (time,
 * place, SEQUENCE), its cancellation, the buyers' registrations (video
 * link, own zone) and both sides' names — so any change anywhere, by any
 * instance, makes a new version; the cached value is only reused while the
 * version is the same. Bounded: the oldest entries go first.
 */
type Owner = { buyerCompanyId: string } | { firmId: string };

const MAX_ENTRIES = 2000;
const entries = new Map<string, { version: string; value: unknown }>();

/**
 * The version itself is read at most once a second per participant: a feed
 * polled by calendar apps, or an agenda page open on every phone at the
 * fair, costs one small query per second instead of one six-table aggregate
 * per request. Every write to meetings, requests, registrations or the grid
 * made by this instance ends a remembered version at once (`changingAgendas`),
 * so whoever made a change, and the tests, see it on the next request;
 * another instance's change, or a firm renamed, shows within a second.
 */
export const VERSION_TTL_MS = 1000;
let generation = 0;
const versions = new Map<string, { version: string; readAt: number; generation: number }>();

/** Ends every remembered version (a write in this instance may have changed any agenda). */
export function agendaChanged() {
  generation++;
}

/** Runs a write to agendas' data and ends remembered versions once it is over (committed or not). */
export async function changingAgendas<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    agendaChanged();
  }
}

export async function agendaVersion(editionId: string, owner: Owner, now = Date.now()): Promise<string> {
  const key = `${editionId}|${"firmId" in owner ? `f:${owner.firmId}` : `b:${owner.buyerCompanyId}`}`;
  const hit = versions.get(key);
  if (hit && hit.generation === generation && now - hit.readAt < VERSION_TTL_MS) return hit.version;
  // Taken before reading: a write that ends while the read runs leaves this entry already stale.
  const readGeneration = generation;
  const version = await readAgendaVersion(editionId, owner);
  versions.delete(key);
  versions.set(key, { version, readAt: now, generation: readGeneration });
  if (versions.size > MAX_ENTRIES) versions.delete(versions.keys().next().value!);
  return version;
}

async function readAgendaVersion(editionId: string, owner: Owner): Promise<string> {
  // Ids are never empty: the other side's condition matches nothing.
  const firmId = "firmId" in owner ? owner.firmId : "";
  const buyerCompanyId = "buyerCompanyId" in owner ? owner.buyerCompanyId : "";
  const [row] = await prisma.$queryRaw<{ stamp: string | null }[]>`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', g."status", g."updatedAt") FROM "MeetingGrid" g WHERE g."editionId" = ${editionId}),
      (SELECT e."updatedAt" FROM "Fair" e WHERE e."id" = ${editionId}),
      count(r."id"),
      max(r."updatedAt"), max(m."updatedAt"), sum(m."sequence"), max(c."cancelledAt"), max(c."sequence"),
      max(f."updatedAt"), max(b."updatedAt"), max(reg."updatedAt")
    ) AS stamp
    FROM "MeetingRequest" r
    LEFT JOIN "Meeting" m ON m."requestId" = r."id"
    LEFT JOIN "MeetingCancellation" c ON c."requestId" = r."id"
    JOIN "Firm" f ON f."id" = r."firmId"
    JOIN "BuyerCompany" b ON b."id" = r."buyerCompanyId"
    LEFT JOIN "MeetingRegistration" reg ON reg."editionId" = r."editionId" AND reg."buyerCompanyId" = r."buyerCompanyId"
    WHERE r."editionId" = ${editionId} AND (r."firmId" = ${firmId} OR r."buyerCompanyId" = ${buyerCompanyId})`;
  return row?.stamp ?? "";
}

/** The value for `key` at the participant's current version: computed anew only when the version moved. */
export async function cachedByVersion<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = await compute();
  entries.delete(key);
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
