import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMediaViewer } from "~/modules/access/media.server";
import { objectStorage } from "~/modules/media/storage.server";
import { notFound } from "~/utils/http.server";

/**
 * Uploaded images: /media/products/<productId>/<name>.webp and
 * /media/firms/<firmId>/<name>.webp. Public records' images are cached for a
 * year (names are random and never reused); drafts' images only reach the
 * firm and the bureau, uncached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const media = await requireMediaViewer(request, params["*"] ?? "");
  const object = await objectStorage().get(media.key);
  if (!object) notFound();
  return new Response(object.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.byteLength),
      "Cache-Control": media.isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
