import type { Request } from "express";
import { defaultLocale, matchLocale, type Locale } from "~/i18n/config";
import { localeFromAcceptLanguage } from "~/i18n/locale.server";
import { resources } from "~/i18n/resources";

export type RequestRefusal = "tooLarge" | "lengthRequired" | "badLength" | "controlCharacters" | "badPath" | "uriTooLong" | "crossSite" | "missingOrigin" | "badOrigin" | "notFound";

/** The reader's locale for a refusal made before Remix runs: the URL's first segment, then Accept-Language. */
function refusalLocale(req: Request): Locale {
  let segment: string | undefined;
  try {
    segment = decodeURIComponent(req.path.split("/")[1] ?? "");
  } catch {
    segment = undefined;
  }
  return matchLocale(segment) ?? localeFromAcceptLanguage(req.get("Accept-Language") ?? null) ?? defaultLocale;
}

/** The refusal's message in the reader's language (common:errors.request.*). */
export function refusalMessage(req: Request, code: RequestRefusal): { locale: Locale; message: string } {
  const locale = refusalLocale(req);
  const errors = resources[locale].common.errors as Record<string, Record<string, string>>;
  const english = resources[defaultLocale].common.errors as Record<string, Record<string, string>>;
  return { locale, message: errors.request?.[code] ?? english.request[code] };
}
