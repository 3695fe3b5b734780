import type { Locale } from "~/i18n/config";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { formatHsCode, hsCodeAtLevel } from "~/modules/hs/hs-code";
import { hsTitle, isKnownHsCode, resolveHsInput } from "~/modules/hs/nomenclature.server";
import { asLocalizedText, mergeAuthored } from "~/modules/i18n-text/localized-text";
import { deleteStoredImage, processImage, storeImage, type ImageProblem, type StoredImage } from "~/modules/media/images.server";
import { certificationCodes } from "~/modules/reference/certifications.server";
import { enqueueSearchSync } from "~/modules/search/outbox.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { randomSuffix, slugify } from "~/utils/slug";
import { MAX_PRODUCT_IMAGES, type ProductInput } from "./product.schema";
import { productTitle } from "./product-text.server";
import { structuredTitle } from "./title";
import { attributeKeys, productTypesByKey, type ProductAttributes } from "./vocabulary";
import { requestLocalizedTranslations } from "~/modules/translation/localized.server";

/**
 * Products of a firm: create, edit, publish, delete, images. Every write
 * records who changed what (audit) and queues the product for the search
 * index, in the same transaction. Callers have checked who may edit the
 * product's firm (modules/access/firm.server.ts).
 */
export interface Actor {
  userId: string;
  asBureau: boolean;
}

/** A product's own fields, as the editor and the search documents read them. */
export const productSelect = {
  id: true,
  firmId: true,
  slug: true,
  hsCode: true,
  name: true,
  description: true,
  attributes: true,
  moq: true,
  moqUnit: true,
  priceMinUsd: true,
  priceMaxUsd: true,
  leadTimeDays: true,
  certifications: true,
  images: true,
  published: true,
  updatedAt: true,
} satisfies Prisma.ProductSelect;

export function asImages(value: unknown): StoredImage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (image): image is StoredImage =>
      !!image && typeof image === "object" && typeof image.key === "string" && typeof image.thumbKey === "string",
  );
}

/** Structured attributes kept from a form: only vocabulary keys with a value. */
export function cleanAttributes(input: ProductInput): ProductAttributes {
  const attributes: ProductAttributes = {};
  if (input.type) attributes.type = input.type;
  const given = input.attributes as Record<string, string | number | undefined>;
  for (const key of attributeKeys) {
    const value = given[key];
    if (value !== undefined && value !== "") attributes[key] = value;
  }
  return attributes;
}

/** Stored attributes in the form's key order, so that re-saving an unchanged product changes nothing. */
function orderedAttributes(value: unknown): ProductAttributes {
  const record = (value && typeof value === "object" ? value : {}) as Record<string, string | number>;
  const ordered: Record<string, string | number> = {};
  for (const key of ["type", ...attributeKeys]) if (record[key] !== undefined) ordered[key] = record[key];
  return ordered as ProductAttributes;
}

/** Server-only checks: the HS code exists in HS 2022, certifications are on the managed list. */
export async function productReferenceErrors(input: ProductInput): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const code = resolveHsCode(input);
  if (!code || !isKnownHsCode(code)) errors.hsCode = ["catalog:errors.hsUnknown"];
  const known = await certificationCodes();
  if (input.certifications.some((code) => !known.has(code))) errors.certifications = ["validation:invalid"];
  return errors;
}

/** The HS code a form designates: the typed code (national lines cut to 6 digits), else the product type's. */
export function resolveHsCode(input: Pick<ProductInput, "hsCode" | "type">): string | null {
  if (input.hsCode) return hsCodeAtLevel(input.hsCode);
  return input.type ? (productTypesByKey.get(input.type)?.hs ?? null) : null;
}

function productData(input: ProductInput, before?: { name: unknown; description: unknown }) {
  const attributes = cleanAttributes(input);
  return {
    hsCode: resolveHsCode(input)!,
    name: mergeAuthored(before?.name, { "zh-CN": input.nameZh, en: input.nameEn, pt: input.namePt }),
    description: mergeAuthored(before?.description, { "zh-CN": input.descriptionZh, en: input.descriptionEn, pt: input.descriptionPt }),
    attributes,
    moq: input.moq ?? null,
    moqUnit: input.moq !== undefined ? (input.moqUnit ?? null) : null,
    priceMinUsd: input.priceMinUsd === undefined ? null : input.priceMinUsd.toFixed(2),
    priceMaxUsd: input.priceMaxUsd === undefined ? null : input.priceMaxUsd.toFixed(2),
    leadTimeDays: input.leadTimeDays ?? null,
    certifications: [...new Set(input.certifications)].sort(),
    published: input.published,
  };
}

function slugFor(input: ProductInput, attributes: ProductAttributes): string {
  const base = slugify(input.nameEn || input.namePt || structuredTitle(attributes, "en") || "") || "product";
  return `${base}-${randomSuffix(4)}`;
}

