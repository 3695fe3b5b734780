import { isPublicFirm, isPublicProduct } from "~/modules/directory/visibility.server";
import { asImages } from "~/modules/product/product.server";
import { thumbKeyOf } from "~/modules/firm/profile.server";
import { isStorageKey } from "~/modules/media/storage.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { canSee } from "./firm.server";
import { getOptionalUser } from "./user.server";

/**
 * An uploaded image (/media/products/<productId>/… or /media/firms/<firmId>/…)
 * is shown when its product or firm is public, else only to the firm's
 * members and the bureau; anyone else, and an unknown key, gets 404.
 * Returns the key and whether it is public (which decides caching).
 */
export async function requireMediaViewer(request: Request, key: string): Promise<{ key: string; firmId: string; isPublic: boolean }> {
  if (!isStorageKey(key)) notFound();
  const [kind, ownerId] = key.split("/");
  const visibility = kind === "products" ? await productImageVisibility(ownerId, key) : kind === "firms" ? await firmLogoVisibility(ownerId, key) : null;
  if (!visibility) notFound();
  if (!visibility.isPublic && !canSee(false, visibility.firmId, await getOptionalUser(request))) notFound();
  return { key, ...visibility };
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
