import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { getMeetingEdition } from "~/modules/meeting/edition.server";
import { fairReportFileName, fairReportWorkbook } from "~/modules/meeting/report-xlsx.server";
import { fairReport } from "~/modules/meeting/report.server";
import { exportContentType } from "~/modules/import/export-query";
import { throwDomainError } from "~/utils/domain-error.server";
import { parseQuery } from "~/utils/query";

const ReportQuerySchema = z.object({ compare: z.string().max(80).optional().catch(undefined) });

/** The fair report as XLSX, in the reader's language. Bureau only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const edition = await getMeetingEdition(params.editionSlug ?? "", locale).catch(throwDomainError);
  const { compare } = parseQuery(request, ReportQuerySchema);
  const file = await fairReportWorkbook(edition, await fairReport(edition, locale, compare), locale);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": exportContentType.xlsx,
      "Content-Disposition": `attachment; filename="${fairReportFileName(edition)}"`,
      "Cache-Control": "no-store",
    },
  });
}
