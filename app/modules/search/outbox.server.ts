import type { Prisma } from "~/utils/db.server";

/**
 * The search outbox. Every write that changes something searchable calls
 * this inside the same transaction, so the index can never miss a change:
 * the sync loop (modules/search) drains these rows into Meilisearch.
 */
/** "fair" is a fair edition (the bureau's edits of an edition or its series enqueue it). */
/** "notice" is a policy notice (sending and corrections enqueue it; only public, sent ones are indexed). */
export type SearchEntity = "product" | "firm" | "request" | "fair" | "notice";

export async function enqueueSearchSync(
  tx: Pick<Prisma.TransactionClient, "searchOutbox">,
  entityType: SearchEntity,
  entityIds: string | string[],
) {
  const ids = Array.isArray(entityIds) ? entityIds : [entityIds];
  if (ids.length === 0) return;
  await tx.searchOutbox.createMany({ data: ids.map((entityId) => ({ entityType, entityId })) });
}
