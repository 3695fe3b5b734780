import { deleteExpiredSessions } from "~/utils/session.server";
import { deleteOldHits } from "~/utils/rate-limit.server";
import { log } from "~/utils/logger.server";
import { drainMailOutbox } from "~/modules/mail/outbox.server";
import { refreshAllResponseStats } from "~/modules/inquiry/response-stats.server";
import { deleteOldOutboxRows, drainSearchOutbox } from "~/modules/search/sync.server";
import { deleteOldTasks, syncSynonyms } from "~/modules/search/index-admin.server";
import { runCertificateWatch } from "~/modules/reference/certificate-watch.server";
import { sendDueNotices } from "~/modules/notice/delivery.server";
import { sendDeadlineReminders } from "~/modules/delegation/reminders.server";
import { sendTrainingReminders } from "~/modules/training/training.server";
import { drainTranslationJobs, translationConfigured } from "~/modules/translation/translation.server";
import { releaseHeldMails } from "~/modules/translation/mail-hold.server";
import { sendMeetingReminders } from "~/modules/meeting/reminders.server";
import { SOON_REMINDER_TICK_MINUTES } from "~/modules/meeting/reminders";
import { sendFollowUpReminders } from "~/modules/meeting/followup-reminders.server";

/**
 * Background work of this instance. Each loop keeps its state in the
 * database, so any number of instances can run them side by side.
 */
const MAIL_POLL_MS = 2000;
const SEARCH_POLL_MS = 1000;
const NOTICE_POLL_MS = 15_000;
const TRANSLATION_POLL_MS = 3000;

export function startWorkers(): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();

  const every = (name: string, ms: number, task: () => Promise<unknown>, options: { firstAfterMs?: number } = {}) => {
    const run = () => {
      const promise = task()
        .catch((error) => log.warn(`${name} failed`, { error: String(error) }))
        .finally(() => running.delete(promise));
      running.add(promise);
    };
    timers.push(setInterval(run, ms));
    if (options.firstAfterMs !== undefined) timers.push(setTimeout(run, options.firstAfterMs));
  };

  every("housekeeping", 60 * 60 * 1000, async () => {
    await deleteExpiredSessions();
    await deleteOldHits();
    // Response figures change with time alone (unanswered inquiries age).
    await refreshAllResponseStats();
    await deleteOldOutboxRows();
    await deleteOldTasks();
  });

  // Certificates run out with the calendar, not with an edit: once a
  // Zhongshan day (the first instance to ask claims it), expired ones leave
  // the index and firms are reminded to renew. Checked hourly and soon after start.
  every("certificate watch", 60 * 60 * 1000, () => runCertificateWatch(), { firstAfterMs: 60_000 });

  // The search outbox: changes reach Meilisearch within a second or two; a
  // run never overlaps the previous one, and instances share the rows.
  let indexing = false;
  every("search", SEARCH_POLL_MS, async () => {
    if (indexing) return;
    indexing = true;
    try {
      for (let run = 0; run < 20; run++) {
        const result = await drainSearchOutbox({ limit: 500 });
        if (result.engineDown || result.claimed < 500) break;
      }
    } finally {
      indexing = false;
    }
  });
  // Delegation deadline reminders: each firm once per call (the reminder row
  // is the lock), so every instance may run it.
  every("delegation reminders", 15 * 60 * 1000, () => sendDeadlineReminders());
  // Training reminders: each session once, the day before (the conditional
  // update of remindedAt is the claim), so every instance may run it.
  every("training reminders", 15 * 60 * 1000, () => sendTrainingReminders());
  // Meeting reminders the evening before and shortly before (the reminder row is the lock, as above);
  // a tick of a few minutes so the shortly-before one is on time.
  every("meeting reminders", SOON_REMINDER_TICK_MINUTES * 60 * 1000, () => sendMeetingReminders());
  // Follow-ups 30, 90 and 180 days after each held meeting (the follow-up row is the lock).
  every("meeting follow-ups", 15 * 60 * 1000, () => sendFollowUpReminders());
  // Synonyms the bureau edited while the engine was away.
  every("search vocabulary", 30_000, () => syncSynonyms());

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

  // Machine translation (only with TRANSLATE_URL): jobs first, then the
  // mails that waited for them (released even when the engine was switched
  // off meanwhile); a run never overlaps the previous one.
  let translating = false;
  every("translation", TRANSLATION_POLL_MS, async () => {
    if (translating) return;
    translating = true;
    try {
      if (translationConfigured()) await drainTranslationJobs({ limit: 10 });
      await releaseHeldMails();
    } finally {
      translating = false;
    }
  });

  // Scheduled policy notices: each is claimed once (DRAFT/SCHEDULED → SENT in
  // one conditional update), so instances and retries never send one twice.
  let noticing = false;
  every("notices", NOTICE_POLL_MS, async () => {
    if (noticing) return;
    noticing = true;
    try {
      await sendDueNotices();
    } finally {
      noticing = false;
    }
  });

  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  };
}
