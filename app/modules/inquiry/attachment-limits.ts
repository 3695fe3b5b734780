/**
 * What an attachment may be, shared by the forms (hints, accept) and the
 * server (attachment.server.ts checks the bytes).
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_FIELD = "attachment";

export const allowedAttachmentTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"] as const;
export type AttachmentType = (typeof allowedAttachmentTypes)[number];

/** For <input accept>: a hint to the file picker only; the server sniffs the content. */
export const attachmentAccept = [...allowedAttachmentTypes, ".jpg", ".jpeg", ".png", ".webp", ".gif", ".pdf"].join(",");
