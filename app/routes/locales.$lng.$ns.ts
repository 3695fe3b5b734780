import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isLocale, namespaces, type Namespace } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { i18nVersion } from "~/i18n/version.server";

/** Translation resources for the browser, cached for a year per version. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  if (!isLocale(lng) || !(namespaces as readonly string[]).includes(ns ?? "")) {
    return json({}, { status: 404 });
  }
  const versioned = new URL(request.url).searchParams.get("v") === i18nVersion;
  return json(resources[lng][ns as Namespace], {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
