import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireTrainingMaterialViewer } from "~/modules/access/training.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { notFound } from "~/utils/http.server";

/** A training session's PDF, downloaded (never shown inline), to the bureau and the seated firms; others 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const { material } = await requireTrainingMaterialViewer(request, params.sessionId, params.materialId);
  const bytes = await attachmentStore().get(material.storageKey);
  if (!bytes) notFound();
  const encoded = encodeURIComponent(material.fileName);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": material.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${encoded}"; filename*=UTF-8''${encoded}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
