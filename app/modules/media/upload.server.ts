import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type UploadHandler,
} from "@remix-run/node";
import { formRefusal, guardFormData } from "~/utils/form.server";

/**
 * Multipart forms with files. A file part larger than `maxFileBytes` is read
 * off the wire and thrown away chunk by chunk — never buffered — and the
 * field gets the TOO_LARGE marker, so the action can answer "too large" next
 * to the field while keeping the form's other values. Text fields are small
 * (64 KiB each at most).
 */
export const TOO_LARGE = "__too_large__";
const MAX_TEXT_PART_BYTES = 64 * 1024;

export function limitedFileUploadHandler(fileFields: readonly string[], maxFileBytes: number): UploadHandler {
  return async ({ name, filename, contentType, data }) => {
    if (!fileFields.includes(name) || filename === undefined) return undefined;
    const chunks: BlobPart[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxFileBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk as Uint8Array<ArrayBuffer>);
    }
    if (tooLarge) return TOO_LARGE;
    // An empty file input still sends a part with an empty name.
    if (size === 0 && !filename) return undefined;
    return new File(chunks, filename || "upload", { type: contentType });
  };
}

export class UploadTooLargeError extends Error {}

/** Parses a multipart request; text parts over 64 KiB raise UploadTooLargeError. */
export async function parseUploadForm(request: Request, options: { fileFields: readonly string[]; maxFileBytes: number }): Promise<FormData> {
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        limitedFileUploadHandler(options.fileFields, options.maxFileBytes),
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES }),
      ),
    );
    return guardFormData(formData, request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new UploadTooLargeError("A form field is too large.");
    if (error instanceof Response) throw error;
    throw formRefusal("unreadable");
  }
}

/** Files of a field, with TOO_LARGE markers kept so the caller can report them. */
export function uploadedFiles(form: FormData, field: string): (File | typeof TOO_LARGE)[] {
  return form
    .getAll(field)
    .filter((value): value is File | string => value instanceof File || value === TOO_LARGE)
    .map((value) => (value === TOO_LARGE ? TOO_LARGE : (value as File)));
}
