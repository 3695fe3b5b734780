import fs from "node:fs";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { readMultipart } from "~/utils/multipart.server";
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
  const upload = await readMultipart(request, { fileFields: ["file"], maxFileBytes: MAX_IMPORT_FILE_BYTES, maxTextBytes: 10_000, textOverLimit: "truncate", directory: uploadDir() });
  const fields: Record<string, string> = {};
  for (const [key, value] of upload.formData) if (typeof value === "string") fields[key] = value;
  // Only the first file counts; any other is removed at once.
  const [file, ...others] = upload.files;
  await Promise.all(others.map((other) => (other.path ? fs.promises.rm(other.path, { force: true }) : undefined)));
  if (file && file.path === null) return { fields, file: null, problem: "fileTooLarge", cleanup: none };
  if (!file?.path || file.size === 0) {
    if (file?.path) await fs.promises.rm(file.path, { force: true });
    return { fields, file: null, problem: "fileMissing", cleanup: none };
  }
  const stored = file.path;
  return {
    fields,
    // The file on disk gets a generated name; the name the user chose is kept for the report and the audit trail.
    file: { path: stored, name: path.basename(file.fileName || "upload").slice(0, 200), size: file.size },
    problem: null,
    cleanup: () => fs.promises.rm(stored, { force: true }).catch(() => {}),
  };
}
