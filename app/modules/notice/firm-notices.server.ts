import { prisma } from "~/utils/db.server";
import { notFoundError } from "~/utils/domain-error";
import { textFallbacks, type Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { resolveText } from "~/modules/i18n-text/localized-text";
import { isBureau, type AuthUser } from "~/modules/access/user.server";
import { loadTargetProfiles } from "./profiles.server";
import { zhongshanDay } from "~/utils/time-zone";
import { nameReasons } from "./reasons.server";
import { readRules } from "./rules";
import { evaluateTargeting, type TargetReason } from "./targeting";
import { noticeTextViews } from "./notice-translation.server";

/**
 * The firm's side of notices: which it may see, "policies for me" (the sent
 * notices whose rules match its profile now, or that were sent to it), and
 * what it did with each (read, interested, applied).
 */
type Viewer = Pick<AuthUser, "role" | "firmId"> | null;

/** Who may see a notice: the bureau any; others a sent one that is public, or meant for their firm. */
export async function canSeeNotice(notice: { id: string; status: string; isPublic: boolean; rules: unknown }, viewer: Viewer): Promise<boolean> {
  if (isBureau(viewer)) return true;
  if (notice.status !== "SENT") return false;
  if (notice.isPublic) return true;
  if (viewer?.role !== "FIRM_MEMBER" || !viewer.firmId) return false;
  return (await concernsFirm(notice, viewer.firmId)) !== null;
}

/** The reasons the notice concerns the firm, or null (sent to it without a reason now: "sent to you"). */
async function concernsFirm(notice: { id: string; rules: unknown }, firmId: string): Promise<TargetReason[] | null> {
  const receipt = await prisma.policyNoticeReceipt.findUnique({ where: { noticeId_firmId: { noticeId: notice.id, firmId } }, select: { delivered: true } });
  const rules = readRules(notice.rules);
  const [profile] = rules ? await loadTargetProfiles({ rules, firmIds: [firmId] }) : [];
  const result = rules && profile ? evaluateTargeting(rules, profile, zhongshanDay()) : null;
  if (result?.match) return result.reasons;
  return receipt?.delivered ? [] : null;
}

/** A notice as its page shows it, in the reader's language, or null when the viewer may not see it. */
export async function getNoticeForViewer(id: string, viewer: Viewer, locale: Locale) {
  const notice = await prisma.policyNotice.findUnique({
    where: { id },
    include: { attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } } },
  });
  if (!notice || !(await canSeeNotice(notice, viewer))) return null;
  const firmId = viewer?.role === "FIRM_MEMBER" ? viewer.firmId : null;
  const receipt = firmId ? await prisma.policyNoticeReceipt.findUnique({ where: { noticeId_firmId: { noticeId: id, firmId } } }) : null;
  const reasons = firmId ? await concernsFirm(notice, firmId) : null;
  const [named] = await nameReasons([reasons ?? []], locale);
  const title = resolveText(notice.title, locale, textFallbacks[locale]);
  const body = resolveText(notice.body, locale, textFallbacks[locale]);
  const views = await noticeTextViews([notice], locale);
  return {
    titleView: views.titles[notice.id],
    bodyView: views.bodies[notice.id],
    id: notice.id,
    title: title?.text ?? "",
    titleLang: title?.locale ?? "zh-CN",
    body: body?.text ?? "",
    bodyLang: body?.locale ?? "zh-CN",
    translated: !!body?.isFallback,
    category: notice.category,
    department: notice.department,
    isPublic: notice.isPublic,
    status: notice.status,
    validFrom: notice.validFrom?.toISOString() ?? null,
    validUntil: notice.validUntil?.toISOString() ?? null,
    deadline: notice.deadline?.toISOString() ?? null,
    sentAt: notice.sentAt?.toISOString() ?? null,
    attachments: notice.attachments,
    reasons: named,
    firm: firmId
      ? { readAt: receipt?.readAt?.toISOString() ?? null, interestedAt: receipt?.interestedAt?.toISOString() ?? null, appliedAt: receipt?.appliedAt?.toISOString() ?? null }
      : null,
  };
}

