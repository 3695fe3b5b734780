import type { Locale } from "~/i18n/config";
import { canEditFirm } from "~/modules/access/firm.server";
import { asCertifications, asContacts } from "~/modules/firm/profile.server";
import { formatHsCode, hsAncestors } from "~/modules/hs/hs-code";
import { hsTitle } from "~/modules/hs/nomenclature.server";
import { displayText, displayTextIn } from "~/modules/i18n-text/display.server";
import { productDescription, productSpecs, productTitle } from "~/modules/product/product-text.server";
import { asImages } from "~/modules/product/product.server";
import { countryName } from "~/modules/reference/countries.server";
import { languageName } from "~/modules/reference/languages.server";
import type { AuthUser } from "~/modules/access/user.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { certificateState, heldCertificates, productCertificationCodes } from "~/modules/reference/certificate-validity";
import { zhongshanDay } from "~/utils/time-zone";
import { isPublicFirm, isPublicProduct, publicFirmWhere } from "./visibility.server";
import { localizedView } from "~/modules/translation/localized.server";

/**
 * The public directory: firm pages, product pages, firms by town and by
 * cluster. Structured facts (HS titles, attributes, certifications,
 * countries, languages) come out in the reader's language; free text in the
 * reader's language when somebody wrote it, else another with a mark.
 */
type Viewer = Pick<AuthUser, "role" | "firmId"> | null;

export const DIRECTORY_PAGE_SIZE = 24;

function certificationNames(rows: { code: string; name: unknown }[], locale: Locale) {
  return new Map(rows.map((row) => [row.code, displayTextIn(row.name, locale) || row.code]));
}

async function allCertificationNames(locale: Locale) {
  return certificationNames(await prisma.certification.findMany({ select: { code: true, name: true } }), locale);
}

function productCard(
  row: { id: string; slug: string; name: unknown; attributes: unknown; hsCode: string; images: unknown; priceMinUsd: Prisma.Decimal | null; priceMaxUsd: Prisma.Decimal | null; moq: number | null; moqUnit: string | null; published: boolean },
  locale: Locale,
) {
  return {
    id: row.id,
    slug: row.slug,
    title: productTitle(row.name, row.attributes, locale),
    hsCode: formatHsCode(row.hsCode),
    thumbKey: asImages(row.images)[0]?.thumbKey ?? null,
    priceMinUsd: row.priceMinUsd === null ? null : Number(row.priceMinUsd),
    priceMaxUsd: row.priceMaxUsd === null ? null : Number(row.priceMaxUsd),
    moq: row.moq,
    moqUnit: row.moqUnit,
    published: row.published,
  };
}

const productCardSelect = { id: true, slug: true, name: true, attributes: true, hsCode: true, images: true, priceMinUsd: true, priceMaxUsd: true, moq: true, moqUnit: true, published: true } satisfies Prisma.ProductSelect;

export async function getFirmPage(slug: string, locale: Locale, viewer: Viewer) {
  const firm = await prisma.firm.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      address: true,
      foundedYear: true,
      employeesBand: true,
      businessTypes: true,
      exportMarkets: true,
      languages: true,
      salesChannels: true,
      certifications: true,
      contacts: true,
      website: true,
      email: true,
      phone: true,
      logoKey: true,
      verification: true,
      published: true,
      town: { select: { slug: true, name: true } },
      cluster: { select: { slug: true, name: true } },
    },
  });
  if (!firm) return null;
  const isPublic = isPublicFirm(firm);
  const canEdit = canEditFirm(viewer, firm.id);
  if (!isPublic && !canEdit) return null;
  const productWhere: Prisma.ProductWhereInput = { firmId: firm.id, ...(canEdit ? {} : { published: true }) };
  const [products, productCount, certificationLabels] = await Promise.all([
    prisma.product.findMany({ where: productWhere, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: DIRECTORY_PAGE_SIZE, select: productCardSelect }),
    prisma.product.count({ where: productWhere }),
    allCertificationNames(locale),
  ]);
  const today = zhongshanDay();
  return {
    id: firm.id,
    slug: firm.slug,
    isPublic,
    canEdit,
    name: displayText(firm.name, locale),
    description: displayText(firm.description, locale),
    // Another language's text: the machine translation (marked) or the original marked "not translated".
    descriptionView: await localizedView("firm.description", "description", firm.id, firm.description, locale),
    address: displayText(firm.address, locale),
    town: firm.town ? { slug: firm.town.slug, name: displayTextIn(firm.town.name, locale) } : null,
    cluster: firm.cluster ? { slug: firm.cluster.slug, name: displayTextIn(firm.cluster.name, locale) } : null,
    foundedYear: firm.foundedYear,
    employeesBand: firm.employeesBand,
    businessTypes: firm.businessTypes,
    salesChannels: firm.salesChannels,
    exportMarkets: firm.exportMarkets.map((code) => ({ code, name: countryName(code, locale) })),
    languages: firm.languages.map((code) => ({ code, name: languageName(code, locale) })),
    certifications: asCertifications(firm.certifications).map((row) => ({
      ...row,
      name: certificationLabels.get(row.code) ?? row.code,
      expired: certificateState(row, today) === "expired",
    })),
    contacts: asContacts(firm.contacts),
    website: firm.website,
    email: firm.email,
    phone: firm.phone,
    logoKey: firm.logoKey,
    products: products.map((product) => productCard(product, locale)),
    productCount,
  };
}

