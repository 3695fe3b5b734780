import { buyerLanguageChoices } from "~/modules/buyer/buyer.schema";
import { languageName } from "~/modules/reference/languages.server";
import { localeTags, type Locale } from "~/i18n/config";
import { DateTime } from "luxon";
import { editionDays, suggestedTimeZones } from "./registration.schema";
import { isValidTimeZone } from "./local-hours";

/** The registration form's choices in the reader's language: the fair's days, zones (Portuguese-speaking ones first), languages. */
export function registrationOptions(edition: { startsOn: string; endsOn: string }, locale: Locale) {
  const tag = localeTags[locale];
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const suggested = new Set<string>(suggestedTimeZones);
  const zones = [...suggestedTimeZones, ...all.filter((zone) => !suggested.has(zone) && zone.includes("/") && isValidTimeZone(zone))];
  const dayFormat = new Intl.DateTimeFormat(tag, { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" });
  return {
    days: editionDays(edition.startsOn, edition.endsOn).map((day) => ({ value: day, label: dayFormat.format(new Date(`${day}T00:00:00Z`)) })),
    timeZones: zones.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, " ")} (UTC${DateTime.now().setZone(zone).toFormat("ZZ")})` })),
    languages: buyerLanguageChoices.map((code) => ({ value: code, label: languageName(code, tag) })),
  };
}
