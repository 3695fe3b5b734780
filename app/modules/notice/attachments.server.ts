import { fileTypeFromBuffer } from "file-type";
import { readFormData } from "~/utils/form.server";
import { readMultipart } from "~/utils/multipart.server";
import { cleanFileName } from "~/modules/inquiry/attachment.server";

/** PDF attachments of a notice: recognised from their bytes, never from the name or the claimed type. */
export const NOTICE_ATTACHMENT_FIELD = "attachment";
export const MAX_NOTICE_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_NOTICE_ATTACHMENTS = 5;
/** Text fields are cut here; the schema refuses far less (a body of a megabyte is refused by BODY_MAX). */
const MAX_TEXT_FIELD_BYTES = 1024 * 1024 + 1024;

export interface CheckedPdf {
  fileName: string;
  bytes: Uint8Array;
}

export type NoticeUploadProblem = "attachmentType" | "attachmentTooLarge" | "tooManyAttachments";

/** The posted notice form (multipart with PDFs, or urlencoded without). Never throws on what the user sent. */
export async function readNoticeForm(request: Request): Promise<{ formData: FormData; files: { fileName: string; bytes: Uint8Array | null }[] }> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return { formData: await readFormData(request), files: [] };
  }
  const upload = await readMultipart(request, {
    fileFields: [NOTICE_ATTACHMENT_FIELD],
    maxFileBytes: MAX_NOTICE_ATTACHMENT_BYTES,
    maxTextBytes: MAX_TEXT_FIELD_BYTES,
    textOverLimit: "truncate",
    dropEmptyFiles: true,
  });
  return { formData: upload.formData, files: upload.files.map((file) => ({ fileName: cleanFileName(file.fileName), bytes: file.bytes })) };
}

export async function checkNoticePdfs(
  files: { fileName: string; bytes: Uint8Array | null }[],
  alreadyAttached: number,
): Promise<{ ok: true; pdfs: CheckedPdf[] } | { ok: false; problem: NoticeUploadProblem; fileName?: string }> {
  if (files.length + alreadyAttached > MAX_NOTICE_ATTACHMENTS) return { ok: false, problem: "tooManyAttachments" };
  const pdfs: CheckedPdf[] = [];
  for (const file of files) {
    if (file.bytes === null) return { ok: false, problem: "attachmentTooLarge", fileName: file.fileName };
    const sniffed = await fileTypeFromBuffer(file.bytes);
    if (sniffed?.mime !== "application/pdf") return { ok: false, problem: "attachmentType", fileName: file.fileName };
    pdfs.push({ fileName: file.fileName.toLowerCase().endsWith(".pdf") ? file.fileName : `${file.fileName}.pdf`, bytes: file.bytes });
  }
  return { ok: true, pdfs };
}

/** The field error for a refused upload, as ErrorList renders it (values after "|"). */
export function noticeUploadError(refusal: { problem: NoticeUploadProblem; fileName?: string }): string {
  const file = (refusal.fileName ?? "").replace(/[|=]/g, "_");
  return `notices:errors.${refusal.problem}|file=${file}|size=${MAX_NOTICE_ATTACHMENT_BYTES / (1024 * 1024)}|count=${MAX_NOTICE_ATTACHMENTS}`;
}
