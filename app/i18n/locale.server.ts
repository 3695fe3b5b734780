import { redirect } from "@remix-run/node";
import { defaultLocale, looksLikeLocale, matchLocale, supportedLocales, type Locale } from "./config";
import { localeFromAcceptLanguage } from "./i18next.server";
import { localeCookie } from "./locale-cookie.server";

/** The locale of a request whose URL may not carry one: cookie, then Accept-Language. */
export async function preferredLocale(request: Request): Promise<Locale> {
  const fromCookie = matchLocale((await localeCookie.parse(request.headers.get("Cookie"))) ?? undefined);
  return fromCookie ?? localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLocale;
}

/** The locale in the URL, or the preferred one. Never throws. */
export async function requestLocale(request: Request): Promise<Locale> {
  const segment = safeDecode(new URL(request.url).pathname.split("/")[1]);
  return matchLocale(segment) ?? (await preferredLocale(request).catch(() => defaultLocale));
}

/**
 * Validates the `$lang` segment of a URL. A supported locale in another case
 * is redirected to its canonical spelling; an unsupported one ("de") to the
 * visitor's preferred locale; a path without locale ("/login") gets one.
 */
export async function requireUrlLocale(request: Request, lang: string | undefined): Promise<Locale> {
  const decoded = safeDecode(lang);
  const match = matchLocale(decoded);
  if (match && match === decoded) return match;
  const url = new URL(request.url);
  const rest = url.pathname.split("/").slice(2).join("/");
  const target = match ?? (await preferredLocale(request));
  const tail = match || looksLikeLocale(decoded) ? rest : url.pathname.slice(1);
  throw redirect(`/${target}${tail ? `/${tail}` : ""}${url.search}`, { status: match ? 301 : 302 });
}

/** Alternate URLs of a page in every locale (hreflang), absolute. */
export function alternateUrls(request: Request, publicUrl?: string) {
  const url = new URL(request.url);
  const origin = publicUrl ? new URL(publicUrl).origin : url.origin;
  const segments = url.pathname.split("/");
  if (!matchLocale(safeDecode(segments[1]))) return [];
  const rest = segments.slice(2).join("/");
  const href = (locale: string) => `${origin}/${locale}${rest ? `/${rest}` : ""}`;
  return [
    ...supportedLocales.map((locale) => ({ hrefLang: locale, href: href(locale) })),
    { hrefLang: "x-default", href: href(defaultLocale) },
  ];
}

function safeDecode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A page viewed in a language (the URL says which) makes that language the
 * one `/` and locale-less links use next time. Documents only, so data
 * requests and API calls never set cookies.
 */
export async function rememberUrlLocale(request: Request, headers: Headers) {
  const segment = safeDecode(new URL(request.url).pathname.split("/")[1]);
  const locale = matchLocale(segment);
  if (!locale || locale !== segment) return;
  const current = await localeCookie.parse(request.headers.get("Cookie")).catch(() => null);
  if (current !== locale) headers.append("Set-Cookie", await localeCookie.serialize(locale));
}