const auditedFields = ["hsCode", "name", "description", "attributes", "moq", "moqUnit", "priceMinUsd", "priceMaxUsd", "leadTimeDays", "certifications", "published"] as const;

export async function createProduct(firmId: string, actor: Actor, input: ProductInput): Promise<{ id: string }> {
  const data = productData(input);
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.create({
      data: {
        ...data,
        firmId,
        slug: slugFor(input, data.attributes),
        name: data.name as Prisma.InputJsonValue,
        description: data.description as Prisma.InputJsonValue,
        attributes: data.attributes as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "product",
      entityId: product.id,
      action: actor.asBureau ? "create-by-bureau" : "create",
      changes: { firmId, ...diffFields({} as Record<string, unknown>, data, auditedFields) },
    });
    await enqueueSearchSync(tx, "product", product.id);
    await requestLocalizedTranslations(tx, { kind: "product.description", id: product.id, field: "description" }, data.description);
    return product;
  });
}

export async function updateProduct(productId: string, actor: Actor, input: ProductInput): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: productSelect });
    const data = productData(input, before);
    // Compare like with like: stored decimals, attribute order and certification order are not changes.
    const comparable = {
      ...before,
      name: asLocalizedText(before.name),
      description: asLocalizedText(before.description),
      attributes: orderedAttributes(before.attributes),
      priceMinUsd: before.priceMinUsd?.toFixed(2) ?? null,
      priceMaxUsd: before.priceMaxUsd?.toFixed(2) ?? null,
      certifications: [...before.certifications].sort(),
    };
    const changes = diffFields(comparable as Record<string, unknown>, data, auditedFields);
    if (Object.keys(changes).length === 0) return [];
    const codes = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { nationalCode: true } });
    // A code chosen in the editor settles the choice an import left; a national code stays while it still fits.
    const settled =
      data.hsCode !== before.hsCode
        ? { hsChoices: [], hsCodeAsWritten: null, nationalCode: codes.nationalCode?.startsWith(data.hsCode) ? codes.nationalCode : null }
        : {};
    await tx.product.update({
      where: { id: productId },
      data: {
        ...data,
        ...settled,
        name: data.name as Prisma.InputJsonValue,
        description: data.description as Prisma.InputJsonValue,
        attributes: data.attributes as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, { actorId: actor.userId, entityType: "product", entityId: productId, action: actor.asBureau ? "update-by-bureau" : "update", changes });
    await enqueueSearchSync(tx, "product", productId);
    await requestLocalizedTranslations(tx, { kind: "product.description", id: productId, field: "description" }, data.description, before.description);
    return Object.keys(changes);
  });
}

export async function setProductPublished(productId: string, actor: Actor, published: boolean) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { published: true } });
    if (before.published === published) return;
    await tx.product.update({ where: { id: productId }, data: { published } });
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "product",
      entityId: productId,
      action: published ? "publish" : "unpublish",
      changes: { published: { from: before.published, to: published } },
    });
    await enqueueSearchSync(tx, "product", productId);
  });
}

export async function deleteProduct(productId: string, actor: Actor) {
  const deleted = await prisma.$transaction(async (tx) => {
    const before = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { firmId: true, hsCode: true, name: true, images: true } });
    await tx.product.delete({ where: { id: productId } });
    // Its description's translations go with it.
    await tx.translation.deleteMany({ where: { sourceKind: "product.description", sourceId: productId } });
    await tx.translationJob.deleteMany({ where: { sourceKind: "product.description", sourceId: productId } });
    // The record is gone: the audit keeps what it was.
    await recordAudit(tx, {
      actorId: actor.userId,
      entityType: "product",
      entityId: productId,
      action: actor.asBureau ? "delete-by-bureau" : "delete",
      changes: { firmId: before.firmId, hsCode: before.hsCode, name: before.name },
    });
    await enqueueSearchSync(tx, "product", productId);
    // The firm's document lists its products' HS codes; the product can no longer say whose it was.
    await enqueueSearchSync(tx, "firm", before.firmId);
    return before;
  });
  await Promise.all(asImages(deleted.images).map((image) => deleteStoredImage(image).catch(() => undefined)));
}

export type ImageUploadResult = { ok: true; added: number } | { ok: false; problem: ImageProblem | "tooMany" };

/** Adds images (each checked, re-encoded and stripped of metadata); all or nothing. */
export async function addProductImages(productId: string, actor: Actor, files: Uint8Array[]): Promise<ImageUploadResult> {
  const current = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { images: true } });
  if (asImages(current.images).length + files.length > MAX_PRODUCT_IMAGES) return { ok: false, problem: "tooMany" };
  const processed = [];
  for (const bytes of files) {
    const result = await processImage(bytes);
    if (!result.ok) return result;
    processed.push(result.image);
  }
  const stored: StoredImage[] = [];
  for (const image of processed) stored.push(await storeImage(`products/${productId.toLowerCase()}`, image));
  await prisma.$transaction(async (tx) => {
    const before = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { images: true } });
    const images = [...asImages(before.images), ...stored];
    await tx.product.update({ where: { id: productId }, data: { images: images as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "product", entityId: productId, action: "add-images", changes: { images: { added: stored.map((image) => image.key) } } });
    await enqueueSearchSync(tx, "product", productId);
  });
  return { ok: true, added: stored.length };
}

