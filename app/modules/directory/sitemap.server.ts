import { defaultLocale, supportedLocales } from "~/i18n/config";
import { prisma } from "~/utils/db.server";
import { publicFirmWhere } from "./visibility.server";

/**
 * /sitemap.xml: every public directory page in every locale, each with its
 * hreflang alternates (xhtml:link). A sitemap may hold 50,000 URLs; past
 * that, /sitemap.xml becomes a sitemap index of /sitemaps/<part>.xml files.
 */
export const MAX_URLS_PER_SITEMAP = 50_000;

type Kind = "pages" | "firms" | "products";

interface Page {
  /** Path without the locale: "firms/xinghui-lighting-guzhen". */
  path: string;
  lastmod?: Date;
}

export function recordsPerSitemap(maxUrls = MAX_URLS_PER_SITEMAP) {
  return Math.floor(maxUrls / supportedLocales.length);
}

async function staticPages(): Promise<Page[]> {
  const [towns, clusters, editions, notices] = await Promise.all([
    prisma.town.findMany({ orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
    prisma.cluster.findMany({ orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
    prisma.fairEdition.findMany({ orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
    // Public notices once sent (issue 11): the bureau publishes a few hundred a year, so they stay in the pages part.
    prisma.policyNotice.findMany({ where: { isPublic: true, status: "SENT" }, orderBy: { sentAt: "desc" }, select: { id: true, sentAt: true, editedAt: true } }),
  ]);
  return [
    { path: "" },
    { path: "firms" },
    { path: "fairs" },
    ...towns.map((town) => ({ path: `towns/${town.slug}`, lastmod: town.updatedAt })),
    ...clusters.map((cluster) => ({ path: `clusters/${cluster.slug}`, lastmod: cluster.updatedAt })),
    ...editions.map((edition) => ({ path: `fairs/${edition.slug}`, lastmod: edition.updatedAt })),
    { path: "notices" },
    ...notices.map((notice) => ({ path: `notices/${notice.id}`, lastmod: notice.editedAt ?? notice.sentAt ?? undefined })),
  ];
}

const publicProductWhere = { published: true, firm: publicFirmWhere };

async function firmPages(skip: number, take: number): Promise<Page[]> {
  const rows = await prisma.firm.findMany({ where: publicFirmWhere, orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } });
  return rows.map((row) => ({ path: `firms/${row.slug}`, lastmod: row.updatedAt }));
}

async function productPages(skip: number, take: number): Promise<Page[]> {
  const rows = await prisma.product.findMany({ where: publicProductWhere, orderBy: { id: "asc" }, skip, take, select: { id: true, updatedAt: true } });
  return rows.map((row) => ({ path: `products/${row.id}`, lastmod: row.updatedAt }));
}

function escapeXml(text: string) {
  return text.replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);
}

function urlEntries(origin: string, pages: Page[]): string {
  const href = (locale: string, path: string) => escapeXml(`${origin}/${locale}${path ? `/${path}` : ""}`);
  return pages
    .map((page) => {
      const alternates = [
        ...supportedLocales.map((locale) => `<xhtml:link rel="alternate" hreflang="${locale}" href="${href(locale, page.path)}"/>`),
        `<xhtml:link rel="alternate" hreflang="x-default" href="${href(defaultLocale, page.path)}"/>`,
      ].join("");
      const lastmod = page.lastmod ? `<lastmod>${page.lastmod.toISOString()}</lastmod>` : "";
      return supportedLocales.map((locale) => `<url><loc>${href(locale, page.path)}</loc>${lastmod}${alternates}</url>`).join("\n");
    })
    .join("\n");
}

function urlset(body: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}

/** The sitemap, or the sitemap index when the site has outgrown one file. */
export async function sitemapRoot(origin: string, maxUrls = MAX_URLS_PER_SITEMAP): Promise<string> {
  const [pages, firms, products] = await Promise.all([staticPages(), prisma.firm.count({ where: publicFirmWhere }), prisma.product.count({ where: publicProductWhere })]);
  const perFile = recordsPerSitemap(maxUrls);
  if ((pages.length + firms + products) * supportedLocales.length <= maxUrls) {
    return urlset([urlEntries(origin, pages), urlEntries(origin, await firmPages(0, firms)), urlEntries(origin, await productPages(0, products))].filter(Boolean).join("\n"));
  }
  const parts = [
    "pages",
    ...Array.from({ length: Math.ceil(firms / perFile) }, (_, i) => `firms-${i + 1}`),
    ...Array.from({ length: Math.ceil(products / perFile) }, (_, i) => `products-${i + 1}`),
  ];
  const entries = parts.map((part) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${part}.xml`)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`;
}

/** One part of a sitemap index ("products-2"), or null when there is no such part. */
export async function sitemapPart(origin: string, part: string, maxUrls = MAX_URLS_PER_SITEMAP): Promise<string | null> {
  const match = /^(pages|firms|products)(?:-(\d{1,6}))?$/.exec(part);
  if (!match) return null;
  const kind = match[1] as Kind;
  if (kind === "pages") return match[2] ? null : urlset(urlEntries(origin, await staticPages()));
  const number = Number(match[2]);
  if (!number) return null;
  const perFile = recordsPerSitemap(maxUrls);
  const pages = kind === "firms" ? await firmPages((number - 1) * perFile, perFile) : await productPages((number - 1) * perFile, perFile);
  return pages.length ? urlset(urlEntries(origin, pages)) : null;
}
