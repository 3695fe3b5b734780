import { asLocalizedText, type LocalizedText } from "~/modules/i18n-text/localized-text";
import { searchableChinese } from "./vocabulary.server";
import { firmCompleteness, type FirmForCompleteness } from "~/modules/firm/completeness";
import { hsAncestors, hsHeadline } from "~/modules/hs/hs-code";
import { hsTitle } from "~/modules/hs/nomenclature.server";
import { attributeKeys, attributeValueLabel, productTypesByKey, vocabularyName } from "~/modules/product/vocabulary";
import type { TextLocale } from "./indexes.server";
import { hasHan } from "~/modules/i18n-text/han";
import { heldCertificates, productCertificationCodes, validCertificateCodes, type CertificationRules } from "~/modules/reference/certificate-validity";
import { zhongshanDay } from "~/utils/time-zone";

/**
 * Records as search documents. Pure functions of the rows the document
 * source loads; every text field is suffixed with its language (_zh, _en,
 * _pt) so that Meilisearch segments it as that language. Chinese is indexed
 * in Simplified characters with its known word parts split apart
 * (searchableChinese): Traditional text (zh-Hant) is folded, and so are
 * queries. Bump DOCUMENT_VERSION when the shape changes: the indexes are then
 * rebuilt at the next start.
 */
export const DOCUMENT_VERSION = 6;

/** The vocabulary's language for each indexed language; "pt" indexes every Portuguese variant's word. */
export const vocabularyLocale: Record<TextLocale, "zh-CN" | "en" | "pt"> = { zh: "zh-CN", en: "en", pt: "pt" };

export type LocalizedFields<Name extends string> = Partial<Record<`${Name}_${TextLocale}`, string>>;

/** A LocalizedText as name_zh/name_en/name_pt; Traditional Chinese folded into _zh. */
export function localizedFields<Name extends string>(name: Name, value: unknown): LocalizedFields<Name> {
  const text = asLocalizedText(value);
  const chinese = text["zh-CN"]?.text ?? text["zh-Hant"]?.text;
  const zh = chinese ? searchableChinese(chinese) : undefined;
  const fields: Record<string, string> = {};
  if (zh) fields[`${name}_zh`] = zh;
  if (text.en?.text) fields[`${name}_en`] = text.en.text;
  if (text.pt?.text) fields[`${name}_pt`] = text.pt.text;
  return fields as LocalizedFields<Name>;
}

/** The same value named in each language by a function (vocabulary, HS titles). */
export function namedFields<Name extends string>(name: Name, label: (locale: TextLocale) => string | null | undefined): LocalizedFields<Name> {
  const fields: Record<string, string> = {};
  for (const locale of ["zh", "en", "pt"] as const) {
    const value = label(locale)?.trim();
    if (value) fields[`${name}_${locale}`] = locale === "zh" ? searchableChinese(value) : value;
  }
  return fields as LocalizedFields<Name>;
}

/** Subheading and heading titles: the words that point to this code in every language. */
const hsTitleCache = new Map<string, LocalizedFields<"hsTitle">>();
function hsTitleFields(code: string) {
  const cached = hsTitleCache.get(code);
  if (cached) return cached;
  const lines = hsAncestors(code)
    .filter((ancestor) => ancestor.length >= 4)
    .reverse();
  const fields = namedFields("hsTitle", (locale) => [...new Set(headlineList(lines, locale))].join(" · "));
  hsTitleCache.set(code, fields);
  return fields;
}

/**
 * The headlines of codes' titles in one language: what each line is, not
 * the long list of what else it covers or excludes ("…other than for
 * office, kitchen or bedroom use" is not a kitchen).
 */
function headlineList(codes: string[], locale: TextLocale): string[] {
  return codes
    .map((code) => hsTitle(code, vocabularyLocale[locale]))
    .filter((title): title is string => Boolean(title))
    .map((title) => hsHeadline(title, 160, false));
}

