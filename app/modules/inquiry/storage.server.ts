import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server";

/**
 * Where attachment bytes live. The database keeps only the key; a deployment
 * that outgrows one disk swaps this for an object store behind the same
 * three calls.
 */
export interface AttachmentStore {
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{43}$/;

/** Files under `dir`, spread over 256 sub-folders by the key's first two characters. */
export function fileAttachmentStore(dir: string): AttachmentStore {
  const fileOf = (key: string) => {
    // Keys are made here, but never trust one that comes back from storage.
    if (!KEY.test(key)) throw new Error("bad attachment key");
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(bytes) {
      const key = crypto.randomBytes(32).toString("base64url");
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
      return key;
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

export function attachmentStore(): AttachmentStore {
  return fileAttachmentStore(path.join(getEnv().dataDir, "attachments"));
}
