import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requestLocale } from "~/i18n/locale.server";

/** `/` sends each visitor to the home page in their language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request);
  return redirect(`/${locale}`, {
    headers: { Vary: "Accept-Language, Cookie", "Cache-Control": "private, no-cache" },
  });
}
