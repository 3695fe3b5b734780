import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireProblemViewer } from "~/modules/access/problem.server";
import { getProblemAttachment } from "~/modules/problem/problem.server";
import { notFound } from "~/utils/http.server";

/**
 * A problem's attachment, for the firm that raised it and the bureau (an
 * internal note's files: the bureau only). Served with the sniffed type and
 * sandboxed, as the inquiry attachments are.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const viewer = await requireProblemViewer(request, params.problemId);
  const attachment = await getProblemAttachment(viewer, params.attachmentId ?? "");
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
