import { fileTypeFromBuffer } from "file-type";
import { readFormData } from "~/utils/form.server";
import { readMultipart } from "~/utils/multipart.server";
import {
  ATTACHMENT_FIELD,
  allowedAttachmentTypes,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type AttachmentType,
} from "./attachment-limits";

/**
 * Attachments: images and PDF only, recognised from their bytes (file-type),
 * never from the name or the type the browser sent, and size-limited.
 */
/** Text fields of a multipart form are cut here; the schema refuses far less. */
const MAX_TEXT_FIELD_BYTES = 256 * 1024;

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface CheckedAttachment {
  fileName: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
}

/** Translation keys of the problems an upload can have. */
export type AttachmentProblem = "attachmentType" | "attachmentTooLarge" | "tooManyAttachments";

export interface ParsedMultipart {
  formData: FormData;
  files: UploadedFile[];
  oversized: string[];
}

/**
 * Any posted form: multipart (with files) or urlencoded (without). Never
 * throws on what the user sent: a file over the limit is drained and
 * reported (so the rest of the form, the typed text above all, still comes
 * back), and text fields are capped. A body that is not a readable form is
 * a 400/415, never a 500.
 */
export async function readForm(request: Request): Promise<ParsedMultipart> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return { formData: await readFormData(request), files: [], oversized: [] };
  }
  const upload = await readMultipart(request, {
    fileFields: [ATTACHMENT_FIELD],
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    maxTextBytes: MAX_TEXT_FIELD_BYTES,
    textOverLimit: "truncate",
    dropEmptyFiles: true,
  });
  const files: UploadedFile[] = [];
  const oversized: string[] = [];
  for (const file of upload.files) {
    if (file.bytes === null) oversized.push(cleanFileName(file.fileName));
    else files.push({ fileName: cleanFileName(file.fileName), bytes: file.bytes });
  }
  return { formData: upload.formData, files, oversized };
}

export async function checkAttachments(
  upload: Pick<ParsedMultipart, "files" | "oversized">,
): Promise<{ ok: true; attachments: CheckedAttachment[] } | { ok: false; problem: AttachmentProblem; fileName?: string }> {
  if (upload.files.length + upload.oversized.length > MAX_ATTACHMENTS) return { ok: false, problem: "tooManyAttachments" };
  if (upload.oversized.length) return { ok: false, problem: "attachmentTooLarge", fileName: upload.oversized[0] };
  const attachments: CheckedAttachment[] = [];
  for (const file of upload.files) {
    const sniffed = await fileTypeFromBuffer(file.bytes);
    const contentType = allowedAttachmentTypes.find((type) => type === sniffed?.mime);
    if (!contentType) return { ok: false, problem: "attachmentType", fileName: file.fileName };
    attachments.push({ fileName: file.fileName, contentType, bytes: file.bytes });
  }
  return { ok: true, attachments };
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 150);
  return cleaned || "attachment";
}
