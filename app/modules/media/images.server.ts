import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { objectStorage } from "./storage.server";

/**
 * Uploaded images: the bytes decide what a file is (never its name or the
 * browser's content type), only JPEG, PNG and WebP are accepted (SVG can
 * carry script and is refused), and every accepted image is decoded and
 * re-encoded by sharp. Re-encoding drops all metadata — EXIF, GPS position,
 * camera serial numbers — and anything hidden after the image data.
 */
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "./limits";

export { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS };
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export type ImageProblem = "empty" | "tooLarge" | "type" | "unreadable" | "tooManyPixels";

export interface ProcessedImage {
  full: { data: Buffer; width: number; height: number };
  thumb: { data: Buffer; width: number; height: number };
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; problem: ImageProblem };

export async function sniffImageType(bytes: Uint8Array): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type.mime) ? type.mime : null;
}

/** Checks and re-encodes an upload into a large WebP and a thumbnail. */
export async function processImage(bytes: Uint8Array, sizes = { full: 1600, thumb: 400 }): Promise<ImageResult> {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { ok: false, problem: "tooLarge" };
  if (!(await sniffImageType(bytes))) return { ok: false, problem: "type" };
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", animated: false });
    const metadata = await source.metadata();
    if (!metadata.format || !["jpeg", "png", "webp"].includes(metadata.format)) return { ok: false, problem: "type" };
    // rotate() applies the EXIF orientation before the metadata is dropped.
    const render = (size: number) =>
      source
        .clone()
        .rotate()
        .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
    const [full, thumb] = await Promise.all([render(sizes.full), render(sizes.thumb)]);
    return {
      ok: true,
      image: {
        full: { data: full.data, width: full.info.width, height: full.info.height },
        thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
      },
    };
  } catch (error) {
    if (/pixel limit/i.test(String((error as Error).message))) return { ok: false, problem: "tooManyPixels" };
    return { ok: false, problem: "unreadable" };
  }
}

export interface StoredImage {
  key: string;
  thumbKey: string;
  width: number;
  height: number;
}

/** Stores both renditions under `prefix` (e.g. "products/<id>") with an unguessable name. */
export async function storeImage(prefix: string, image: ProcessedImage): Promise<StoredImage> {
  const name = crypto.randomBytes(12).toString("hex");
  const key = `${prefix}/${name}.webp`;
  const thumbKey = `${prefix}/${name}-thumb.webp`;
  const storage = objectStorage();
  await storage.put(key, image.full.data, "image/webp");
  await storage.put(thumbKey, image.thumb.data, "image/webp");
  return { key, thumbKey, width: image.full.width, height: image.full.height };
}

export async function deleteStoredImage(image: Pick<StoredImage, "key" | "thumbKey">) {
  const storage = objectStorage();
  await Promise.all([storage.delete(image.key), storage.delete(image.thumbKey)]);
}
