import { z } from "zod";
import { pageNumber, parseQuery } from "./query";

const PageQuery = z.object({ page: pageNumber });

/** A page number from the query string: 1 when missing or nonsense, at most `max`. */
export function pageParam(url: URL, max = 10_000): number {
  return Math.min(parseQuery(url, PageQuery).page, max);
}
