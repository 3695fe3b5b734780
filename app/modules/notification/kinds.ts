/** Meeting notices (issue 10): their words live in the "meetings" namespace. */
export const meetingNotificationKinds = ["meeting.requested", "meeting.accepted", "meeting.declined", "meeting.published", "meeting.changed", "meeting.reminder", "meeting.followUp", "meeting.soon", "meeting.booked", "meeting.bookingCancelled"] as const;

/** Problems a firm raises with the bureau (issue 11): their words live in the "problems" namespace. */
export const problemNotificationKinds = ["problem.raised", "problem.assigned", "problem.replied", "problem.answered", "problem.closed", "problem.reopened"] as const;
/** Re-verification and held firms (issue 14): their words live in the "verification" namespace. */
export const verificationNotificationKinds = ["verification.approved", "verification.rejected", "verification.assigned"] as const;

/** Training session notices (issue 11): their words live in the "training" namespace. */
export const trainingNotificationKinds = ["training.registered", "training.reminder", "training.changed", "training.cancelled", "training.promoted", "training.materials", "training.recording"] as const;

/**
 * The notices Ponte sends. Each is shown in the app and, unless the user
 * turned it off, e-mailed in the recipient's language.
 */
export const notificationKinds = ["inquiry.new", "inquiry.offer", "inquiry.message", "inquiry.status", "inquiry.reported", "certificate.expiring", "policy.notice", "policy.reminder", "policy.updated", "delegation.received", "delegation.reminder", "delegation.decision", "delegation.booth", ...meetingNotificationKinds, ...problemNotificationKinds, ...trainingNotificationKinds, ...verificationNotificationKinds] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Who can receive a kind, so the preferences page lists only what concerns the user. */
export const kindsForRole: Record<string, readonly NotificationKind[]> = {
  BUYER: ["inquiry.offer", "inquiry.message", "inquiry.status", ...meetingNotificationKinds],
  FIRM_MEMBER: ["inquiry.new", "inquiry.message", "certificate.expiring", "policy.notice", "policy.reminder", "policy.updated", "delegation.received", "delegation.reminder", "delegation.decision", "delegation.booth", ...meetingNotificationKinds, "problem.answered", "problem.closed", ...trainingNotificationKinds, ...verificationNotificationKinds],
  BUREAU_STAFF: ["inquiry.reported", "problem.raised", "problem.assigned", "problem.replied", "problem.reopened"],
  ADMIN: ["inquiry.reported", "problem.raised", "problem.assigned", "problem.replied", "problem.reopened"],
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (notificationKinds as readonly string[]).includes(value);
}

/**
 * What a notice carries to be rendered later in any language. Names are kept
 * as LocalizedText (firm names) or plain text (buyer companies write theirs
 * once); `excerpt` is the start of the message, for the parties only.
 */
export interface NotificationParams {
  firmName?: unknown;
  buyerCompany?: string;
  status?: string;
  excerpt?: string;
  /** The excerpt machine-translated into the recipient's language (app/modules/translation), added when it was made. */
  translatedExcerpt?: string;
  /** A certificate's code and last valid day ("YYYY-MM-DD"), and the days left then. */
  certificate?: string;
  validUntil?: string;
  daysLeft?: number;
  /** Where the notice leads, without the locale ("/catalog/firms/…"), when not to an inquiry. */
  path?: string;
  /** A policy notice (app/modules/notice): its id and its title as LocalizedText. */
  policyNoticeId?: string;
  noticeTitle?: unknown;
  /** Delegation notices: the fair edition's name (LocalizedText), the call's deadline (ISO) in the venue's zone, and what to open. */
  fairName?: unknown;
  deadline?: string;
  timeZone?: string;
  applicationId?: string;
  callId?: string;
  /** The bureau's decision and the booth it assigned. */
  decision?: string;
  booth?: string;
  /** Meeting notices: how many of the reader's meetings a change placed, moved or cancelled; a meeting's start (ISO, shown in `timeZone`). */
  changes?: { added: number; moved: number; cancelled: number };
  startsAt?: string;
  /** A remote meeting's video link and the fair's zone (the reminder shortly before it). */
  videoLink?: string;
  fairTimeZone?: string;
  /** How long before a meeting its reminder is sent, in minutes. */
  minutesBefore?: number;
  /** A meeting's follow-up stage: days after the meeting (30, 90, 180). */
  followUpDays?: number;
  /** A problem raised with the bureau (app/modules/problem): its id and subject as the firm wrote it. */
  problemId?: string;
  problemSubject?: string;
  /** The bureau's reason for refusing a firm's change (re-verification), as the bureau wrote it. */
  reason?: string;
}

/** Where a notice that is not about an inquiry leads. */
export function noticePath(kind: string, params: NotificationParams, locale: string): string | null {
  if (kind.startsWith("delegation.") && params.applicationId) return `/${locale}/delegations/applications/${params.applicationId}`;
  if (kind.startsWith("delegation.") && params.callId) return `/${locale}/delegations/calls/${params.callId}`;
  if (typeof params.problemId === "string") return `/${locale}/problems/${params.problemId}`;
  if (typeof params.policyNoticeId === "string") return `/${locale}/notices/${params.policyNoticeId}`;
  // A path on this site only, given without the locale.
  if (typeof params.path === "string" && /^\/[a-z0-9/_-]*$/i.test(params.path)) return `/${locale}${params.path}`;
  return null;
}

/** The first line of a message, shortened for a notice. */
export function excerptOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}