/** The headlines of several codes' titles in one language, as one text. */
function headlines(codes: string[], locale: TextLocale): string {
  return headlineList(codes, locale).join(" · ");
}

/** Structured attribute values ("aluminium 24 W 4,000 K") in a language. */
function specsText(attributes: Record<string, unknown>, locale: TextLocale): string {
  return attributeKeys
    .map((key) => attributeValueLabel(key, attributes[key], vocabularyLocale[locale]))
    .filter((value): value is string => Boolean(value))
    .join(" ");
}

function asAttributes(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The average of the firm's completeness across its languages, 0–100. */
export function firmQuality(firm: FirmForCompleteness): number {
  const languages = firmCompleteness(firm);
  return Math.round(languages.reduce((sum, language) => sum + language.percent, 0) / languages.length);
}

function epochSeconds(date: Date | null | undefined): number | null {
  return date ? Math.floor(date.getTime() / 1000) : null;
}

// ───────────────────────── products ─────────────────────────

export interface FirmForDocument extends FirmForCompleteness {
  id: string;
  slug: string;
  updatedAt: Date;
  verification: "PENDING" | "VERIFIED" | "REJECTED";
  published: boolean;
  town: { slug: string; name: unknown } | null;
  cluster: { slug: string; name: unknown } | null;
}

export interface ProductRow {
  id: string;
  slug: string;
  externalId: string | null;
  hsCode: string;
  name: unknown;
  description: unknown;
  attributes: unknown;
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: { toString(): string } | null;
  priceMaxUsd: { toString(): string } | null;
  leadTimeDays: number | null;
  certifications: string[];
  images: unknown;
  published: boolean;
  updatedAt: Date;
  firm: FirmForDocument;
}

export interface ProductDocument extends LocalizedFields<"name" | "type" | "hsTitle" | "specs" | "firmName" | "cluster" | "description"> {
  id: string;
  slug: string;
  externalId: string | null;
  firmId: string;
  firmSlug: string;
  hsCode: string;
  hsPrefixes: string[];
  hsHeading: string;
  hsChapter: string;
  /** The vocabulary's product type (its key), for matching a query's head noun; null when the firm chose none. */
  productType: string | null;
  town: string | null;
  cluster: string | null;
  certifications: string[];
  markets: string[];
  languages: string[];
  moq: number | null;
  moqUnit: string | null;
  priceMinUsd: number | null;
  priceMaxUsd: number | null;
  leadTimeDays: number | null;
  verified: boolean;
  /** Anyone may see it: a published product of a verified, published firm. */
  public: boolean;
  /** The firm's profile completeness (0–100): ties go to fuller profiles. */
  quality: number;
  thumbKey: string | null;
  updatedAt: number;
  /** What the page needs to show the hit in any language, without the database. */
  display: { name: LocalizedText; attributes: Record<string, unknown>; firmName: LocalizedText };
}

/** What a product's document takes from its firm; the same for all its products. */
function firmPart(firm: FirmForDocument, today: string, rules: CertificationRules) {
  return {
    // A product's certification counts only while its firm's certificate holds (under the bureau's rules).
    certificates: heldCertificates(firm.certifications, rules),
    today,
    names: { ...localizedFields("firmName", firm.name), ...localizedFields("cluster", firm.cluster?.name) },
    verified: firm.verification === "VERIFIED",
    quality: firmQuality(firm),
    firmName: asLocalizedText(firm.name),
  };
}

/** Firms' parts of product documents, by firm id and version. */
export type FirmPartCache = Map<string, ReturnType<typeof firmPart>>;

/**
 * A product as a search document. `firms` caches the firm's part across the
 * products of one page (a full reindex builds 100,000 of them).
 */
export function productDocument(row: ProductRow, firms: FirmPartCache | undefined, rules: CertificationRules): ProductDocument {
  const attributes = asAttributes(row.attributes);
  const type = typeof attributes.type === "string" ? productTypesByKey.get(attributes.type) : undefined;
  const today = zhongshanDay();
  const firmKey = `${row.firm.id}:${row.firm.updatedAt.getTime()}:${today}`;
  let firm = firms?.get(firmKey);
  if (!firm) {
    firm = firmPart(row.firm, today, rules);
    firms?.set(firmKey, firm);
  }
  const verified = firm.verified;
  const images = Array.isArray(row.images) ? (row.images as { thumbKey?: unknown }[]) : [];
  const thumbKey = typeof images[0]?.thumbKey === "string" ? images[0].thumbKey : null;
  return {
    id: row.id,
    slug: row.slug,
    externalId: row.externalId,
    firmId: row.firm.id,
    firmSlug: row.firm.slug,
    ...localizedFields("name", row.name),
    ...(type ? namedFields("type", (locale) => vocabularyName(type.names, vocabularyLocale[locale])) : {}),
    ...hsTitleFields(row.hsCode),
    ...namedFields("specs", (locale) => specsText(attributes, locale)),
    ...firm.names,
    ...localizedFields("description", row.description),
    hsCode: row.hsCode,
    hsPrefixes: hsAncestors(row.hsCode),
    hsHeading: row.hsCode.slice(0, 4),
    hsChapter: row.hsCode.slice(0, 2),
    productType: type?.key ?? null,
    town: row.firm.town?.slug ?? null,
    cluster: row.firm.cluster?.slug ?? null,
    certifications: productCertificationCodes(row.certifications, firm.certificates, firm.today),
    markets: row.firm.exportMarkets,
    languages: row.firm.languages,
    moq: row.moq,
    moqUnit: row.moqUnit,
    priceMinUsd: row.priceMinUsd === null ? null : Number(row.priceMinUsd.toString()),
    priceMaxUsd: row.priceMaxUsd === null ? null : Number(row.priceMaxUsd.toString()),
    leadTimeDays: row.leadTimeDays,
    verified,
    public: verified && row.firm.published && row.published,
    quality: firm.quality,
    thumbKey,
    updatedAt: epochSeconds(row.updatedAt)!,
    display: { name: asLocalizedText(row.name), attributes, firmName: firm.firmName },
  };
}

// ───────────────────────── firms ─────────────────────────

export interface FirmRow extends FirmForDocument {
  externalId: string | null;
  uscc: string | null;
  /** What the firm's products add up to. */
  products: { hsCodes: string[]; typeKeys: string[]; count: number; publicCount: number; minMoq: number | null };
}

export interface FirmDocument extends LocalizedFields<"name" | "cluster" | "productTypes" | "town" | "hsTitle" | "description"> {
  id: string;
  slug: string;
  externalId: string | null;
  uscc: string | null;
  hsPrefixes: string[];
  /** The types of its products (the head-noun filter, as a product's productType). */
  productType: string[];
  town: string | null;
  cluster: string | null;
  certifications: string[];
  markets: string[];
  languages: string[];
  businessTypes: string[];
  employeesBand: string | null;
  foundedYear: number | null;
  productCount: number;
  minMoq: number | null;
  verified: boolean;
  public: boolean;
  quality: number;
  logoKey: string | null;
  updatedAt: number;
  display: { name: LocalizedText; description: LocalizedText };
}

export function firmDocument(row: FirmRow, rules: CertificationRules): FirmDocument {
  const verified = row.verification === "VERIFIED";
  const types = row.products.typeKeys.map((key) => productTypesByKey.get(key)).filter((type) => type !== undefined);
  const headings = [...new Set(row.products.hsCodes.map((code) => code.slice(0, 4)))].sort();
  return {
    id: row.id,
    slug: row.slug,
    externalId: row.externalId,
    uscc: row.uscc,
    ...localizedFields("name", row.name),
    ...localizedFields("cluster", row.cluster?.name),
    ...namedFields("productTypes", (locale) => types.map((type) => vocabularyName(type.names, vocabularyLocale[locale])).join(" · ")),
    ...localizedFields("town", row.town?.name),
    ...namedFields("hsTitle", (locale) => headlines(headings, locale)),
    ...localizedFields("description", row.description),
    hsPrefixes: [...new Set(row.products.hsCodes.flatMap((code) => hsAncestors(code)))].sort(),
    productType: [...new Set(types.map((type) => type.key))].sort(),
    town: row.town?.slug ?? null,
    cluster: row.cluster?.slug ?? null,
    // Only certificates that hold today: an expired one is no facet value and no filter hit.
    certifications: validCertificateCodes(heldCertificates(row.certifications, rules), zhongshanDay()),
    markets: row.exportMarkets,
    languages: row.languages,
    businessTypes: row.businessTypes,
    employeesBand: row.employeesBand,
    foundedYear: row.foundedYear,
    productCount: row.products.publicCount,
    minMoq: row.products.minMoq,
    verified,
    public: verified && row.published,
    quality: firmQuality(row),
    logoKey: row.logoKey,
    updatedAt: epochSeconds(row.updatedAt)!,
    display: { name: asLocalizedText(row.name), description: asLocalizedText(row.description) },
  };
}

// ───────────────────────── sourcing requests ─────────────────────────

export interface RequestRow {
  id: string;
  buyerCompanyId: string;
  title: unknown;
  keywords: string;
  hsCodes: string[];
  quantity: number | null;
  unit: string | null;
  targetPriceUsd: { toString(): string } | null;
  requiredCertifications: string[];
  destinationCountry: string | null;
  deadline: Date | null;
  status: "OPEN" | "CLOSED";
  visibility: "PUBLIC" | "VERIFIED_FIRMS" | "PRIVATE";
  createdAt: Date;
  updatedAt: Date;
  buyerCompany: { name: string; country: string | null; languages: string[] };
}

export interface RequestDocument extends LocalizedFields<"title" | "keywords" | "hsTitle"> {
  id: string;
  buyerCompanyId: string;
  buyerName: string;
  hsCodes: string[];
  hsPrefixes: string[];
  quantity: number | null;
  unit: string | null;
  targetPriceUsd: number | null;
  requiredCertifications: string[];
  destinationCountry: string | null;
  buyerCountry: string | null;
  buyerLanguages: string[];
  deadline: number | null;
  status: "OPEN" | "CLOSED";
  visibility: "PUBLIC" | "VERIFIED_FIRMS" | "PRIVATE";
  createdAt: number;
  updatedAt: number;
  display: { title: LocalizedText };
}


/** Keywords are one free field in any language: file them under the script they are written in. */
function keywordFields(keywords: string): LocalizedFields<"keywords"> {
  const text = keywords.trim();
  if (!text) return {};
  // Latin keywords go to both Latin fields: the field says nothing about which language they are.
  return hasHan(text) ? { keywords_zh: searchableChinese(text) } : { keywords_en: text, keywords_pt: text };
}

export function requestDocument(row: RequestRow): RequestDocument {
  const codes = [...new Set(row.hsCodes)];
  return {
    id: row.id,
    buyerCompanyId: row.buyerCompanyId,
    buyerName: row.buyerCompany.name,
    ...localizedFields("title", row.title),
    ...keywordFields(row.keywords),
    ...namedFields("hsTitle", (locale) => headlines(codes, locale)),
    hsCodes: codes,
    hsPrefixes: [...new Set(codes.flatMap((code) => hsAncestors(code)))].sort(),
    quantity: row.quantity,
    unit: row.unit,
    targetPriceUsd: row.targetPriceUsd === null ? null : Number(row.targetPriceUsd.toString()),
    requiredCertifications: row.requiredCertifications,
    destinationCountry: row.destinationCountry,
    buyerCountry: row.buyerCompany.country,
    buyerLanguages: row.buyerCompany.languages,
    deadline: epochSeconds(row.deadline),
    status: row.status,
    visibility: row.visibility,
    createdAt: epochSeconds(row.createdAt)!,
    updatedAt: epochSeconds(row.updatedAt)!,
    display: { title: asLocalizedText(row.title) },
  };
}
