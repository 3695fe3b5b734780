import { prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { findAudience } from "./profiles.server";
import { nameReasons } from "./reasons.server";
import { readRules, type TargetingRules } from "./rules";

/** How many firms to list by name in the preview and the read lists. */
const LISTED = 100;

type FirmRow = { id: string; slug: string; name: unknown; townId: string | null; townName: unknown; clusterId: string | null; clusterName: unknown };

async function firmRows(firmIds: string[], locale: Locale) {
  // One query with its joins (the ORM's relation loading took a third of a preview).
  const firms = firmIds.length
    ? await prisma.$queryRaw<FirmRow[]>`
        SELECT f."id", f."slug", f."name", t."id" AS "townId", t."name" AS "townName", c."id" AS "clusterId", c."name" AS "clusterName"
          FROM "Firm" f LEFT JOIN "Town" t ON t."id" = f."townId" LEFT JOIN "Cluster" c ON c."id" = f."clusterId"
         WHERE f."id" = ANY(${firmIds}::text[])`
    : [];
  return new Map(
    firms.map((firm) => [
      firm.id,
      {
        id: firm.id,
        name: displayTextIn(firm.name, locale) || firm.slug,
        town: firm.townId ? { id: firm.townId, name: displayTextIn(firm.townName, locale) } : null,
        cluster: firm.clusterId ? { id: firm.clusterId, name: displayTextIn(firm.clusterName, locale) } : null,
      },
    ]),
  );
}

/** The bureau's preview: how many firms the rules reach now, and the first of them with why. */
export async function previewAudience(rules: TargetingRules | null, locale: Locale, now = new Date()) {
  if (!rules) return { count: 0, firms: [] };
  const audience = await findAudience(rules, { now, listed: LISTED });
  const listed = audience.firms;
  const [names, reasons] = await Promise.all([firmRows(listed.map((row) => row.firmId), locale), nameReasons(listed.map((row) => row.reasons), locale)]);
  return {
    count: audience.count,
    firms: listed.map((row, index) => ({ ...names.get(row.firmId)!, reasons: reasons[index] })),
  };
}

export async function previewNoticeAudience(noticeId: string, locale: Locale) {
  const notice = await prisma.policyNotice.findUnique({ where: { id: noticeId }, select: { rules: true } });
  return notice ? previewAudience(readRules(notice.rules), locale) : null;
}

interface Group {
  key: string;
  label: string | null;
  total: number;
  read: number;
}

/** After sending: who read it and who did not, by cluster and by town. */
export async function readStatistics(noticeId: string, locale: Locale) {
  const receipts = await prisma.policyNoticeReceipt.findMany({
    where: { noticeId, delivered: true },
    select: { firmId: true, readAt: true, interestedAt: true, appliedAt: true },
  });
  const firms = await firmRows(
    receipts.map((row) => row.firmId),
    locale,
  );
  const byCluster = new Map<string, Group>();
  const byTown = new Map<string, Group>();
  const add = (map: Map<string, Group>, key: string, label: string | null, read: boolean) => {
    const group = map.get(key) ?? { key, label, total: 0, read: 0 };
    group.total++;
    if (read) group.read++;
    map.set(key, group);
  };
  const read: { id: string; name: string; at: string }[] = [];
  const unread: { id: string; name: string }[] = [];
  for (const receipt of receipts) {
    const firm = firms.get(receipt.firmId);
    const isRead = !!receipt.readAt;
    add(byCluster, firm?.cluster?.id ?? "", firm?.cluster?.name ?? null, isRead);
    add(byTown, firm?.town?.id ?? "", firm?.town?.name ?? null, isRead);
    if (isRead) read.push({ id: receipt.firmId, name: firm?.name ?? receipt.firmId, at: receipt.readAt!.toISOString() });
    else unread.push({ id: receipt.firmId, name: firm?.name ?? receipt.firmId });
  }
  const sorted = (map: Map<string, Group>) => [...map.values()].sort((a, b) => b.total - a.total);
  return {
    total: receipts.length,
    read: read.length,
    interested: receipts.filter((row) => row.interestedAt).length,
    applied: receipts.filter((row) => row.appliedAt).length,
    byCluster: sorted(byCluster),
    byTown: sorted(byTown),
    readFirms: read.slice(0, LISTED),
    unreadFirms: unread.slice(0, LISTED),
  };
}
