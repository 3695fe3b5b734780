import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUrlLocale } from "~/i18n/locale.server";

/** Every page lives under its locale: /zh-CN/..., /en/..., /pt/... */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await requireUrlLocale(request, params.lang);
  return json({ locale });
}

export default function LocaleLayout() {
  return <Outlet />;
}
