import { readMultipart } from "~/utils/multipart.server";
import { MAX_IMAGE_BYTES } from "./limits";

/** Text fields of an image form are small: more than this refuses the upload. */
const MAX_TEXT_PART_BYTES = 64 * 1024;

/**
 * The one path of image uploads (a firm's logo, a product's images): the
 * files of `field` as bytes, or the translation key of why there are none
 * usable (none sent, one over 5 MB, a text field too large).
 */
export async function receiveImages(request: Request, field: string): Promise<{ ok: true; files: Uint8Array[] } | { ok: false; error: string }> {
  const upload = await readMultipart(request, {
    fileFields: [field],
    maxFileBytes: MAX_IMAGE_BYTES,
    maxTextBytes: MAX_TEXT_PART_BYTES,
    textOverLimit: "refuse",
  });
  if (upload.textTooLarge) return { ok: false, error: "catalog:errors.image.tooLarge" };
  if (upload.files.length === 0) return { ok: false, error: "catalog:errors.image.missing" };
  if (upload.files.some((file) => file.bytes === null)) return { ok: false, error: "catalog:errors.image.tooLarge" };
  return { ok: true, files: upload.files.map((file) => file.bytes!) };
}
