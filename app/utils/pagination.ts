/** A page number from the query string: 1 when missing or nonsense, at most `max`. */
export function pageParam(url: URL, max = 10_000): number {
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, max) : 1;
}
