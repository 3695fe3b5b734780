import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapPart } from "~/modules/directory/sitemap.server";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

/** /sitemaps/products-2.xml: one part of the sitemap index, when the site needs one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.part ?? "";
  if (!name.endsWith(".xml")) notFound();
  const xml = await sitemapPart(publicOrigin(request, getEnv().PUBLIC_URL), name.slice(0, -4));
  if (!xml) notFound();
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
