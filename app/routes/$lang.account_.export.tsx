import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { exportContentType, parseExportQuery } from "~/modules/import/export-query";
import { invariantResponse } from "~/utils/http.server";
import { exportFileName, exportStream } from "~/modules/import/export.server";
import { requireFirmMember } from "~/modules/access/user.server";

/** A firm downloads its own products, in the import format. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const member = await requireFirmMember(request);
  const query = parseExportQuery(new URL(request.url), ["products"]);
  invariantResponse(query, "Unknown export");
  const { kind, format } = query;
  const stream = exportStream({ kind, format, scope: { kind: "firm", firmId: member.firmId }, locale });
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": exportContentType[format],
      "Content-Disposition": `attachment; filename="${exportFileName(kind, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
