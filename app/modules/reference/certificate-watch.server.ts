import { prisma } from "~/utils/db.server";
import { zhongshanDay } from "~/utils/time-zone";
import { log } from "~/utils/logger.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { notify } from "~/modules/notification/notification.server";
import { dueCertificateReminders, heldCertificates, reminderHorizon, reminderKey, type CertificationRules } from "./certificate-validity";
import { loadCertificationRules } from "./certifications.server";

/**
 * Once a day (Zhongshan's), what the passing of time does to certificates:
 * the firms whose certificates ran out or began since the last run go back
 * to the search index (their badges, facet values and match reasons follow),
 * and firms are reminded to renew 60 and 15 days before a certificate ends
 * (the days each certification's rule gives; its validity months give the
 * last valid day of a certificate stated with a first one only).
 * Any number of instances may call it: the one that claims the day runs it.
 */
export const CERTIFICATE_WATCH_JOB = "certificate-watch";

export interface CertificateWatchReport {
  ran: boolean;
  day: string;
  firmsReindexed: number;
  remindersSent: number;
}

export async function runCertificateWatch(now: Date = new Date()): Promise<CertificateWatchReport> {
  const day = zhongshanDay(now);
  const claimed = await prisma.$executeRaw`INSERT INTO "DailyJobRun" ("job", "day") VALUES (${CERTIFICATE_WATCH_JOB}, ${day}) ON CONFLICT DO NOTHING`;
  if (claimed === 0) return { ran: false, day, firmsReindexed: 0, remindersSent: 0 };
  const previous = await prisma.dailyJobRun.findFirst({
    where: { job: CERTIFICATE_WATCH_JOB, day: { lt: day }, finishedAt: { not: null } },
    orderBy: { day: "desc" },
    select: { day: true },
  });
  // The first run ever looks at every date: documents indexed before
  // validity counted may carry certificates long expired.
  const since = previous?.day ?? "0000-01-01";
  const rules = await loadCertificationRules();
  const firmsReindexed = await reindexChangedFirms(since, day, rules);
  const remindersSent = await sendDueReminders(day, rules);
  await prisma.dailyJobRun.update({ where: { job_day: { job: CERTIFICATE_WATCH_JOB, day } }, data: { finishedAt: new Date() } });
  if (firmsReindexed || remindersSent) log.info("certificate watch", { day, firmsReindexed, remindersSent });
  return { ran: true, day, firmsReindexed, remindersSent };
}

/**
 * Firms with a certificate whose last valid day fell in [since, day) or whose
 * first fell in (since, day]. The last valid day is the stated one or, for a
 * certificate stated with a first day only, the one its certification's
 * validity months give (heldCertificates, as the index reads it): the
 * database finds the candidates, the same function decides.
 */
async function reindexChangedFirms(since: string, day: string, rules: CertificationRules): Promise<number> {
  const stated = await prisma.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM "Firm" f
    WHERE jsonb_typeof(f.certifications) = 'array' AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(f.certifications) c
      WHERE jsonb_typeof(c) = 'object' AND (
        (c->>'validUntil' >= ${since} AND c->>'validUntil' < ${day})
        OR (c->>'validFrom' > ${since} AND c->>'validFrom' <= ${day})))`;
  const monthly = [...rules.values()].filter((rule) => rule.validityMonths).map((rule) => rule.code);
  const derived = monthly.length
    ? await prisma.$queryRaw<{ id: string; certifications: unknown }[]>`
        SELECT f.id, f.certifications FROM "Firm" f
        WHERE jsonb_typeof(f.certifications) = 'array' AND EXISTS (
          SELECT 1 FROM jsonb_array_elements(f.certifications) c
          WHERE jsonb_typeof(c) = 'object' AND c->>'validUntil' IS NULL AND c->>'validFrom' IS NOT NULL AND c->>'code' = ANY(${monthly}))`
    : [];
  const endedByRule = derived.filter((firm) =>
    heldCertificates(firm.certifications, rules).some((certificate) => certificate.validUntil && certificate.validUntil >= since && certificate.validUntil < day),
  );
  const firmIds = [...new Set([...stated, ...endedByRule].map((firm) => firm.id))];
  if (firmIds.length === 0) return 0;
  const products = await prisma.product.findMany({ where: { firmId: { in: firmIds } }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    await enqueueSearchSync(tx, "firm", firmIds);
    await enqueueSearchSync(tx, "product", products.map((product) => product.id));
  });
  return firmIds.length;
}

async function sendDueReminders(day: string, rules: CertificationRules): Promise<number> {
  const horizon = addDays(day, reminderHorizon(rules));
  // A certificate with a first valid day only may end within the horizon under its rule's validity months.
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM "Firm" f
    WHERE jsonb_typeof(f.certifications) = 'array' AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(f.certifications) c
      WHERE jsonb_typeof(c) = 'object' AND (
        (c->>'validUntil' >= ${day} AND c->>'validUntil' <= ${horizon})
        OR (c->>'validUntil' IS NULL AND c->>'validFrom' IS NOT NULL)))`;
  let sent = 0;
  const firms = await prisma.firm.findMany({
    where: { id: { in: candidates.map((candidate) => candidate.id) } },
    select: {
      id: true,
      name: true,
      certifications: true,
      members: { where: { status: "ACTIVE" }, select: { id: true, email: true, locale: true } },
      certificateReminders: { select: { code: true, validUntil: true, daysBefore: true } },
    },
  });
  for (const firm of firms) {
    const already = new Set(firm.certificateReminders.map((row) => reminderKey(row.code, row.validUntil, row.daysBefore)));
    for (const reminder of dueCertificateReminders(heldCertificates(firm.certifications, rules), day, already, rules)) {
      await prisma.$transaction(async (tx) => {
        // The row is the guard: another instance that got here first wins.
        const inserted = await tx.$executeRaw`
          INSERT INTO "CertificateReminder" ("firmId", "code", "validUntil", "daysBefore")
          VALUES (${firm.id}, ${reminder.code}, ${reminder.validUntil}, ${reminder.daysBefore}) ON CONFLICT DO NOTHING`;
        if (inserted === 0) return;
        await notify(tx, {
          recipients: firm.members,
          kind: "certificate.expiring",
          params: { firmName: firm.name, certificate: reminder.code, validUntil: reminder.validUntil, daysLeft: reminder.daysLeft, path: `/catalog/firms/${firm.id}` },
          link: (locale) => `/${locale}/catalog/firms/${firm.id}`,
        });
        sent++;
      });
    }
  }
  return sent;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
