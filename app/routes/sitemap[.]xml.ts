import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapRoot } from "~/modules/directory/sitemap.server";
import { publicOrigin } from "~/modules/directory/visibility.server";
import { getEnv } from "~/utils/env.server";

/** Every public firm and product page in every locale, with hreflang alternates. */
export async function loader({ request }: LoaderFunctionArgs) {
  const xml = await sitemapRoot(publicOrigin(request, getEnv().PUBLIC_URL));
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