export async function getProductPage(productId: string, locale: Locale, viewer: Viewer) {
  const product = await prisma.product.findUnique({
    where: { id: productId },
    select: {
      ...productCardSelect,
      description: true,
      leadTimeDays: true,
      certifications: true,
      updatedAt: true,
      firm: {
        select: {
          id: true,
          slug: true,
          name: true,
          verification: true,
          published: true,
          exportMarkets: true,
          certifications: true,
          town: { select: { slug: true, name: true } },
          cluster: { select: { slug: true, name: true } },
        },
      },
    },
  });
  if (!product) return null;
  const isPublic = isPublicProduct(product);
  const canEdit = canEditFirm(viewer, product.firm.id);
  if (!isPublic && !canEdit) return null;
  const certificationLabels = await allCertificationNames(locale);
  const holding = productCertificationCodes(product.certifications, heldCertificates(product.firm.certifications), zhongshanDay());
  return {
    ...productCard(product, locale),
    isPublic,
    canEdit,
    description: productDescription(product.description, locale),
    descriptionView: await localizedView("product.description", "description", product.id, product.description, locale),
    specs: productSpecs(product.attributes, locale),
    hs: hsAncestors(product.hsCode).map((code) => ({ code: formatHsCode(code), title: hsTitle(code, locale) ?? "" })),
    leadTimeDays: product.leadTimeDays,
    // What the product claims; a claim whose firm certificate ran out is shown as expired.
    certifications: product.certifications.map((code) => ({ code, name: certificationLabels.get(code) ?? code, expired: !holding.includes(code) })),
    images: asImages(product.images),
    updatedAt: product.updatedAt.toISOString(),
    firm: {
      slug: product.firm.slug,
      name: displayText(product.firm.name, locale),
      isPublic: isPublicFirm(product.firm),
      town: product.firm.town ? { slug: product.firm.town.slug, name: displayTextIn(product.firm.town.name, locale) } : null,
      cluster: product.firm.cluster ? { slug: product.firm.cluster.slug, name: displayTextIn(product.firm.cluster.name, locale) } : null,
      exportMarkets: product.firm.exportMarkets.map((code) => ({ code, name: countryName(code, locale) })),
    },
  };
}

/** Public firms, optionally of one town or cluster, by name. */
export async function listPublicFirms(locale: Locale, options: { townId?: string; clusterId?: string; page?: number }) {
  const page = options.page ?? 1;
  const where: Prisma.FirmWhereInput = { ...publicFirmWhere, ...(options.townId ? { townId: options.townId } : {}), ...(options.clusterId ? { clusterId: options.clusterId } : {}) };
  const [total, rows] = await Promise.all([
    prisma.firm.count({ where }),
    prisma.firm.findMany({
      where,
      orderBy: [{ slug: "asc" }],
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
      select: {
        slug: true,
        name: true,
        description: true,
        logoKey: true,
        exportMarkets: true,
        town: { select: { slug: true, name: true } },
        cluster: { select: { slug: true, name: true } },
        _count: { select: { products: { where: { published: true } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    firms: rows.map((row) => ({
      slug: row.slug,
      name: displayText(row.name, locale),
      summary: excerpt(displayTextIn(row.description, locale), 180),
      logoKey: row.logoKey,
      town: row.town ? { slug: row.town.slug, name: displayTextIn(row.town.name, locale) } : null,
      cluster: row.cluster ? { slug: row.cluster.slug, name: displayTextIn(row.cluster.name, locale) } : null,
      markets: row.exportMarkets.slice(0, 6).map((code) => countryName(code, locale)),
      products: row._count.products,
    })),
  };
}

/** Towns and clusters with their public firm counts, for the directory's front page. */
export async function directoryOverview(locale: Locale) {
  const [towns, byTown, byCluster, firms, products] = await Promise.all([
    prisma.town.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, clusters: { orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } } },
    }),
    prisma.firm.groupBy({ by: ["townId"], where: publicFirmWhere, _count: { _all: true } }),
    prisma.firm.groupBy({ by: ["clusterId"], where: publicFirmWhere, _count: { _all: true } }),
    prisma.firm.count({ where: publicFirmWhere }),
    prisma.product.count({ where: { published: true, firm: publicFirmWhere } }),
  ]);
  const townCounts = new Map(byTown.map((row) => [row.townId, row._count._all]));
  const clusterCounts = new Map(byCluster.map((row) => [row.clusterId, row._count._all]));
  return {
    firms,
    products,
    towns: towns.map((town) => ({
      slug: town.slug,
      name: displayTextIn(town.name, locale),
      firms: townCounts.get(town.id) ?? 0,
      clusters: town.clusters.map((cluster) => ({ slug: cluster.slug, name: displayTextIn(cluster.name, locale), firms: clusterCounts.get(cluster.id) ?? 0 })),
    })),
  };
}

export async function getTown(slug: string, locale: Locale) {
  const town = await prisma.town.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, clusters: { select: { slug: true, name: true } } } });
  if (!town) return null;
  return { id: town.id, slug: town.slug, name: displayTextIn(town.name, locale), clusters: town.clusters.map((cluster) => ({ slug: cluster.slug, name: displayTextIn(cluster.name, locale) })) };
}

export async function getCluster(slug: string, locale: Locale) {
  const cluster = await prisma.cluster.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, hsHeadings: true, town: { select: { slug: true, name: true } } } });
  if (!cluster) return null;
  return {
    id: cluster.id,
    slug: cluster.slug,
    name: displayTextIn(cluster.name, locale),
    town: cluster.town ? { slug: cluster.town.slug, name: displayTextIn(cluster.town.name, locale) } : null,
    headings: cluster.hsHeadings.map((code) => ({ code, title: hsTitle(code, locale) ?? "" })),
  };
}

export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
