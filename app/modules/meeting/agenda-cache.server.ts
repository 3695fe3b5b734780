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

export async function agendaVersion(editionId: string, owner: Owner): Promise<string> {
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
