import { useTranslation } from "react-i18next";
import { useFormatters } from "~/utils/format";
import { TableWrap } from "./table-wrap";

/**
 * The fair report's tables: the totals beside another edition's, and one
 * breakdown (cluster, town, buyer country, firm) with every figure. The
 * charts beside them carry the same numbers (BarChart).
 */
const figureKeys = ["requested", "agreed", "scheduled", "recorded", "held", "noShows", "noShowRate", "highInterest", "samples", "quotations", "orders", "intendedUsd", "confirmedUsd", "ratingAverage"] as const;
type FigureKey = (typeof figureKeys)[number];
type Figures = Record<FigureKey, number | null>;

function useFigure() {
  const format = useFormatters();
  return (figure: FigureKey, value: number | null) => {
    if (value === null) return "—";
    if (figure === "noShowRate") return `${format.number(Math.round(value * 1000) / 10)} %`;
    if (figure === "intendedUsd" || figure === "confirmedUsd") return format.usd(value);
    return format.number(value);
  };
}

export function ComparisonTable({
  current,
  totals,
  comparison,
}: {
  current: string;
  totals: Figures;
  comparison: { edition: { shortName: string }; rows: { figure: FigureKey; earlier: number | null; change: number | null }[] } | null;
}) {
  const { t } = useTranslation("meetingReport");
  const show = useFigure();
  return (
    <TableWrap label={t("report.totals")}>
      <table className="table" data-table="totals">
        <thead>
          <tr>
            <th scope="col">{t("xlsx.figure")}</th>
            <th scope="col">{current}</th>
            {comparison ? (
              <>
                <th scope="col">{comparison.edition.shortName}</th>
                <th scope="col">{t("xlsx.change")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {figureKeys.map((figure) => {
            const row = comparison?.rows.find((entry) => entry.figure === figure);
            return (
              <tr key={figure} data-figure={figure}>
                <th scope="row">{t(`figures.${figure}`)}</th>
                <td data-value={totals[figure] ?? ""}>{show(figure, totals[figure])}</td>
                {comparison ? (
                  <>
                    <td data-earlier={row?.earlier ?? ""}>{show(figure, row?.earlier ?? null)}</td>
                    <td>{row?.change === null || row?.change === undefined ? "—" : `${row.change > 0 ? "+" : ""}${show(figure, row.change)}`}</td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

const breakdownFigures: FigureKey[] = ["requested", "scheduled", "held", "noShowRate", "samples", "quotations", "orders", "intendedUsd", "confirmedUsd", "ratingAverage"];

export function FiguresTable({ dimension, groups }: { dimension: string; groups: { key: string; label: string; figures: Figures }[] }) {
  const { t } = useTranslation("meetingReport");
  const show = useFigure();
  if (!groups.length) return <p>{t("report.empty")}</p>;
  return (
    <TableWrap label={t(`report.by.${dimension}`)}>
      <table className="table" data-table={dimension}>
        <thead>
          <tr>
            <th scope="col">{t(`dimensions.${dimension}`)}</th>
            {breakdownFigures.map((figure) => (
              <th key={figure} scope="col">
                {t(`figures.${figure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} data-group={group.key}>
              <th scope="row">{group.label}</th>
              {breakdownFigures.map((figure) => (
                <td key={figure} data-figure={figure}>
                  {show(figure, group.figures[figure])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
