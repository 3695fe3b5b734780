import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { ColumnsHelp, ImportForm, ImportReportView } from "~/components/import-panel";
import { getFixedT } from "~/i18n/i18next.server";
import { requireUrlLocale } from "~/i18n/locale.server";
import { runImport } from "~/modules/import/import.server";
import { receiveImportUpload } from "~/modules/import/upload.server";
import { requireFirmMember } from "~/modules/access/user.server";
import { pageMeta } from "~/utils/meta";

export const handle = { i18n: ["import", "validation", "buyer"] };

const productsOnly = ["products"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireFirmMember(request);
  const t = await getFixedT(locale, "import");
  return json({ title: t("page.firmTitle") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title ?? "");

/** A firm imports its own products only: the scope is its firm, whatever the file says. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const upload = await receiveImportUpload(request);
  try {
    const dryRun = upload.fields.dryRun === "on";
    if (!upload.file) return json({ dryRun, problem: upload.problem, report: null }, { status: upload.problem === "fileTooLarge" ? 413 : 400 });
    const report = await runImport({
      kind: "products",
      dryRun,
      file: upload.file.path,
      fileName: upload.file.name,
      actor: { id: member.id },
      scope: { kind: "firm", firmId: member.firmId },
    });
    return json({ dryRun, problem: null, report }, { status: report.accepted ? 200 : 422 });
  } finally {
    await upload.cleanup();
  }
}

export default function FirmImport() {
  const { t } = useTranslation("import");
  const { lang } = useParams();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <AccountNav />
      <header className="stack">
        <h1>{t("page.firmTitle")}</h1>
        <p className="lead">{t("page.firmIntro")}</p>
      </header>
      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title">{t("page.importTitle")}</h2>
        <ImportForm kinds={productsOnly} defaultKind="products" defaultDryRun={actionData?.dryRun ?? false} problem={actionData?.problem ?? null} />
      </section>
      {actionData?.report ? <ImportReportView report={actionData.report} /> : null}
      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">{t("page.exportTitle")}</h2>
        <p>{t("page.firmExportIntro")}</p>
        <ul className="export-links">
          {(["xlsx", "csv"] as const).map((format) => (
            <li key={format}>
              <a href={`/${lang}/account/export?kind=products&format=${format}`} download>
                {t("page.exportLink", { what: t("page.kinds.products"), format: format.toUpperCase() })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <ColumnsHelp kinds={productsOnly} />
    </div>
  );
}
