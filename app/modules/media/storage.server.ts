import fs from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { getEnv, type Env } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

/**
 * Where uploaded files (product images, firm logos) live. The filesystem
 * adapter keeps them under DATA_DIR/uploads; with S3_ENDPOINT, S3_BUCKET,
 * S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY set, an S3-compatible bucket
 * (AWS S3, MinIO, Ceph, OSS...) holds them instead, through path-style URLs
 * signed with AWS Signature V4. Either way files are served by /media/*,
 * which checks who may see them: the bucket never needs to be public.
 */
export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

export interface ObjectStorage {
  readonly kind: "filesystem" | "s3";
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are ours (never a user's file name): lower-case segments, one dot for the extension. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.(webp|png|jpg)$/;

export function isStorageKey(key: string): boolean {
  return key.length <= 200 && KEY_PATTERN.test(key);
}

function assertKey(key: string) {
  if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

const contentTypes: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg" };

export function contentTypeOf(key: string): string {
  return contentTypes[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

export class FilesystemStorage implements ObjectStorage {
  readonly kind = "filesystem" as const;
  constructor(private readonly root: string) {}

  private file(key: string) {
    assertKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, body: Uint8Array) {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, body);
    await fs.rename(temporary, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      return { body: await fs.readFile(this.file(key)), contentType: contentTypeOf(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await fs.rm(this.file(key), { force: true });
  }
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Minimal S3 client: PUT, GET and DELETE of single objects, nothing else. */
export class S3Storage implements ObjectStorage {
  readonly kind = "s3" as const;
  private readonly client: AwsClient;
  constructor(private readonly config: S3Config) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: "s3",
      retries: 2,
    });
  }

  private url(key: string) {
    assertKey(key);
    return `${this.config.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(this.config.bucket)}/${key}`;
  }

  async put(key: string, body: Uint8Array, contentType: string) {
    const response = await this.client.fetch(this.url(key), { method: "PUT", body: new Uint8Array(body), headers: { "Content-Type": contentType } });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status}`);
  }

  async get(key: string): Promise<StoredObject | null> {
    const response = await this.client.fetch(this.url(key), { method: "GET" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
    return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("Content-Type") ?? contentTypeOf(key) };
  }

  async delete(key: string) {
    const response = await this.client.fetch(this.url(key), { method: "DELETE" });
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}

/** S3 settings when all of them are present, null when none are; half a configuration is an error. */
export function s3ConfigFrom(env: Pick<Env, "S3_ENDPOINT" | "S3_BUCKET" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">): S3Config | null {
  const values = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (values.every((value) => !value)) return null;
  if (values.some((value) => !value)) {
    throw new Error("S3 storage needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together.");
  }
  return {
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  };
}

/** The storage this process uses; DATA_DIR is read per call so test files each get their own. */
export function objectStorage(): ObjectStorage {
  const env = getEnv();
  const s3 = s3ConfigFrom(env);
  if (s3) return singleton("objectStorage:s3", () => new S3Storage(s3));
  return new FilesystemStorage(path.join(env.dataDir, "uploads"));
}
