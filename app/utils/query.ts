import { z, type ZodTypeAny } from "zod";

/**
 * Query parameters of pages, read through a schema (issue 15): each field
 * of the schema says what it accepts and, with `.catch`, what a nonsense
 * value becomes, so a hand-edited URL gets the page's defaults, never a 500.
 */

/** The query string as plain values: one string per key, or every value for keys given several times. */
export function queryValues(params: URLSearchParams): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

export function parseQuery<Schema extends ZodTypeAny>(request: Request | URL, schema: Schema): z.output<Schema> {
  const url = request instanceof URL ? request : new URL(request.url);
  return schema.parse(queryValues(url.searchParams));
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** A calendar day `YYYY-MM-DD` that exists (no 31 February) and that the platform can store and shift by days. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    const year = date.getUTCFullYear();
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && year >= FIRST_YEAR && year <= LAST_YEAR;
  });

/** A page number: 1 when missing or nonsense, at most 10,000. */
export const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

/** An id from the query string (cuid, slug): short, plain characters, or nothing. */
export const queryId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined);
