import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { requireUser } from "~/modules/access/user.server";
import { exportFileName } from "~/modules/privacy/export-bundle";
import { personalDataZip } from "~/modules/privacy/export.server";

/** The signed-in person downloads everything Ponte holds about them: data.json and their files, in a ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUrlLocale(request, params.lang);
  const user = await requireUser(request);
  const stream = await personalDataZip(user.id);
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFileName(new Date(), "zip")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
