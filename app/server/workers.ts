import { deleteExpiredSessions } from "~/utils/session.server";
import { deleteOldHits } from "~/utils/rate-limit.server";
import { log } from "~/utils/logger.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { refreshAllResponseStats } from "~/modules/inquiry/response-stats.server";

/**
 * Background work of this instance. Each loop keeps its state in the
 * database, so any number of instances can run them side by side.
 */
const MAIL_POLL_MS = 2000;

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
    // Response figures change with time alone (unanswered inquiries age).
    await refreshAllResponseStats();
  });

  // The mail outbox: due mails every few seconds; a run never overlaps the
  // previous one, and other instances share the rows (FOR UPDATE SKIP LOCKED).
  let mailing = false;
  every("mail", MAIL_POLL_MS, async () => {
    if (mailing) return;
    mailing = true;
    try {
      await drainMailOutbox({ limit: 50 });
    } finally {
      mailing = false;
    }
  });

  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  };
}
