import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireApplicationViewer } from "~/modules/access/delegation-firm.server";
import { readDocument } from "~/modules/delegation/documents.server";
import { notFound } from "~/utils/http.server";

/**
 * A document of a delegation application, for the firm that applied and
 * bureau staff. Served with the sniffed type and sandboxed, as inquiry
 * attachments are.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const viewer = await requireApplicationViewer(request, params.applicationId);
  const document = await readDocument(viewer.applicationId, params.documentId ?? "");
  if (!document) notFound();
  const encoded = encodeURIComponent(document.fileName);
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.bytes.byteLength),
      "Content-Disposition": `inline; filename="${encoded}"; filename*=UTF-8''${encoded}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
