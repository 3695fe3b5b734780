const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids in URLs are checked before they reach a query: anything else is simply not found. */
export function isRecordId(value: string | undefined | null): value is string {
  return typeof value === "string" && ID.test(value);
}
