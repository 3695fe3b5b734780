import type { MetaDescriptor } from "@remix-run/node";

/** Page title and description in one place, with the site name. */
export function pageMeta(title: string, description?: string): MetaDescriptor[] {
  const full = title ? `${title} · Ponte` : "Ponte";
  return [
    { title: full },
    ...(description ? [{ name: "description", content: description }] : []),
    { property: "og:title", content: full },
    ...(description ? [{ property: "og:description", content: description }] : []),
    { property: "og:site_name", content: "Ponte" },
  ];
}
