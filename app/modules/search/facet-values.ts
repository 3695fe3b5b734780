import type { FacetValue } from "./queries.server";
import type { Labeller } from "./labels.server";
import type { FacetParam, SearchInput } from "./search-params";

/** A facet's values as the page lists them: chosen first, then by count, then by name. */
export function facetValues(
  facet: FacetParam,
  distribution: Record<string, number> | undefined,
  input: SearchInput<string>,
  label: Labeller,
  index: "products" | "firms",
): FacetValue[] {
  const chosen = facet === "verified" ? (input.verified === null ? [] : [String(input.verified)]) : input[facet];
  const counts = { ...(distribution ?? {}) };
  if (facet === "hs" && index === "firms") {
    // Firms list every level of their products' codes: count by heading.
    for (const code of Object.keys(counts)) if (code.length !== 4) delete counts[code];
  }
  // A chosen value with no results still shows, so it can be unchosen.
  for (const value of chosen) if (!(value in counts)) counts[value] = 0;
  return Object.entries(counts)
    .map(([value, count]) => ({ value, label: label(facet, value), count, selected: chosen.includes(value) }))
    .sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.label.localeCompare(b.label));
}
