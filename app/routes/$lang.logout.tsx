import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUrlLocale } from "~/i18n/locale.server";
import { endSession } from "~/utils/session.server";

/** Signing out is a POST: a link or an image can't sign anybody out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  const cookie = await endSession(request);
  return redirect(`/${locale}`, { headers: { "Set-Cookie": cookie } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  return redirect(`/${locale}/account`);
}
