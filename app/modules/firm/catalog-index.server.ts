import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { prisma, type Prisma } from "~/utils/db.server";

export const FIRM_LIST_PAGE_SIZE = 50;

/** Bureau staff pick any firm to edit: filter by name (any language), credit code or slug. */
export async function listFirmsForBureau(locale: Locale, options: { query?: string; page?: number }) {
  const page = options.page ?? 1;
  const query = options.query?.trim().slice(0, 100) ?? "";
  const where: Prisma.FirmWhereInput = query
    ? {
        OR: [
          { uscc: { contains: query.toUpperCase() } },
          { slug: { contains: query.toLowerCase() } },
          // Names are JSON; their text form is searched (all languages at once).
          { id: { in: await firmIdsByName(query) } },
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    prisma.firm.count({ where }),
    prisma.firm.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * FIRM_LIST_PAGE_SIZE,
      take: FIRM_LIST_PAGE_SIZE,
      select: { id: true, slug: true, name: true, verification: true, published: true, uscc: true, _count: { select: { products: true } } },
    }),
  ]);
  return {
    query,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / FIRM_LIST_PAGE_SIZE)),
    firms: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: displayTextIn(row.name, locale),
      verification: row.verification,
      published: row.published,
      uscc: row.uscc,
      products: row._count.products,
    })),
  };
}

async function firmIdsByName(query: string): Promise<string[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Firm" WHERE name::text ILIKE ${pattern} LIMIT 500`;
  return rows.map((row) => row.id);
}
