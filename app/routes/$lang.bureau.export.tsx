import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { exportFileName, exportStream } from "~/modules/import/export.server";
import { requireBureau } from "~/modules/access/user.server";
import { exportContentType, parseExportQuery } from "~/modules/import/export-query";
import { invariantResponse } from "~/utils/http.server";

/** Download of all firms or all products, in the import format. Bureau only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  await requireBureau(request);
  const query = parseExportQuery(new URL(request.url), ["firms", "products"]);
  invariantResponse(query, "Unknown export");
  const { kind, format } = query;
  const stream = exportStream({ kind, format, scope: { kind: "bureau" }, locale });
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": exportContentType[format],
      "Content-Disposition": `attachment; filename="${exportFileName(kind, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
