import { prisma, type Prisma } from "~/utils/db.server";
import { loadHsNomenclature } from "~/modules/hs/nomenclature.server";
import { portugueseNames, productTypes } from "~/modules/product/vocabulary";
import { completenessSelect } from "~/modules/firm/completeness";
import { productSelect as productFields } from "~/modules/product/product.server";
import { requestSelect as requestFields } from "~/modules/request/request.server";
import { firmDocument, productDocument, requestDocument, type FirmRow, type FirmPartCache } from "./documents.server";
import { loadCertificationRules } from "~/modules/reference/certifications.server";
import { hsDocument, type HsDocument } from "./hs-document";
import { noticeDocument } from "./notice-document.server";
import { fairDocument } from "./fair-document.server";
import type { IndexKey, TextLocale } from "./indexes.server";

/**
 * Reads records from the database as search documents: by id (the outbox
 * sync) or all of them in pages (a full reindex). `version` is what a
 * document was built from; the sync compares it after writing to catch a
 * change that raced past it.
 */
export type SearchEntity = Exclude<IndexKey, "hs">;

export interface LoadedDocuments {
  documents: Record<string, unknown>[];
  /** Ids asked for that no longer exist: to be deleted from the index. */
  missing: string[];
  /** id → fingerprint of the rows the document was built from. */
  versions: Map<string, string>;
}

const firmSelect = {
  id: true,
  slug: true,
  externalId: true,
  uscc: true,
  ...completenessSelect,
  verification: true,
  published: true,
  updatedAt: true,
  town: { select: { slug: true, name: true } },
  cluster: { select: { slug: true, name: true } },
} satisfies Prisma.FirmSelect;

const productSelect = {
  ...productFields,
  externalId: true,
  firm: { select: firmSelect },
} satisfies Prisma.ProductSelect;

const requestSelect = {
  ...requestFields,
  buyerCompany: { select: { name: true, country: true, languages: true, updatedAt: true } },
} satisfies Prisma.SourcingRequestSelect;

interface ProductAggregate {
  firmId: string;
  hsCodes: string[];
  typeKeys: (string | null)[];
  count: number;
  publicCount: number;
  minMoq: number | null;
  latest: Date | null;
}

/** What each firm's products add up to, in one query. */
async function productAggregates(firmIds: string[]): Promise<Map<string, ProductAggregate>> {
  if (!firmIds.length) return new Map();
  const rows = await prisma.$queryRaw<ProductAggregate[]>`
    SELECT "firmId",
           array_agg(DISTINCT "hsCode") FILTER (WHERE "published") AS "hsCodes",
           array_agg(DISTINCT "attributes"->>'type') FILTER (WHERE "published") AS "typeKeys",
           count(*)::int AS "count",
           (count(*) FILTER (WHERE "published"))::int AS "publicCount",
           min("moq") FILTER (WHERE "published") AS "minMoq",
           max("updatedAt") AS "latest"
      FROM "Product"
     WHERE "firmId" = ANY(${firmIds}::text[])
     GROUP BY "firmId"`;
  return new Map(rows.map((row) => [row.firmId, row]));
}

function firmRow(firm: Prisma.FirmGetPayload<{ select: typeof firmSelect }>, aggregate: ProductAggregate | undefined): FirmRow {
  return {
    ...firm,
    products: {
      hsCodes: aggregate?.hsCodes ?? [],
      typeKeys: (aggregate?.typeKeys ?? []).filter((key): key is string => typeof key === "string"),
      count: aggregate?.count ?? 0,
      publicCount: aggregate?.publicCount ?? 0,
      minMoq: aggregate?.minMoq ?? null,
    },
  };
}

/**
 * A firm the bureau holds after its last member deleted their account is in
 * no index, nor are its products: the outbox rows written by the deletion
 * find them "missing" and remove their documents.
 */
const notHeld = { heldByBureauSince: null } satisfies Prisma.FirmWhereInput;

const stamp = (...dates: (Date | null | undefined)[]) => dates.map((date) => date?.getTime() ?? 0).join(":");

async function loadProducts(where: Prisma.ProductWhereInput, take?: number) {
  const firms: FirmPartCache = new Map();
  const [rows, rules] = await Promise.all([
    prisma.product.findMany({ where: { AND: [where, { firm: notHeld }] }, select: productSelect, orderBy: { id: "asc" }, take }),
    loadCertificationRules(),
  ]);
  return {
    lastId: rows.at(-1)?.id,
    documents: rows.map((row) => productDocument(row, firms, rules)),
    versions: new Map(rows.map((row) => [row.id, stamp(row.updatedAt, row.firm.updatedAt)])),
  };
}

async function loadFirms(where: Prisma.FirmWhereInput, take?: number) {
  const [rows, rules] = await Promise.all([prisma.firm.findMany({ where: { AND: [where, notHeld] }, select: firmSelect, orderBy: { id: "asc" }, take }), loadCertificationRules()]);
  const aggregates = await productAggregates(rows.map((row) => row.id));
  return {
    lastId: rows.at(-1)?.id,
    documents: rows.map((row) => firmDocument(firmRow(row, aggregates.get(row.id)), rules)),
    versions: new Map(rows.map((row) => [row.id, `${stamp(row.updatedAt, aggregates.get(row.id)?.latest)}:${aggregates.get(row.id)?.count ?? 0}`])),
  };
}

