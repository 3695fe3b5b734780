/** Meeting notices (issue 10): their words live in the "meetings" namespace. */
export const meetingNotificationKinds = ["meeting.requested", "meeting.accepted", "meeting.declined", "meeting.published"] as const;

/**
 * The notices Ponte sends. Each is shown in the app and, unless the user
 * turned it off, e-mailed in the recipient's language.
 */
export const notificationKinds = ["inquiry.new", "inquiry.offer", "inquiry.message", "inquiry.status", "inquiry.reported", ...meetingNotificationKinds] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Who can receive a kind, so the preferences page lists only what concerns the user. */
export const kindsForRole: Record<string, readonly NotificationKind[]> = {
  BUYER: ["inquiry.offer", "inquiry.message", "inquiry.status", ...meetingNotificationKinds],
  FIRM_MEMBER: ["inquiry.new", "inquiry.message", ...meetingNotificationKinds],
  BUREAU_STAFF: ["inquiry.reported"],
  ADMIN: ["inquiry.reported"],
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
  /** The fair a meeting notice is about (LocalizedText). */
  fairName?: unknown;
  /** The page a notice links to, without the locale ("/meetings/mif-2026/buyer"). */
  href?: string;
}

/** The first line of a message, shortened for a notice. */
export function excerptOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}
