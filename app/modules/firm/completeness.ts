/**
 * How complete a firm's profile is in each language, and what to add. Pure:
 * the page and its tests feed it the stored record. Structured facts count
 * for every language (they are shown translated); names, descriptions and
 * addresses count only in the language they are written in.
 */
import { asLocalizedText } from "~/modules/i18n-text/localized-text";
import { authoredLocales, type AuthoredLocale } from "./firm-vocabulary";

export const structuredItems = [
  "town",
  "cluster",
  "foundedYear",
  "employeesBand",
  "businessTypes",
  "certifications",
  "exportMarkets",
  "languages",
  "salesChannels",
  "contacts",
  "contactChannel",
  "logo",
] as const;
export const textItems = ["name", "description", "address"] as const;
export type CompletenessItem = (typeof structuredItems)[number] | (typeof textItems)[number];

export interface FirmForCompleteness {
  name: unknown;
  description: unknown;
  address: unknown;
  townId: string | null;
  clusterId: string | null;
  foundedYear: number | null;
  employeesBand: string | null;
  businessTypes: string[];
  certifications: unknown;
  exportMarkets: string[];
  languages: string[];
  salesChannels: string[];
  contacts: unknown;
  website: string | null;
  email: string | null;
  phone: string | null;
  logoKey: string | null;
}

/** The fields completeness reads, for a Prisma `select`. */
export const completenessSelect = {
  name: true,
  description: true,
  address: true,
  townId: true,
  clusterId: true,
  foundedYear: true,
  employeesBand: true,
  businessTypes: true,
  certifications: true,
  exportMarkets: true,
  languages: true,
  salesChannels: true,
  contacts: true,
  website: true,
  email: true,
  phone: true,
  logoKey: true,
} as const satisfies Record<keyof FirmForCompleteness, true>;

export interface LanguageCompleteness {
  locale: AuthoredLocale;
  /** 0–100, rounded down: 100 only when nothing is missing. */
  percent: number;
  missing: CompletenessItem[];
}

function hasStructured(firm: FirmForCompleteness, item: (typeof structuredItems)[number]): boolean {
  switch (item) {
    case "town":
      return !!firm.townId;
    case "cluster":
      return !!firm.clusterId;
    case "foundedYear":
      return firm.foundedYear !== null;
    case "employeesBand":
      return !!firm.employeesBand;
    case "businessTypes":
      return firm.businessTypes.length > 0;
    case "certifications":
      return Array.isArray(firm.certifications) && firm.certifications.length > 0;
    case "exportMarkets":
      return firm.exportMarkets.length > 0;
    case "languages":
      return firm.languages.length > 0;
    case "salesChannels":
      return firm.salesChannels.length > 0;
    case "contacts":
      return Array.isArray(firm.contacts) && firm.contacts.length > 0;
    case "contactChannel":
      return !!(firm.website || firm.email || firm.phone);
    case "logo":
      return !!firm.logoKey;
  }
}

export function firmCompleteness(firm: FirmForCompleteness): LanguageCompleteness[] {
  const missingStructured = structuredItems.filter((item) => !hasStructured(firm, item));
  const texts = { name: asLocalizedText(firm.name), description: asLocalizedText(firm.description), address: asLocalizedText(firm.address) };
  const total = structuredItems.length + textItems.length;
  return authoredLocales.map((locale) => {
    const missingText = textItems.filter((item) => !texts[item][locale]);
    const missing: CompletenessItem[] = [...missingText, ...missingStructured];
    return { locale, percent: Math.floor(((total - missing.length) / total) * 100), missing };
  });
}
