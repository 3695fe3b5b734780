/**
 * Search parameters as they arrive in a URL (the search page, the JSON
 * API): read, checked against strict patterns, and turned back into a URL.
 * Pure and shared with the browser. Nothing read here reaches Meilisearch
 * unchecked: facet values must match their pattern, and the filter is built
 * from the checked values only (filters.ts).
 */
export const SEARCH_QUERY_MAX_LENGTH = 200;
export const PER_PAGE_DEFAULT = 20;
export const PER_PAGE_MAX = 100;
/** Deepest result a query may page to (Meilisearch's maxTotalHits). */
export const SEARCH_DEPTH_MAX = 5000;

export const productSorts = ["relevance", "moq", "price", "newest"] as const;
export type ProductSort = (typeof productSorts)[number];
export const firmSorts = ["relevance", "products", "newest"] as const;
export type FirmSort = (typeof firmSorts)[number];

/** Facets a search can be narrowed by, with the URL parameter of each. */
export const facetParams = ["hs", "town", "cluster", "cert", "market", "language", "verified"] as const;
export type FacetParam = (typeof facetParams)[number];

const patterns: Record<Exclude<FacetParam, "verified">, RegExp> = {
  // Chapter, heading or subheading, digits with optional dots: 94, 9405, 9405.11, 940511.
  hs: /^\d{2}(?:\.?\d{2}){0,2}$/,
  town: /^[a-z0-9][a-z0-9-]{0,59}$/,
  cluster: /^[a-z0-9][a-z0-9-]{0,59}$/,
  cert: /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/,
  market: /^[A-Za-z]{2}$/,
  language: /^[a-z]{2}$/,
};

export type SearchProblem =
  | { param: "q"; code: "tooLong" | "controlCharacters" }
  | { param: "page" | "perPage" | "moqMax" | "sort"; code: "invalid" | "tooDeep" }
  | { param: FacetParam; code: "invalid"; value: string };

export interface SearchInput<Sort extends string> {
  /** The query as the engine gets it (trimmed, control characters refused). */
  q: string;
  page: number;
  perPage: number;
  sort: Sort;
  hs: string[];
  town: string[];
  cluster: string[];
  cert: string[];
  market: string[];
  language: string[];
  verified: boolean | null;
  /** Only offers whose minimum order is at most this many units. */
  moqMax: number | null;
}

export type ParseResult<Sort extends string> = { ok: true; input: SearchInput<Sort> } | { ok: false; problems: SearchProblem[]; input: SearchInput<Sort> };

// eslint-disable-next-line no-control-regex -- control characters (other than tab and line breaks) are what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function positiveInt(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === "") return fallback;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

function parse<Sort extends string>(params: URLSearchParams, sorts: readonly Sort[]): ParseResult<Sort> {
  const problems: SearchProblem[] = [];
  const rawQ = params.get("q") ?? "";
  let q = rawQ.replace(/\s+/g, " ").trim();
  if (rawQ.length > SEARCH_QUERY_MAX_LENGTH) problems.push({ param: "q", code: "tooLong" });
  if (CONTROL.test(rawQ)) problems.push({ param: "q", code: "controlCharacters" });
  if (problems.length) q = "";

  const page = positiveInt(params.get("page"), 1);
  const perPage = positiveInt(params.get("perPage"), PER_PAGE_DEFAULT);
  if (page === null) problems.push({ param: "page", code: "invalid" });
  if (perPage === null || perPage > PER_PAGE_MAX) problems.push({ param: "perPage", code: "invalid" });
  if (page !== null && perPage !== null && perPage <= PER_PAGE_MAX && (page - 1) * perPage >= SEARCH_DEPTH_MAX) {
    problems.push({ param: "page", code: "tooDeep" });
  }

  const rawSort = params.get("sort") || "relevance";
  const sort = (sorts as readonly string[]).includes(rawSort) ? (rawSort as Sort) : sorts[0];
  if (sort !== rawSort) problems.push({ param: "sort", code: "invalid" });

  const list = (param: Exclude<FacetParam, "verified">) => {
    const values: string[] = [];
    for (const raw of params.getAll(param)) {
      for (const value of raw.split(",").map((item) => item.trim()).filter(Boolean)) {
        if (!patterns[param].test(value)) problems.push({ param, code: "invalid", value: value.slice(0, 40) });
        else {
          const normalized = param === "hs" ? value.replace(/\./g, "") : param === "market" ? value.toUpperCase() : value;
          if (!values.includes(normalized)) values.push(normalized);
        }
      }
    }
    return values.slice(0, 20);
  };

  const rawVerified = params.get("verified");
  let verified: boolean | null = null;
  if (rawVerified === "true" || rawVerified === "1") verified = true;
  else if (rawVerified === "false" || rawVerified === "0") verified = false;
  else if (rawVerified) problems.push({ param: "verified", code: "invalid", value: rawVerified.slice(0, 40) });

  const rawMoq = params.get("moqMax");
  let moqMax: number | null = null;
  if (rawMoq) {
    if (/^\d{1,9}$/.test(rawMoq)) moqMax = Number(rawMoq);
    else problems.push({ param: "moqMax", code: "invalid" });
  }

  const input: SearchInput<Sort> = {
    q,
    page: page ?? 1,
    perPage: perPage !== null && perPage <= PER_PAGE_MAX ? perPage : PER_PAGE_DEFAULT,
    sort,
    hs: list("hs"),
    town: list("town"),
    cluster: list("cluster"),
    cert: list("cert"),
    market: list("market"),
    language: list("language"),
    verified,
    moqMax,
  };
  return problems.length ? { ok: false, problems, input } : { ok: true, input };
}

export function parseProductSearch(params: URLSearchParams) {
  return parse(params, productSorts);
}

export function parseFirmSearch(params: URLSearchParams) {
  return parse(params, firmSorts);
}

/** Whether a query has anything to look for: letters or digits, not only punctuation or "*". */
export function hasWords(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

/** The URL query string of a search, for links (facets, pages, sorting). */
export function searchQueryString<Sort extends string>(input: Partial<SearchInput<Sort>>, changes: Partial<SearchInput<Sort>> = {}): string {
  const merged = { ...input, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  for (const param of ["hs", "town", "cluster", "cert", "market", "language"] as const) {
    for (const value of merged[param] ?? []) params.append(param, value);
  }
  if (merged.verified !== null && merged.verified !== undefined) params.set("verified", String(merged.verified));
  if (merged.moqMax) params.set("moqMax", String(merged.moqMax));
  if (merged.sort && merged.sort !== "relevance") params.set("sort", merged.sort);
  if (merged.perPage && merged.perPage !== PER_PAGE_DEFAULT) params.set("perPage", String(merged.perPage));
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The changes that set every filter aside (the words and the order stay; back to page 1). */
export const clearedFilters = { hs: [], town: [], cluster: [], cert: [], market: [], language: [], verified: null, moqMax: null, page: 1 } as const satisfies Partial<SearchInput<string>>;

/** Whether the reader has chosen any filter. */
export function hasFilters(input: SearchInput<string>): boolean {
  return facetParams.some((param) => (param === "verified" ? input.verified !== null : input[param].length > 0)) || input.moqMax !== null;
}

/** The selection with one facet value added or removed (and back to page 1). */
export function toggleFacet<Sort extends string>(input: SearchInput<Sort>, param: Exclude<FacetParam, "verified">, value: string): Partial<SearchInput<Sort>> {
  const current = input[param];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return { [param]: next, page: 1 } as Partial<SearchInput<Sort>>;
}
