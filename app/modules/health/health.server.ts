import { prisma } from "~/utils/db.server";
import { isSearchConnected, searchClient } from "~/modules/search/client.server";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "down";
  search: "ok" | "down";
  outboxPending: number | null;
  failing?: string[];
}

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref()),
  ]);
}

/** Checks the database and the search engine, each with a short timeout. */
export async function checkHealth(): Promise<Health> {
  const [db, search] = await Promise.allSettled([
    withTimeout(prisma.searchOutbox.count({ where: { status: "PENDING" } })),
    withTimeout(isSearchConnected() ? searchClient().health() : Promise.reject(new Error("not connected"))),
  ]);
  const failing = [db.status === "rejected" ? "db" : null, search.status === "rejected" ? "search" : null].filter(
    (part): part is string => part !== null,
  );
  return {
    status: failing.length ? "degraded" : "ok",
    db: db.status === "fulfilled" ? "ok" : "down",
    search: search.status === "fulfilled" ? "ok" : "down",
    outboxPending: db.status === "fulfilled" ? db.value : null,
    ...(failing.length ? { failing } : {}),
  };
}