async function loadRequests(where: Prisma.SourcingRequestWhereInput, take?: number) {
  const rows = await prisma.sourcingRequest.findMany({ where, select: requestSelect, orderBy: { id: "asc" }, take });
  return {
    lastId: rows.at(-1)?.id,
    documents: rows.map((row) => requestDocument(row)),
    versions: new Map(rows.map((row) => [row.id, stamp(row.updatedAt, row.buyerCompany.updatedAt)])),
  };
}

const fairSelect = {
  id: true,
  slug: true,
  shortName: true,
  name: true,
  city: true,
  venue: true,
  startsOn: true,
  endsOn: true,
  updatedAt: true,
  series: { select: { slug: true, shortName: true, name: true, updatedAt: true } },
} satisfies Prisma.FairEditionSelect;

async function loadFairs(where: Prisma.FairEditionWhereInput, take?: number) {
  const rows = await prisma.fairEdition.findMany({ where, select: fairSelect, orderBy: { id: "asc" }, take });
  return {
    lastId: rows.at(-1)?.id,
    documents: rows.map((row) => fairDocument(row)),
    versions: new Map(rows.map((row) => [row.id, stamp(row.updatedAt, row.series?.updatedAt)])),
  };
}

const noticeSelect = {
  id: true,
  title: true,
  body: true,
  category: true,
  department: true,
  sentAt: true,
  deadline: true,
  validFrom: true,
  validUntil: true,
  updatedAt: true,
} satisfies Prisma.PolicyNoticeSelect;

/** Only sent, public notices are documents: any other comes back missing and is deleted from the index. */
const publicNotice = { status: "SENT", isPublic: true } satisfies Prisma.PolicyNoticeWhereInput;

async function loadNotices(where: Prisma.PolicyNoticeWhereInput, take?: number) {
  const rows = await prisma.policyNotice.findMany({ where: { AND: [where, publicNotice] }, select: noticeSelect, orderBy: { id: "asc" }, take });
  return {
    lastId: rows.at(-1)?.id,
    documents: rows.map((row) => noticeDocument(row)),
    versions: new Map(rows.map((row) => [row.id, stamp(row.updatedAt)])),
  };
}

const loaders = { products: loadProducts, firms: loadFirms, requests: loadRequests, fairs: loadFairs, notices: loadNotices } as const;

/** Documents for the given ids; ids that no longer exist come back as `missing`. */
export async function loadDocuments(entity: SearchEntity, ids: string[]): Promise<LoadedDocuments> {
  if (!ids.length) return { documents: [], missing: [], versions: new Map() };
  const loaded = await (loaders[entity] as (where: { id: { in: string[] } }) => ReturnType<typeof loadProducts>)({ id: { in: ids } });
  return { documents: loaded.documents as unknown as Record<string, unknown>[], missing: ids.filter((id) => !loaded.versions.has(id)), versions: loaded.versions };
}

/** Current fingerprints of records (missing ones are absent). */
export async function documentVersions(entity: SearchEntity, ids: string[]): Promise<Map<string, string>> {
  return (await loadDocuments(entity, ids)).versions;
}

/** Every record as documents, a page at a time, in id order (a full reindex). */
export async function* allDocuments(entity: SearchEntity, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | undefined;
  for (;;) {
    const where = after ? { id: { gt: after } } : {};
    const page = await (loaders[entity] as (where: object, take: number) => ReturnType<typeof loadProducts>)(where, pageSize);
    if (page.documents.length) yield page.documents as unknown as Record<string, unknown>[];
    if (!page.lastId || page.documents.length < pageSize) return;
    after = page.lastId;
  }
}

export async function countRecords(entity: SearchEntity): Promise<number> {
  if (entity === "products") return prisma.product.count({ where: { firm: notHeld } });
  if (entity === "firms") return prisma.firm.count({ where: notHeld });
  if (entity === "fairs") return prisma.fairEdition.count();
  if (entity === "notices") return prisma.policyNotice.count({ where: publicNotice });
  return prisma.sourcingRequest.count();
}

/**
 * Records whose documents depend on the changed ones: a firm's documents
 * show its products' HS codes, a product's show its firm's name, town and
 * verification.
 */
export async function dependents(entity: SearchEntity, ids: string[]): Promise<{ entity: SearchEntity; ids: string[] }[]> {
  if (!ids.length) return [];
  if (entity === "products") {
    const firms = await prisma.product.findMany({ where: { id: { in: ids } }, select: { firmId: true }, distinct: ["firmId"] });
    return [{ entity: "firms", ids: firms.map((row) => row.firmId) }];
  }
  if (entity === "firms") {
    const products = await prisma.product.findMany({ where: { firmId: { in: ids } }, select: { id: true } });
    return [{ entity: "products", ids: products.map((row) => row.id) }];
  }
  return [];
}

/** The nomenclature as documents, with the product vocabulary's names for each code. */
export function hsDocuments(): HsDocument[] {
  const names = new Map<string, Partial<Record<TextLocale, string[]>>>();
  for (const type of productTypes) {
    const entry = names.get(type.hs) ?? { zh: [], en: [], pt: [] };
    entry.zh!.push(type.names["zh-CN"]);
    entry.en!.push(type.names.en);
    entry.pt!.push(...portugueseNames(type.names));
    names.set(type.hs, entry);
  }
  return loadHsNomenclature().entries.map((entry) => hsDocument(entry, names.get(entry.code) ?? {}));
}
