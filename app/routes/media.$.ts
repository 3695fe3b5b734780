import type { LoaderFunctionArgs } from "@remix-run/node";
import { canSee, isPublicFirm, isPublicProduct } from "~/modules/directory/visibility.server";
import { asImages } from "~/modules/product/product.server";
import { thumbKeyOf } from "~/modules/firm/profile.server";
import { isStorageKey, objectStorage } from "~/modules/media/storage.server";
import { getOptionalUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

/**
 * Uploaded images: /media/products/<productId>/<name>.webp and
 * /media/firms/<firmId>/<name>.webp. Public records' images are cached for a
 * year (names are random and never reused); drafts' images only reach the
 * firm and the bureau, uncached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  if (!isStorageKey(key)) notFound();
  const [kind, ownerId] = key.split("/");
  const visibility = kind === "products" ? await productImageVisibility(ownerId, key) : kind === "firms" ? await firmLogoVisibility(ownerId, key) : null;
  if (!visibility) notFound();
  if (!visibility.isPublic && !canSee(false, visibility.firmId, await getOptionalUser(request))) notFound();
  const object = await objectStorage().get(key);
  if (!object) notFound();
  return new Response(object.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.byteLength),
      "Cache-Control": visibility.isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

async function productImageVisibility(productId: string, key: string) {
  const product = await prisma.product.findUnique({
    where: { id: productId },
    select: { firmId: true, published: true, images: true, firm: { select: { verification: true, published: true } } },
  });
  if (!product || !asImages(product.images).some((image) => image.key === key || image.thumbKey === key)) return null;
  return { firmId: product.firmId, isPublic: isPublicProduct(product) };
}

async function firmLogoVisibility(firmId: string, key: string) {
  const firm = await prisma.firm.findUnique({ where: { id: firmId }, select: { id: true, logoKey: true, verification: true, published: true } });
  if (!firm?.logoKey || (firm.logoKey !== key && thumbKeyOf(firm.logoKey) !== key)) return null;
  return { firmId: firm.id, isPublic: isPublicFirm(firm) };
}