/** An attachment's file, for a viewer who may see its notice; null otherwise. */
export async function noticeAttachmentFor(noticeId: string, attachmentId: string, viewer: Viewer) {
  const attachment = await prisma.policyNoticeAttachment.findFirst({
    where: { id: attachmentId, noticeId },
    select: { storageKey: true, fileName: true, contentType: true, notice: { select: { id: true, status: true, isPublic: true, rules: true } } },
  });
  if (!attachment || !(await canSeeNotice(attachment.notice, viewer))) return null;
  return attachment;
}

/** The firm opened the notice: its receipt is read (once), and the member's in-app notices of it too. */
export async function markNoticeRead(noticeId: string, firmId: string, userId: string, now = new Date()) {
  await prisma.policyNoticeReceipt.upsert({
    where: { noticeId_firmId: { noticeId, firmId } },
    create: { noticeId, firmId, delivered: false, readAt: now },
    update: {},
  });
  await prisma.policyNoticeReceipt.updateMany({ where: { noticeId, firmId, readAt: null }, data: { readAt: now } });
  await prisma.notification.updateMany({ where: { userId, readAt: null, params: { path: ["policyNoticeId"], equals: noticeId } }, data: { readAt: now } });
}

/** Interested, applied, or no longer interested. */
export async function markNoticeAction(noticeId: string, firmId: string, intent: "interested" | "applied" | "notInterested", now = new Date()) {
  const data =
    intent === "interested" ? { interestedAt: now } : intent === "applied" ? { appliedAt: now, interestedAt: now } : { interestedAt: null, appliedAt: null };
  const notice = await prisma.policyNotice.findUnique({ where: { id: noticeId }, select: { id: true } });
  if (!notice) throw notFoundError();
  await prisma.policyNoticeReceipt.upsert({
    where: { noticeId_firmId: { noticeId, firmId } },
    create: { noticeId, firmId, delivered: false, readAt: now, ...data },
    update: data,
  });
}

const POLICIES_LIMIT = 500;

/** "Policies for me": the sent notices whose rules match the firm now, or that were sent to it, newest first, with reasons. */
export async function policiesForFirm(firmId: string, locale: Locale, now = new Date()) {
  const [notices, receipts, profiles] = await Promise.all([
    prisma.policyNotice.findMany({
      where: { status: "SENT" },
      orderBy: { sentAt: "desc" },
      take: POLICIES_LIMIT,
      select: { id: true, title: true, category: true, department: true, rules: true, deadline: true, sentAt: true, isPublic: true },
    }),
    prisma.policyNoticeReceipt.findMany({ where: { firmId }, select: { noticeId: true, delivered: true, readAt: true, interestedAt: true, appliedAt: true } }),
    loadTargetProfiles({ rules: null, firmIds: [firmId] }),
  ]);
  const profile = profiles[0];
  const byNotice = new Map(receipts.map((row) => [row.noticeId, row]));
  const today = zhongshanDay(now);
  const kept: { notice: (typeof notices)[number]; reasons: TargetReason[] }[] = [];
  for (const notice of notices) {
    const rules = readRules(notice.rules);
    const result = rules && profile ? evaluateTargeting(rules, profile, today) : null;
    if (result?.match) kept.push({ notice, reasons: result.reasons });
    else if (byNotice.get(notice.id)?.delivered) kept.push({ notice, reasons: [] });
  }
  const named = await nameReasons(kept.map((row) => row.reasons), locale);
  return kept.map(({ notice }, index) => {
    const receipt = byNotice.get(notice.id);
    return {
      id: notice.id,
      title: displayTextIn(notice.title, locale),
      category: notice.category,
      department: notice.department,
      deadline: notice.deadline?.toISOString() ?? null,
      open: !notice.deadline || notice.deadline > now,
      sentAt: notice.sentAt?.toISOString() ?? null,
      reasons: named[index],
      read: !!receipt?.readAt,
      interested: !!receipt?.interestedAt,
      applied: !!receipt?.appliedAt,
    };
  });
}