export async function removeProductImage(productId: string, actor: Actor, key: string): Promise<boolean> {
  const removed = await prisma.$transaction(async (tx) => {
    const before = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { images: true } });
    const images = asImages(before.images);
    const image = images.find((candidate) => candidate.key === key);
    if (!image) return null;
    await tx.product.update({ where: { id: productId }, data: { images: images.filter((candidate) => candidate !== image) as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, { actorId: actor.userId, entityType: "product", entityId: productId, action: "remove-image", changes: { images: { removed: key } } });
    await enqueueSearchSync(tx, "product", productId);
    return image;
  });
  if (removed) await deleteStoredImage(removed).catch(() => undefined);
  return !!removed;
}

/** The firm a product belongs to (for the permission check), or null when there is no such product. */
export async function productOwner(productId: string): Promise<string | null> {
  const product = await prisma.product.findUnique({ where: { id: productId }, select: { firmId: true } });
  return product?.firmId ?? null;
}

/** The edit form's values and what the page shows around it. */
export async function getProductForEdit(productId: string, locale: Locale) {
  const product = await prisma.product.findUnique({ where: { id: productId }, select: { ...productSelect, hsChoices: true, hsCodeAsWritten: true } });
  if (!product) return null;
  const written = product.hsCodeAsWritten ? resolveHsInput(product.hsCodeAsWritten) : null;
  const name = asLocalizedText(product.name);
  const description = asLocalizedText(product.description);
  const attributes = (product.attributes ?? {}) as Record<string, string | number>;
  const { type, ...specs } = attributes;
  return {
    id: product.id,
    firmId: product.firmId,
    published: product.published,
    title: productTitle(product.name, product.attributes, locale).text,
    hsTitle: hsTitle(product.hsCode, locale),
    /** An import filed it under a heading: the HS 2022 codes the firm chooses among. */
    hsChoice: product.hsChoices.length
      ? {
          from: formatHsCode(product.hsCodeAsWritten?.slice(0, 6) ?? ""),
          edition: written && "edition" in written ? written.edition : "",
          heading: formatHsCode(product.hsCode),
          candidates: product.hsChoices.map(formatHsCode).join(", "),
        }
      : null,
    images: asImages(product.images),
    origins: {
      nameZh: name["zh-CN"]?.origin ?? null,
      nameEn: name.en?.origin ?? null,
      namePt: name.pt?.origin ?? null,
      descriptionZh: description["zh-CN"]?.origin ?? null,
      descriptionEn: description.en?.origin ?? null,
      descriptionPt: description.pt?.origin ?? null,
    },
    defaults: {
      hsCode: formatHsCode(product.hsCode),
      type: typeof type === "string" ? type : "",
      attributes: Object.fromEntries(Object.entries(specs).map(([key, value]) => [key, String(value)])),
      nameZh: name["zh-CN"]?.text ?? "",
      nameEn: name.en?.text ?? "",
      namePt: name.pt?.text ?? "",
      descriptionZh: description["zh-CN"]?.text ?? "",
      descriptionEn: description.en?.text ?? "",
      descriptionPt: description.pt?.text ?? "",
      moq: product.moq === null ? "" : String(product.moq),
      moqUnit: product.moqUnit ?? "",
      priceMinUsd: product.priceMinUsd === null ? "" : product.priceMinUsd.toString(),
      priceMaxUsd: product.priceMaxUsd === null ? "" : product.priceMaxUsd.toString(),
      leadTimeDays: product.leadTimeDays === null ? "" : String(product.leadTimeDays),
      certifications: product.certifications,
      published: product.published ? "on" : "",
    },
  };
}

export const FIRM_PRODUCTS_PAGE_SIZE = 50;

/** The firm's own list, published or not, newest first. */
export async function listFirmProducts(firmId: string, locale: Locale, page = 1) {
  const where = { firmId };
  const [total, rows] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * FIRM_PRODUCTS_PAGE_SIZE,
      take: FIRM_PRODUCTS_PAGE_SIZE,
      select: { id: true, name: true, attributes: true, hsCode: true, published: true, updatedAt: true, images: true },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / FIRM_PRODUCTS_PAGE_SIZE)),
    products: rows.map((row) => ({
      id: row.id,
      title: productTitle(row.name, row.attributes, locale),
      hsCode: formatHsCode(row.hsCode),
      published: row.published,
      updatedAt: row.updatedAt.toISOString(),
      thumbKey: asImages(row.images)[0]?.thumbKey ?? null,
    })),
  };
}
