import type { FacetParam, SearchInput } from "./search-params";

/**
 * Meilisearch filters built from checked values only. Pure. Every value is
 * quoted (and escaped, although the patterns in search-params.ts already
 * admit nothing that needs it), so no input can change a filter's structure.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `attribute IN ["a", "b"]`, or null for no values. */
export function anyOf(attribute: string, values: readonly string[]): string | null {
  return values.length ? `${attribute} IN [${values.map(quote).join(", ")}]` : null;
}

/** Index attribute behind each facet parameter, per index. */
export const productFacetAttributes: Record<FacetParam, string> = {
  hs: "hsPrefixes",
  town: "town",
  cluster: "cluster",
  cert: "certifications",
  market: "markets",
  language: "languages",
  verified: "verified",
};

/** Attribute whose value counts are shown for each facet (HS counts by heading). */
export const productFacetCounts: Record<FacetParam, string> = { ...productFacetAttributes, hs: "hsHeading" };

export type FilterParts = Partial<Record<FacetParam | "scope" | "moq" | "code", string>>;

/**
 * The filter of a search as named parts, so that a facet's own part can be
 * left out when counting its values (disjunctive facets: choosing "Guzhen"
 * still shows how many results "Xiaolan" would give).
 */
export function filterParts<Sort extends string>(
  input: SearchInput<Sort>,
  options: { publicOnly: boolean; codePrefix?: string | null; codes?: string[]; moqAttribute?: string },
): FilterParts {
  const parts: FilterParts = {};
  if (options.publicOnly) parts.scope = "public = true";
  if (options.codePrefix) parts.code = `hsPrefixes = ${quote(options.codePrefix)}`;
  else if (options.codes?.length) parts.code = anyOf("hsPrefixes", options.codes)!;
  for (const param of ["hs", "town", "cluster", "cert", "market", "language"] as const) {
    const part = anyOf(productFacetAttributes[param], input[param]);
    if (part) parts[param] = part;
  }
  if (input.verified !== null) parts.verified = `verified = ${input.verified ? "true" : "false"}`;
  if (input.moqMax !== null) parts.moq = `${options.moqAttribute ?? "moq"} <= ${Math.trunc(input.moqMax)}`;
  return parts;
}

/** The parts as a filter array (AND), optionally without one facet's part. */
export function combine(parts: FilterParts, without?: FacetParam): string[] {
  return Object.entries(parts)
    .filter(([name, part]) => name !== without && part)
    .map(([, part]) => part as string);
}
