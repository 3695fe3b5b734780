import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FilesystemStorage, isStorageKey, s3ConfigFrom, type ObjectStorage } from "./storage.server";

describe("upload storage", () => {
  it("accepts only keys the application makes", () => {
    expect(isStorageKey("products/cm1abc/0a1b2c3d4e5f.webp")).toBe(true);
    expect(isStorageKey("firms/seed-f-000000/logo-thumb.webp")).toBe(true);
    for (const key of ["../secrets/session-secret", "products/../../x.webp", "/etc/passwd", "products/x/y.svg", "Products/x.webp", "a//b.webp", "a/b.webp/", ""]) {
      expect(isStorageKey(key), key).toBe(false);
    }
  });

  it("keeps files under its root on the filesystem and reports missing ones as null", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ponte-storage-"));
    const storage: ObjectStorage = new FilesystemStorage(root);
    await storage.put("products/p1/a.webp", new Uint8Array([1, 2, 3]), "image/webp");
    expect(fs.readFileSync(path.join(root, "products", "p1", "a.webp"))).toEqual(Buffer.from([1, 2, 3]));
    expect(await storage.get("products/p1/a.webp")).toEqual({ body: Buffer.from([1, 2, 3]), contentType: "image/webp" });
    await storage.delete("products/p1/a.webp");
    expect(await storage.get("products/p1/a.webp")).toBeNull();
    await expect(storage.put("../escape.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(/Invalid storage key/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("uses S3 only when fully configured", () => {
    const none = { S3_ENDPOINT: undefined, S3_BUCKET: undefined, S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined };
    expect(s3ConfigFrom(none)).toBeNull();
    expect(s3ConfigFrom({ ...none, S3_ENDPOINT: "https://s3.example", S3_BUCKET: "ponte", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })).toMatchObject({ bucket: "ponte", region: "us-east-1" });
    expect(() => s3ConfigFrom({ ...none, S3_BUCKET: "ponte" })).toThrow(/together/);
  });
});
