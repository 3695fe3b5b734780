import type { ImportKind } from "./columns";

export const exportContentType = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** `?kind=…&format=…` of an export link; null for anything else (the route answers 400). */
export function parseExportQuery(url: URL, kinds: readonly ImportKind[]): { kind: ImportKind; format: "csv" | "xlsx" } | null {
  const kind = kinds.find((candidate) => candidate === url.searchParams.get("kind"));
  const asked = url.searchParams.get("format") ?? "xlsx";
  const format = asked === "csv" || asked === "xlsx" ? asked : null;
  if (!kind || !format) return null;
  return { kind, format };
}
