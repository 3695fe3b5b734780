import { redirect } from "@remix-run/node";
import { defaultLocale, matchLocale } from "~/i18n/config";

/** The responses the access rules (modules/access) throw when no one, or someone, is signed in. */
function localeOfPath(request: Request) {
  return matchLocale(new URL(request.url).pathname.split("/")[1]) ?? defaultLocale;
}

/** To the sign-in page, coming back here afterwards. */
export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  // A form post can't be replayed after sign-in: come back to the page instead.
  const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
  const params = new URLSearchParams({ redirectTo: back });
  return redirect(`/${localeOfPath(request)}/login?${params}`);
}

/** A signed-in user on a page for anonymous visitors (sign-in, register): to their account. */
export function accountRedirect(request: Request) {
  return redirect(`/${localeOfPath(request)}/account`);
}
