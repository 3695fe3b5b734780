import type { MultiSearchQuery, SearchResponse } from "meilisearch";

/**
 * Searches of other indexes to send in the same multi-search as a search's
 * first one (the search page's fairs and notices boxes: one round trip to
 * the engine instead of three). `answers` is set, in order, when they were
 * answered; it stays unset when they were not sent or failed.
 */
export interface Alongside {
  queries: MultiSearchQuery[];
  answers?: SearchResponse<Record<string, unknown>>[];
}
