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

/**
 * The field error for refused attachments, as the forms show it: why, with
 * the file and the limits, and that the other files were not kept either.
 * The values ride after "|" (see ErrorList), so those characters are kept
 * out of the file name.
 */
export function attachmentFieldErrors(refusal: { problem: string; fileName?: string }): Record<string, string[]> {
  const file = (refusal.fileName ?? "").replace(/[|=]/g, "_");
  const size = Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024));
  return { [ATTACHMENT_FIELD]: [`inquiry:errors.${refusal.problem}|file=${file}|size=${size}|count=${MAX_ATTACHMENTS}`, "inquiry:errors.attachmentsLost"] };
}
