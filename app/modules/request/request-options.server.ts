import type { Locale } from "~/i18n/config";
import { certificationOptions } from "~/modules/reference/certifications.server";
import { countryOptions } from "~/modules/reference/countries.server";
import { quantityUnits, quantityUnitName } from "~/modules/reference/units";

/** The choices the request form offers, named in the reader's language. */
export async function requestFormOptions(locale: Locale) {
  return {
    countries: countryOptions(locale),
    certifications: await certificationOptions(locale),
    units: quantityUnits.map((unit) => ({ value: unit.key, label: quantityUnitName(unit.key, locale) })),
  };
}
