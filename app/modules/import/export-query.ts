import type { ImportKind } from "./columns";

export const exportContentType = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** `?kind=…&format=…` of an export link; anything else is a 400. */
export function parseExportQuery(url: URL, kinds: readonly ImportKind[]): { kind: ImportKind; format: "csv" | "xlsx" } {
  const kind = kinds.find((candidate) => candidate === url.searchParams.get("kind"));
  const asked = url.searchParams.get("format") ?? "xlsx";
  const format = asked === "csv" || asked === "xlsx" ? asked : null;
  if (!kind || !format) throw new Response("Unknown export", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return { kind, format };
}
