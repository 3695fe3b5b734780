/**
 * The privacy notice in force. Its text lives in the `privacy` namespace
 * (notice.*); a change of substance gets a new version, and registration
 * records the version each person accepted (User.privacyConsentVersion).
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-07";

/** How long what is kept stays, shown on the notice (days; null: as long as the account lives). */
export const RETENTION_DAYS = {
  sessions: 14,
  rateLimitHits: 1,
  mailOutbox: 30,
} as const;

/** Where people write to when they can't sign in (requests by mail are handled with the CLI). */
export const PRIVACY_CONTACT_EMAIL = "privacy@ponte.demo";

/** The date the accessibility statement was last reviewed. */
export const ACCESSIBILITY_REVIEWED_ON = "2026-12-07";
