import { redirect } from "@remix-run/node";
import { defaultLocale, defaultPortuguese, isPortuguese, localeFromTag, looksLikeLocale, matchLocale, supportedLocales, type Locale } from "./config";
import { localeCookie } from "./locale-cookie.server";

/**
 * The language of a request, decided here and nowhere else (the document's
 * i18next instance in entry.server, the root loader, `/` and remix-i18next all
 * ask this): the URL's first segment, then the language the visitor last
 * picked (cookie), then Accept-Language, then the default. Never throws.
 */
export async function requestLocale(request: Request): Promise<Locale> {
  const segment = safeDecode(new URL(request.url).pathname.split("/")[1]);
  return matchLocale(segment) ?? (await preferredLocale(request).catch(() => defaultLocale));
}

/**
 * The locale the URL names in its canonical spelling (`/pt-BR/...`), which is
 * the visitor's choice (the language switcher links there); else undefined.
 */
export function urlLocale(request: Request): Locale | undefined {
  const segment = safeDecode(new URL(request.url).pathname.split("/")[1]);
  const locale = matchLocale(segment);
  return locale && locale === segment ? locale : undefined;
}

/** The locale of a request whose URL carries none: cookie, then Accept-Language. */
async function preferredLocale(request: Request): Promise<Locale> {
  const cookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  const fromCookie = matchLocale(typeof cookie === "string" ? cookie : undefined);
  const fromBrowser = localeFromAcceptLanguage(request.headers.get("Accept-Language"));
  // A cookie from before the two variants says "pt": the browser may say which.
  if (cookie === "pt" && fromBrowser && isPortuguese(fromBrowser)) return fromBrowser;
  return fromCookie ?? fromBrowser ?? defaultLocale;
}

/**
 * The best supported locale of an Accept-Language header, by quality, with
 * regional tags mapped (pt-AO → pt-PT, zh-MO → zh-Hant; see localeFromTag).
 */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return undefined;
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
  const target = (match && isPortuguese(match) ? await portugueseFor(request, decoded) : match) ?? (await preferredLocale(request));
  const tail = match || looksLikeLocale(decoded) ? rest : url.pathname.slice(1);
  // 308 keeps a form's method and body; GETs keep the 301 every client knows.
  const status = match ? (request.method === "GET" || request.method === "HEAD" ? 301 : 308) : 302;
  throw redirect(`/${target}${tail ? `/${tail}` : ""}${url.search}`, {
    status,
    headers: match && decoded?.toLowerCase() === "pt" ? { Vary: "Accept-Language, Cookie" } : undefined,
  });
}

/**
 * Which variant a retired `/pt/...` URL leads to: the Portuguese this visitor
 * already chose or their browser asks for, else the default (README). Any
 * other spelling of a variant ("pt-br") keeps its variant.
 */
async function portugueseFor(request: Request, segment: string | undefined): Promise<Locale | undefined> {
  const named = matchLocale(segment);
  if (segment?.toLowerCase() !== "pt") return named;
  const preferred = await preferredLocale(request).catch(() => undefined);
  return preferred && isPortuguese(preferred) ? preferred : named;
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
    // A search engine's reader whose Portuguese has no region gets the default variant.
    { hrefLang: "pt", href: href(defaultPortuguese) },
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
  const locale = urlLocale(request);
  if (!locale) return;
  const current = await localeCookie.parse(request.headers.get("Cookie")).catch(() => null);
  if (current !== locale) headers.append("Set-Cookie", await localeCookie.serialize(locale));
}
