import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireBureau } from "~/modules/access/user.server";
import { getCallWorkspace } from "~/modules/delegation/bureau-view.server";
import { delegationFile, delegationFileName, delegationTable } from "~/modules/delegation/export.server";
import { exportContentType } from "~/modules/import/export-query";
import { throwDomainError } from "~/utils/domain-error.server";
import { invariantResponse, notFound } from "~/utils/http.server";
import { parseQuery } from "~/utils/query";

const ExportQuerySchema = z.object({
  kind: z.enum(["roster", "applications"]).optional().catch(undefined),
  format: z.enum(["csv", "xlsx"]).catch("xlsx").default("xlsx"),
});

/** The delegation's roster or applications as XLSX or CSV. Bureau only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const { kind, format } = parseQuery(request, ExportQuerySchema);
  invariantResponse(kind, "Unknown export");
  const workspace = await getCallWorkspace(params.slug ?? "", locale).catch(throwDomainError);
  if (!workspace.call) notFound();
  const table = await delegationTable(workspace.call.id, kind, locale);
  const file = await delegationFile(table, format, `${workspace.edition.shortName} ${kind}`);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": exportContentType[format],
      "Content-Disposition": `attachment; filename="${delegationFileName(workspace.edition.slug, kind, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
