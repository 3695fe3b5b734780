import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describeIssue, describeMapping, type ImportReport } from "~/modules/import/report";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_MB } from "~/modules/import/limits";
import { exportColumns, importKinds, type ImportKind } from "~/modules/import/columns";
import { ErrorList } from "./forms";
import { FormattedNumber } from "./formatted";
import { TableWrap } from "./table-wrap";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The upload form of an import: file, what it holds (when the page offers a
 * choice) and "check only". A file over the limit is refused in the browser
 * before it is sent, and again by the server.
 */
export function ImportForm({
  kinds,
  defaultKind,
  defaultDryRun,
  problem,
}: {
  kinds: readonly ImportKind[];
  defaultKind: ImportKind;
  defaultDryRun: boolean;
  problem: string | null;
}) {
  const { t } = useTranslation("import");
  const navigation = useNavigation();
  const [tooLarge, setTooLarge] = useState(false);
  const busy = navigation.state === "submitting";
  // ErrorList reads "key|param=value".
  const fileError = tooLarge || problem === "fileTooLarge" ? `import:issues.fileTooLarge|limit=${MAX_IMPORT_FILE_MB}` : problem ? `import:issues.${problem}` : null;
  return (
    <Form method="post" encType="multipart/form-data" className="stack" aria-describedby="import-help">
      <p id="import-help" className="field__hint">
        {t("page.help", { limit: MAX_IMPORT_FILE_MB })}
      </p>
      {kinds.length > 1 ? (
        <fieldset className="choice-group">
          <legend>{t("page.kind")}</legend>
          {kinds.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="kind" value={kind} defaultChecked={kind === defaultKind} />
              <span>{t(`page.kinds.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value={kinds[0]} />
      )}
      <div className="field">
        <label htmlFor="import-file">{t("page.file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept={ACCEPT}
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "import-file-error" : undefined}
          onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMPORT_FILE_BYTES)}
        />
        <ErrorList id="import-file-error" errors={fileError ? [fileError] : null} />
      </div>
      <label className="checkbox">
        <input type="checkbox" name="dryRun" value="on" defaultChecked={defaultDryRun} />
        <span>{t("page.dryRun")}</span>
      </label>
      <div>
        <button type="submit" className="button" disabled={busy || tooLarge}>
          {busy ? t("page.working") : t("page.submit")}
        </button>
      </div>
    </Form>
  );
}

/** What an import did, or every problem that stopped it, row by row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation("import");
  const headline = report.accepted
    ? report.dryRun
      ? t("report.dryRunOk", { rows: report.rows })
      : t("report.imported", { rows: report.rows })
    : t("report.rejected", { count: report.issueCount });
  return (
    <section className="card stack" aria-labelledby="import-report-title" aria-live="polite">
      <h2 id="import-report-title">{t("report.title", { file: report.fileName })}</h2>
      <p className={report.accepted ? "notice notice--success" : "notice notice--danger"} role={report.accepted ? "status" : "alert"}>
        {headline}
      </p>
      {report.accepted ? (
        <dl className="facts">
          <dt>{report.dryRun ? t("report.wouldCreate") : t("report.created")}</dt>
          <dd>
            <FormattedNumber value={report.created} />
          </dd>
          <dt>{report.dryRun ? t("report.wouldUpdate") : t("report.updated")}</dt>
          <dd>
            <FormattedNumber value={report.updated} />
          </dd>
          <dt>{t("report.unchanged")}</dt>
          <dd>
            <FormattedNumber value={report.unchanged} />
          </dd>
        </dl>
      ) : (
        <>
          <TableWrap label={t("report.problems")}>
            <table className="issues-table">
              <thead>
                <tr>
                  <th scope="col">{t("report.where")}</th>
                  <th scope="col">{t("report.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((issue, index) => {
                  const { where, message } = describeIssue(t, issue);
                  return (
                    <tr key={index}>
                      <td className="nowrap">{where}</td>
                      <td>{message}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          {report.issueCount > report.issues.length ? <p>{t("report.more", { count: report.issueCount - report.issues.length })}</p> : null}
          <p>{t("report.nothingSaved")}</p>
        </>
      )}
      <ImportMappingsView report={report} />
    </section>
  );
}

/** What the import read differently from how it was written, and the choices it left to the firms. */
function ImportMappingsView({ report }: { report: ImportReport }) {
  const { t } = useTranslation("import");
  // Reports made before mappings existed (kept in a session) have none.
  const mappings = report.mappings ?? [];
  const warnings = report.warnings ?? [];
  if (!mappings.length && !warnings.length) return null;
  return (
    <>
      {mappings.length ? (
        <section className="stack" aria-labelledby="import-mappings-title">
          <h3 id="import-mappings-title">{t("mapping.title")}</h3>
          <p>{t("mapping.intro")}</p>
          <ul>
            {mappings.map((mapping, index) => (
              <li key={index}>
                {t("where.column", { column: mapping.column })}: {describeMapping(t, mapping)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {warnings.length ? (
        <section className="stack" aria-labelledby="import-warnings-title">
          <h3 id="import-warnings-title">{t("mapping.warningsTitle")}</h3>
          <p className="notice notice--warning">{t("mapping.warningCount", { count: report.warningCount })}</p>
          <ul>
            {warnings.map((warning, index) => {
              const { where, message } = describeIssue(t, warning);
              return (
                <li key={index}>
                  {where}: {message}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The columns of each file, as the issue and the CLI define them. */
export function ColumnsHelp({ kinds = importKinds }: { kinds?: readonly ImportKind[] }) {
  const { t } = useTranslation("import");
  return (
    <section className="card stack" aria-labelledby="columns-title">
      <h2 id="columns-title">{t("page.columnsTitle")}</h2>
      {kinds.map((kind) => (
        <div key={kind} className="stack">
          <h3>{t(`page.kinds.${kind}`)}</h3>
          <p className="mono wrap-anywhere">{exportColumns(kind).join(", ")}</p>
        </div>
      ))}
      <p>{t("page.columnsRules")}</p>
    </section>
  );
}
