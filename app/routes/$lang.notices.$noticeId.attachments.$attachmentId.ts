import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireNoticeAttachmentViewer } from "~/modules/access/notice.server";
import { attachmentStore } from "~/modules/inquiry/storage.server";
import { notFound } from "~/utils/http.server";

/** A notice's PDF, to whoever may see the notice; sandboxed like inquiry attachments. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const { attachment } = await requireNoticeAttachmentViewer(request, params.noticeId, params.attachmentId);
  const bytes = await attachmentStore().get(attachment.storageKey);
  if (!bytes) notFound();
  const encoded = encodeURIComponent(attachment.fileName);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${encoded}"; filename*=UTF-8''${encoded}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
