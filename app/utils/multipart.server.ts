import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { formRefusal, guardFormData } from "./form.server";

/**
 * The one reader of multipart forms held in memory (images, attachments),
 * with limits per use. A file over `maxFileBytes` is read off the wire and
 * thrown away chunk by chunk, never buffered, and listed with `bytes: null`,
 * so the action can say "too large" next to the field while keeping the
 * form's other values. Text fields over `maxTextBytes` are cut
 * (`textOverLimit: "truncate"`) or flag the whole form (`"refuse"`).
 * The text fields then cross the same boundary as any form (bounded names,
 * no control characters: form.server.ts). A body that is not a readable
 * form is a 400, never a 500.
 * Files are kept in memory, or, with `directory`, streamed to a temporary
 * file there (import spreadsheets): never whole in memory either way.
 */
export interface UploadLimits {
  /** The fields whose files are kept; files sent under other names are dropped. */
  fileFields: readonly string[];
  maxFileBytes: number;
  maxTextBytes: number;
  textOverLimit: "truncate" | "refuse";
  /** Drop empty files even when they have a name (an empty file input sends one without). */
  dropEmptyFiles?: boolean;
  /** Stream files to a new file in this folder instead of keeping them in memory. */
  directory?: string;
}

export interface UploadedPart {
  field: string;
  fileName: string;
  /** Null when the file was over the limit (drained, not kept), or when it went to disk. */
  bytes: Uint8Array | null;
  /** With `directory`: where the file is (null when over the limit: removed). */
  path?: string | null;
  size: number;
}

export interface MultipartUpload {
  /** The text fields. */
  formData: FormData;
  /** The files of `fileFields`, in the order sent. */
  files: UploadedPart[];
  /** A text field was over `maxTextBytes` and the limits say refuse. */
  textTooLarge: boolean;
}

export async function readMultipart(request: Request, limits: UploadLimits): Promise<MultipartUpload> {
  const files: UploadedPart[] = [];
  let textTooLarge = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const isFile = filename !== undefined;
    if (isFile && limits.directory && limits.fileFields.includes(name)) {
      files.push({ field: name, fileName: filename, bytes: null, ...(await streamToDisk(data, limits.directory, limits.maxFileBytes)) });
      return undefined;
    }
    const cap = isFile ? limits.maxFileBytes : limits.maxTextBytes;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= cap) chunks.push(chunk);
    }
    if (!isFile) {
      if (size > cap && limits.textOverLimit === "refuse") textTooLarge = true;
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    if (!limits.fileFields.includes(name)) return undefined;
    // An empty file input still sends a part with an empty name.
    if (size === 0 && (!filename || limits.dropEmptyFiles)) return undefined;
    files.push({ field: name, fileName: filename, bytes: size > cap ? null : Buffer.concat(chunks), size });
    return undefined;
  };
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch {
    throw formRefusal("unreadable");
  }
  return { formData: guardFormData(formData, request), files, textTooLarge };
}

/** Writes a part to a new file, up to `maxBytes`; past that the rest is drained and the file removed. */
async function streamToDisk(data: AsyncIterable<Uint8Array>, directory: string, maxBytes: number): Promise<{ path: string | null; size: number }> {
  fs.mkdirSync(directory, { recursive: true });
  const target = path.join(directory, `upload-${crypto.randomBytes(12).toString("hex")}`);
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      done(null, size <= maxBytes ? chunk : undefined);
    },
  });
  await pipeline(Readable.from(data), cap, fs.createWriteStream(target));
  if (size > maxBytes) {
    await fs.promises.rm(target, { force: true });
    return { path: null, size };
  }
  return { path: target, size };
}
