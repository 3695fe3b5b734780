import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColumnsHelp, ImportForm, ImportReportView } from "~/components/import-panel";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { importKinds, type ImportKind } from "~/modules/import/columns";
import { runImport } from "~/modules/import/import.server";
import { receiveImportUpload } from "~/modules/import/upload.server";
import { requireBureau } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["import", "validation"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const t = await getFixedT(locale, "import");
  return json({ title: t("page.bureauTitle") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const staff = await requireBureau(request);
  const upload = await receiveImportUpload(request);
  try {
    const kind: ImportKind = upload.fields.kind === "products" ? "products" : "firms";
    const dryRun = upload.fields.dryRun === "on";
    if (!upload.file) return json({ kind, dryRun, problem: upload.problem, report: null }, { status: upload.problem === "fileTooLarge" ? 413 : 400 });
    const report = await runImport({ kind, dryRun, file: upload.file.path, fileName: upload.file.name, actor: { id: staff.id }, scope: { kind: "bureau" } });
    return json({ kind, dryRun, problem: null, report }, { status: report.accepted ? 200 : 422 });
  } finally {
    await upload.cleanup();
  }
}

export default function BureauImport() {
  const { t } = useTranslation("import");
  const { lang } = useParams();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1>{t("page.bureauTitle")}</h1>
        <p className="lead">{t("page.bureauIntro")}</p>
      </header>
      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title">{t("page.importTitle")}</h2>
        <ImportForm kinds={importKinds} defaultKind={actionData?.kind ?? "firms"} defaultDryRun={actionData?.dryRun ?? false} problem={actionData?.problem ?? null} />
      </section>
      {actionData?.report ? <ImportReportView report={actionData.report} /> : null}
      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">{t("page.exportTitle")}</h2>
        <p>{t("page.exportIntro")}</p>
        <ul className="export-links">
          {importKinds.map((kind) =>
            (["xlsx", "csv"] as const).map((format) => (
              <li key={`${kind}-${format}`}>
                <a href={`/${lang}/bureau/export?kind=${kind}&format=${format}`} download>
                  {t("page.exportLink", { what: t(`page.kinds.${kind}`), format: format.toUpperCase() })}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>
      <ColumnsHelp />
    </div>
  );
}
