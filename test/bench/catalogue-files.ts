import ExcelJS from "exceljs";
import { formatHsCode } from "~/modules/hs/hs-code";
import { firmColumns, productColumns } from "~/modules/import/columns";
import { clusterTowns as towns } from "../../prisma/seed/reference";
import { firmSeed, productSeed } from "../../prisma/seed/demo";

/**
 * Import files for benchmarks, with the demo data's realistic texts: firms
 * of the specialty towns and their products in Chinese, English and
 * Portuguese, written as a streaming XLSX workbook.
 */
const text = (value: Record<string, { text: string }> | undefined, locale: string) => value?.[locale]?.text ?? "";

export function firmCells(index: number): (string | number)[] {
  const firm = firmSeed(index);
  const town = towns.find((candidate) => candidate.slug === firm.townSlug)!;
  const values: Record<string, string | number> = {
    external_id: firm.externalId,
    name_zh: text(firm.name, "zh-CN"),
    name_en: text(firm.name, "en"),
    name_pt: text(firm.name, "pt"),
    town: town.name["zh-CN"],
    cluster: town.cluster.name["zh-CN"],
    description_zh: text(firm.description, "zh-CN"),
    description_en: text(firm.description, "en"),
    description_pt: text(firm.description, "pt"),
    export_markets: firm.exportMarkets.join(";"),
    certifications: firm.certifications.map((c) => c.code).join(";"),
    languages: firm.languages.join(";"),
    website: firm.website,
    email: firm.email,
    phone: firm.phone,
    founded_year: firm.foundedYear,
    employees: firm.employeesBand,
    uscc: firm.uscc,
  };
  return [...firmColumns, "uscc"].map((column) => values[column] ?? "");
}

export function productCells(index: number, firms: number, products: number): (string | number)[] {
  const product = productSeed(index, { firms, products, buyers: 0, requests: 0 });
  const firm = firmSeed(index % firms);
  const values: Record<string, string | number> = {
    external_id: product.externalId,
    firm_external_id: firm.externalId,
    hs_code: formatHsCode(product.hsCode),
    name_zh: text(product.name, "zh-CN"),
    name_en: text(product.name, "en"),
    name_pt: text(product.name, "pt"),
    description_zh: text(product.description, "zh-CN"),
    description_en: text(product.description, "en"),
    description_pt: text(product.description, "pt"),
    moq: product.moq,
    moq_unit: product.moqUnit,
    price_min_usd: Number(product.priceMinUsd),
    price_max_usd: Number(product.priceMaxUsd),
    certifications: product.certifications.join(";"),
    lead_time_days: product.leadTimeDays,
  };
  return productColumns.map((column) => values[column] ?? "");
}

export async function writeWorkbook(file: string, header: string[], count: number, row: (index: number) => (string | number)[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(header).commit();
  for (let index = 0; index < count; index++) sheet.addRow(row(index)).commit();
  sheet.commit();
  await workbook.commit();
}

