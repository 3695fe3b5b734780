import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchApi } from "~/modules/search/api.server";

/**
 * GET /api/v1/search/firms?q=&lang=&page=&perPage=&hs=&town=&cluster=&cert=&market=&language=&verified=&moqMax=&sort=
 * → { hits, total, page, perPage, pages, facets, moqRange, hsCode, tookMs }, as for products.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const answer = await searchApi("firms", request);
  return json(answer.body, { status: answer.status, headers: answer.headers });
}
