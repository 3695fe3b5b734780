import { fileTypeFromBuffer } from "file-type";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form.server";
import { readMultipart } from "~/utils/multipart.server";
import { allowedAttachmentTypes, MAX_ATTACHMENT_BYTES, type AttachmentType } from "~/modules/inquiry/attachment-limits";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { cleanFileName } from "~/modules/inquiry/attachment.server";
import { DomainError } from "~/utils/domain-error";
import { documentFields } from "./application-form";

/**
 * The documents a firm attaches to its application: read through the one
 * multipart reader, recognised from their bytes (never the name or the type
 * the browser claims), size-limited and stored as inquiry attachments are
 * (DATA_DIR/attachments, the database keeps the key).
 */
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export interface DocumentUpload {
  /** Which of the call's documentsAsked it answers. */
  askedIndex: number;
  fileName: string;
  bytes: Uint8Array | null;
}

export interface CheckedDocument {
  askedIndex: number;
  fileName: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
}

/** The posted application form: its text fields and the document files (an empty input sends none). */
export async function readApplicationForm(request: Request): Promise<{ formData: FormData; documents: DocumentUpload[] }> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return { formData: await readFormData(request), documents: [] };
  const upload = await readMultipart(request, {
    fileFields: documentFields,
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    maxTextBytes: MAX_TEXT_FIELD_BYTES,
    textOverLimit: "truncate",
    dropEmptyFiles: true,
  });
  return {
    formData: upload.formData,
    documents: upload.files.map((file) => ({ askedIndex: documentFields.indexOf(file.field), fileName: cleanFileName(file.fileName), bytes: file.bytes })),
  };
}

const fileError = (problem: "documentTooLarge" | "documentType", askedIndex: number, fileName: string) =>
  new DomainError(problem, {
    status: 400,
    messageKey: `participation:errors.${problem}`,
    field: documentFields[askedIndex],
    params: { file: fileName.replace(/[|=]/g, "_"), size: Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024)) },
  });

/** Checks each file against the call's list: too large or not a PDF or image is refused with the file named. */
export async function checkDocuments(documents: DocumentUpload[], askedCount: number): Promise<CheckedDocument[]> {
  const checked: CheckedDocument[] = [];
  for (const document of documents) {
    if (document.askedIndex < 0 || document.askedIndex >= askedCount) continue;
    if (!document.bytes) throw fileError("documentTooLarge", document.askedIndex, document.fileName);
    const sniffed = await fileTypeFromBuffer(document.bytes);
    const contentType = allowedAttachmentTypes.find((type) => type === sniffed?.mime);
    if (!contentType) throw fileError("documentType", document.askedIndex, document.fileName);
    checked.push({ askedIndex: document.askedIndex, fileName: document.fileName, contentType, bytes: document.bytes });
  }
  return checked;
}

/**
 * Stores the files and records them on the application, inside its
 * transaction; a new file for a document replaces the earlier one. Returns
 * the keys written, so a rolled-back transaction can remove them.
 */
export async function saveDocuments(tx: Prisma.TransactionClient, applicationId: string, documents: CheckedDocument[], written: string[]) {
  const store = attachmentStore();
  for (const document of documents) {
    const old = await tx.delegationDocument.findMany({ where: { applicationId, askedIndex: document.askedIndex }, select: { id: true, storageKey: true } });
    const storageKey = await store.put(document.bytes);
    written.push(storageKey);
    await tx.delegationDocument.create({
      data: { applicationId, askedIndex: document.askedIndex, storageKey, fileName: document.fileName, contentType: document.contentType, sizeBytes: document.bytes.byteLength },
    });
    if (old.length) {
      await tx.delegationDocument.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
      // The old bytes go once the transaction is through (see forgetFiles).
      written.push(...old.map((row) => `-${row.storageKey}`));
    }
  }
}

/** After the transaction: committed → remove replaced files; rolled back → remove the new ones. */
export async function forgetFiles(written: string[], committed: boolean) {
  const store = attachmentStore();
  for (const entry of written) {
    const replaced = entry.startsWith("-");
    if (replaced === committed) await store.delete(replaced ? entry.slice(1) : entry).catch(() => undefined);
  }
}

/** A document's bytes, for its firm's members and the bureau (the route checked who asks). */
export async function readDocument(applicationId: string, documentId: string) {
  const document = await prisma.delegationDocument.findFirst({ where: { id: documentId, applicationId }, select: { storageKey: true, fileName: true, contentType: true } });
  if (!document) return null;
  const bytes = await attachmentStore().get(document.storageKey);
  return bytes ? { ...document, bytes } : null;
}

/** The uploads checked against the call's list of documents (its length bounds which fields count). */
export async function checkDocumentsForCall(callId: string, documents: DocumentUpload[]): Promise<CheckedDocument[]> {
  if (!documents.length) return [];
  const call = await prisma.delegationCall.findUnique({ where: { id: callId }, select: { documentsAsked: true } });
  const asked = Array.isArray(call?.documentsAsked) ? call.documentsAsked.length : 0;
  return checkDocuments(documents, asked);
}

/** The call an application belongs to (for checking its uploads). */
export async function callOfApplication(applicationId: string): Promise<string | null> {
  return (await prisma.delegationApplication.findUnique({ where: { id: applicationId }, select: { callId: true } }))?.callId ?? null;
}
