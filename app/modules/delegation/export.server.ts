import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/i18n/i18next.server";
import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { escapeCell } from "~/modules/import/cell-escape";
import { rankCall } from "./ranking.server";

/**
 * The delegation's files for the organiser and the bureau's records: the
 * roster (approved firms: names in Chinese and English, credit code,
 * booth, products shown, attendees) and every application with its score
 * and decision, as XLSX or CSV. Cells a spreadsheet would run as a formula
 * are escaped as the catalogue export escapes them (import/cell-escape.ts).
 */
export type DelegationExportKind = "roster" | "applications";
export type DelegationExportFormat = "csv" | "xlsx";
type Cell = string | number | null;

const rosterColumns = ["booth", "zone", "nameZh", "nameEn", "uscc", "town", "cluster", "boothType", "productsZh", "productsEn", "attendees", "subsidyPaidCny"] as const;
const applicationColumns = ["rank", "score", "maxScore", "nameZh", "nameEn", "uscc", "status", "decisionReason", "boothType", "booth", "products", "attendees", "submittedAt"] as const;

function attendeeList(value: unknown): string {
  return (Array.isArray(value) ? value : [])
    .filter((entry): entry is { name: string; role?: string } => !!entry && typeof entry === "object" && typeof entry.name === "string")
    .map((entry) => (entry.role ? `${entry.name} (${entry.role})` : entry.name))
    .join("; ");
}

async function applicationsOf(callId: string) {
  return prisma.delegationApplication.findMany({
    where: { callId },
    orderBy: [{ booth: "asc" }, { submittedAt: "asc" }],
    select: {
      id: true,
      status: true,
      boothTypeCode: true,
      booth: true,
      boothZone: true,
      productIds: true,
      attendees: true,
      decisionReason: true,
      subsidyPaidCny: true,
      submittedAt: true,
      firm: { select: { name: true, uscc: true, town: { select: { name: true } }, cluster: { select: { name: true } } } },
    },
  });
}

async function productNames(ids: string[]) {
  const products = ids.length ? await prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(products.map((product) => [product.id, product.name]));
}

export async function delegationTable(callId: string, kind: DelegationExportKind, locale: Locale): Promise<{ header: string[]; rows: Cell[][] }> {
  const t = await getFixedT(locale, "delegation");
  const applications = await applicationsOf(callId);
  const names = await productNames(applications.flatMap((application) => application.productIds));
  const productsIn = (ids: string[], lang: string) => ids.map((id) => textIn(names.get(id), lang, ["zh-CN", "en", "pt"])).filter(Boolean).join("; ");
  if (kind === "roster") {
    const rows = applications
      .filter((application) => application.status === "APPROVED")
      .map((application) => [
        application.booth,
        application.boothZone,
        textIn(application.firm.name, "zh-CN"),
        textIn(application.firm.name, "en"),
        application.firm.uscc,
        application.firm.town ? displayTextIn(application.firm.town.name, locale) : null,
        application.firm.cluster ? displayTextIn(application.firm.cluster.name, locale) : null,
        application.boothTypeCode,
        productsIn(application.productIds, "zh-CN"),
        productsIn(application.productIds, "en"),
        attendeeList(application.attendees),
        application.subsidyPaidCny === null ? null : Number(application.subsidyPaidCny),
      ]);
    return { header: rosterColumns.map((column) => t(`export.roster.${column}`)), rows };
  }
  const ranked = new Map((await rankCall(callId)).map((entry) => [entry.applicationId, entry]));
  const rows = applications
    .map((application) => ({ application, rank: ranked.get(application.id) }))
    .sort((a, b) => (a.rank?.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank?.rank ?? Number.MAX_SAFE_INTEGER))
    .map(({ application, rank }) => [
      rank?.rank ?? null,
      rank?.total ?? null,
      rank?.max ?? null,
      textIn(application.firm.name, "zh-CN"),
      textIn(application.firm.name, "en"),
      application.firm.uscc,
      t(`status.${application.status}`),
      application.decisionReason,
      application.boothTypeCode,
      application.booth,
      productsIn(application.productIds, locale.startsWith("zh") ? "zh-CN" : "en"),
      attendeeList(application.attendees),
      application.submittedAt.toISOString(),
    ]);
  return { header: applicationColumns.map((column) => t(`export.applications.${column}`)), rows };
}

const safe = (cell: Cell) => (typeof cell === "string" ? escapeCell(cell) : cell);

/** The table as a file: CSV with a BOM (Excel opens the Chinese intact) or one XLSX sheet. */
export async function delegationFile(table: { header: string[]; rows: Cell[][] }, format: DelegationExportFormat, sheetName: string): Promise<Buffer> {
  if (format === "csv") {
    return Buffer.from(stringify([table.header, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : safe(cell))))], { bom: true }), "utf8");
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.header);
  for (const row of table.rows) sheet.addRow(row.map(safe));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function delegationFileName(editionSlug: string, kind: DelegationExportKind, format: DelegationExportFormat) {
  return `ponte-${editionSlug}-${kind}.${format}`;
}
