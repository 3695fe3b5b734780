import { useTranslation } from "react-i18next";
import type { AgendaRow } from "~/modules/meeting/agenda";


/** A participant's agenda; `zhLabels` adds the Chinese headings (the buyer's bilingual print). */
export function AgendaTable({ rows, zone, zhLabels }: { rows: AgendaRow[]; zone: string; zhLabels?: Record<string, string> }) {
  const { t } = useTranslation("meetings");
  const label = (key: string) => (zhLabels ? `${t(`agenda.${key}`)} / ${zhLabels[key]}` : t(`agenda.${key}`));
  if (!rows.length) return <p>{t("agenda.none")}</p>;
  // The same words in every row: looked up once for the table.
  const remote = label("remote");
  const table = label("table");
  return (
    <div className="table-wrap">
      <table data-testid="agenda">
        <thead>
          <tr>
            <th scope="col">{label("day")}</th>
            <th scope="col">{`${label("time")} (${zone})`}</th>
            <th scope="col">{label("ownTime")}</th>
            <th scope="col">{label("with")}</th>
            <th scope="col">{label("place")}</th>
            <th scope="col">{label("interpreter")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.requestId} data-request={row.requestId}>
              <td>{row.day}</td>
              <td>{row.fairTime}</td>
              <td>{row.ownTime ?? ""}</td>
              <td>
                {row.counterpart}
                {zhLabels && row.counterpartZh !== row.counterpart ? ` / ${row.counterpartZh}` : ""}
              </td>
              <td>
                {row.remote ? (
                  <>
                    {remote} {row.videoLink ? <a href={row.videoLink}>{row.videoLink}</a> : null}
                  </>
                ) : (
                  `${table} ${row.table ?? ""}`
                )}
              </td>
              <td>{row.interpreter ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
