/**
 * The public sees verified, published firms and their published products;
 * anything else exists only for its own firm's members and the bureau
 * (everyone else gets 404, not 403: a draft's existence is not revealed;
 * the rule is canSee in modules/access/firm.server.ts).
 */
export const publicFirmWhere = { verification: "VERIFIED" as const, published: true };

export function isPublicFirm(firm: { verification: string; published: boolean }): boolean {
  return firm.verification === "VERIFIED" && firm.published;
}

export function isPublicProduct(product: { published: boolean; firm: { verification: string; published: boolean } }): boolean {
  return product.published && isPublicFirm(product.firm);
}

/** The site's public origin (PUBLIC_URL when set, else the request's), for canonical URLs and sitemaps. */
export function publicOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ? new URL(publicUrl).origin : new URL(request.url).origin;
}
