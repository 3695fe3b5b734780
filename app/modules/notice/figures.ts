/**
 * Read figures of sent notices as chart rows (issue 11, bureau figures),
 * pure: the share of firms that read, in whole percent, per group (cluster,
 * town) or per notice. The same figures stay in the tables beside the charts.
 */
export interface ReadGroup {
  label: string | null;
  total: number;
  read: number;
}

export const readPercent = (read: number, total: number) => (total > 0 ? Math.round((read / total) * 100) : 0);

/** One bar per group with firms, largest groups first (as the table lists them); unnamed groups get `noneLabel`. */
export function readRateBars(groups: ReadGroup[], noneLabel: string) {
  return groups.filter((group) => group.total > 0).map((group) => ({ label: group.label ?? noneLabel, value: readPercent(group.read, group.total) }));
}

/** One bar per sent notice (newest first, at most `max`). */
export function noticeReadBars(notices: { title: string; status: string; readCount: number; recipientCount: number }[], max = 12) {
  return notices
    .filter((notice) => notice.status === "SENT" && notice.recipientCount > 0)
    .slice(0, max)
    .map((notice) => ({ label: notice.title, value: readPercent(notice.readCount, notice.recipientCount) }));
}
