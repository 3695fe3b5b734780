import fs from "node:fs";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type NodeOnDiskFile,
} from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { assertFieldNames, formRefusal } from "~/utils/form.server";
import { MAX_IMPORT_FILE_BYTES } from "./limits";

/**
 * Receives an import file from a multipart form: the file goes to a
 * temporary file on disk (never into memory whole), the other fields are
 * small text. A file over the limit is refused as it streams in.
 */
export interface ImportUpload {
  fields: Record<string, string>;
  file: { path: string; name: string; size: number } | null;
  problem: "fileTooLarge" | "fileMissing" | null;
  /** Deletes the temporary file. */
  cleanup(): Promise<void>;
}

function uploadDir() {
  const dir = path.join(getEnv().dataDir, "tmp", "imports");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export async function receiveImportUpload(request: Request): Promise<ImportUpload> {
  const none = async () => {};
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { fields: {}, file: null, problem: "fileMissing", cleanup: none };
  }
  const toDisk = unstable_createFileUploadHandler({
    directory: uploadDir(),
    maxPartSize: MAX_IMPORT_FILE_BYTES,
    avoidFileConflicts: true,
    filter: ({ name }) => name === "file",
  });
  // The file on disk gets a generated name; the name the user chose is kept for the report and the audit trail.
  let originalName = "";
  const handler = unstable_composeUploadHandlers(
    (part) => {
      if (part.name === "file") originalName = part.filename ?? "";
      return toDisk(part);
    },
    unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
  );
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
    assertFieldNames(formData, request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { fields: {}, file: null, problem: "fileTooLarge", cleanup: none };
    if (error instanceof Response) throw error;
    throw formRefusal("unreadable");
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") fields[key] = value;
  const upload = formData.get("file") as NodeOnDiskFile | string | null;
  if (!upload || typeof upload === "string" || upload.size === 0) {
    if (upload && typeof upload !== "string") await upload.remove().catch(() => {});
    return { fields, file: null, problem: "fileMissing", cleanup: none };
  }
  return {
    fields,
    file: { path: upload.getFilePath(), name: path.basename(originalName || upload.name).slice(0, 200), size: upload.size },
    problem: null,
    cleanup: () => upload.remove().catch(() => {}),
  };
}
