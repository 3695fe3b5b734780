import ExcelJS from "exceljs";
import { getFixedT } from "~/i18n/i18next.server";
import type { Locale } from "~/i18n/config";
import { escapeCell } from "~/modules/import/cell-escape";
import type { MeetingEdition } from "./edition.server";
import { figureKeys, reportDimensions, type ReportFigures } from "./report";
import type { FairReport } from "./report.server";

/**
 * The fair report as one XLSX workbook in the reader's language: the totals
 * (beside the compared edition's when there is one), then one sheet per
 * breakdown (cluster, town, buyer country, firm). Names that a spreadsheet
 * would run as a formula are escaped as every export escapes them
 * (import/cell-escape.ts); figures are numbers, rates fractions formatted as %.
 */
type Cell = string | number | null;

const safe = (cell: Cell) => (typeof cell === "string" ? escapeCell(cell) : cell);
const PERCENT = new Set<string>(["noShowRate"]);
const USD = new Set<string>(["intendedUsd", "confirmedUsd"]);

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], numberFormats: (string | undefined)[]) {
  const worksheet = workbook.addWorksheet(name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31));
  worksheet.addRow(header);
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row.map(safe));
  numberFormats.forEach((format, index) => {
    if (format) worksheet.getColumn(index + 1).numFmt = format;
  });
  worksheet.getColumn(1).width = 36;
}

const formatOf = (figure: string) => (PERCENT.has(figure) ? "0.0%" : USD.has(figure) ? "#,##0" : undefined);
const value = (figures: ReportFigures, figure: (typeof figureKeys)[number]): Cell => figures[figure];

export async function fairReportWorkbook(edition: MeetingEdition, data: FairReport, locale: Locale): Promise<Buffer> {
  const t = await getFixedT(locale, "meetingReport");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ponte";
  const summaryHeader = [t("xlsx.figure"), edition.shortName, ...(data.comparison ? [data.comparison.edition.shortName, t("xlsx.change")] : [])];
  const summaryRows = figureKeys.map((figure): Cell[] => {
    const row = data.comparison?.rows.find((entry) => entry.figure === figure);
    return [t(`figures.${figure}`), value(data.report.totals, figure), ...(row ? [row.earlier, row.change] : [])];
  });
  sheet(workbook, t("xlsx.summary"), summaryHeader, summaryRows, []);
  // Rates in the summary: per cell, as the column mixes counts and rates.
  const summary = workbook.worksheets[0];
  figureKeys.forEach((figure, index) => {
    const format = formatOf(figure);
    if (format) summary.getRow(index + 2).numFmt = format;
  });
  for (const dimension of reportDimensions) {
    const header = [t(`dimensions.${dimension}`), ...figureKeys.map((figure) => t(`figures.${figure}`))];
    const rows = data.report.by[dimension].map((group): Cell[] => [group.label, ...figureKeys.map((figure) => value(group.figures, figure))]);
    sheet(workbook, t(`dimensions.${dimension}`), header, rows, [undefined, ...figureKeys.map(formatOf)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const fairReportFileName = (edition: MeetingEdition) => `ponte-${edition.slug}-meetings-report.xlsx`;
