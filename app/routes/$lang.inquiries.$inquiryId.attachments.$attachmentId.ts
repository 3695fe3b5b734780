import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireInquiryViewer } from "~/modules/access/inquiry.server";
import { getAttachment } from "~/modules/inquiry/thread.server";
import { notFound } from "~/utils/http.server";

/**
 * An attachment's bytes, for the thread's parties (and bureau staff once it
 * is reported). Served with the sniffed type, as a download unless it is an
 * image or a PDF, and sandboxed so a crafted file cannot run script here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const viewer = await requireInquiryViewer(request, params.inquiryId ?? "");
  const attachment = await getAttachment(viewer, params.attachmentId ?? "");
  if (!attachment) notFound();
  const encoded = encodeURIComponent(attachment.fileName);
  return new Response(new Uint8Array(attachment.bytes), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.bytes.byteLength),
      "Content-Disposition": `inline; filename="${encoded}"; filename*=UTF-8''${encoded}`,
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
