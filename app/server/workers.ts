import { deleteExpiredSessions } from "~/utils/session.server";
import { deleteOldHits } from "~/utils/rate-limit.server";
import { log } from "~/utils/logger.server";

/**
 * Background work of this instance. Each loop keeps its state in the
 * database, so any number of instances can run them side by side.
 */
export function startWorkers(): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();

  const every = (name: string, ms: number, task: () => Promise<unknown>) => {
    const run = () => {
      const promise = task()
        .catch((error) => log.warn(`${name} failed`, { error: String(error) }))
        .finally(() => running.delete(promise));
      running.add(promise);
    };
    timers.push(setInterval(run, ms));
  };

  every("housekeeping", 60 * 60 * 1000, async () => {
    await deleteExpiredSessions();
    await deleteOldHits();
  });

  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  };
}
