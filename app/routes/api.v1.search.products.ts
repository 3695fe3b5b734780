import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchApi } from "~/modules/search/api.server";

/**
 * GET /api/v1/search/products?q=&lang=&page=&perPage=&hs=&town=&cluster=&cert=&market=&language=&verified=&moqMax=&sort=
 * → { hits, total, page, perPage, pages, facets, moqRange, hsCode, tookMs }. Public: anyone sees
 * public products; bureau staff also see drafts and unverified firms' products.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const answer = await searchApi("products", request);
  return json(answer.body, { status: answer.status, headers: answer.headers });
}
