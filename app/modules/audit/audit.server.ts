import type { Prisma } from "~/utils/db.server";
import { sameValue } from "./describe";

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditInput {
  /** The user who acted, or null with `actorLabel` ("cli", "seed", "system"). */
  actorId: string | null;
  actorLabel?: string;
  entityType: "user" | "firm" | "product" | "buyerCompany" | "request" | "town" | "cluster" | "fair" | "certification" | string;
  entityId: string;
  action: string;
  changes?: Record<string, unknown>;
}

/** Records a change. Call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      actorLabel: input.actorLabel ?? null,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      changes: (input.changes ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/**
 * The fields that differ between two versions of a record, as
 * `{ field: { from, to } }`; only the fields listed in `fields` are compared.
 * Lists are compared as sets and objects regardless of key order:
 * reordering is no change.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = normalise(before[field]);
    const to = normalise(after[field]);
    if (!sameValue(from, to)) changes[String(field)] = { from, to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object" && "toFixed" in value) return String(value);
  return value ?? null;
}
