import { certificationsForMarket, EU_MEMBERS, type CertificationRules } from "~/modules/reference/certificate-validity";
import type { MarketCertifications } from "./score";

/**
 * The certifications that matter in a request's markets, by the bureau's
 * rules (the `Certification` rows' markets; the EU's members for "EU"):
 * its destination first, then the buyer's own country. Pure; score.ts
 * counts those the product validly holds as a reason ("INMETRO — required
 * for Brazil").
 */
export function marketCertifications(
  countries: { destinationCountry: string | null; buyerCountry: string | null },
  rules: CertificationRules,
  euMembers: ReadonlySet<string> = EU_MEMBERS,
): MarketCertifications[] {
  const all = [...rules.keys()];
  const markets = [...new Set([countries.destinationCountry, countries.buyerCountry].filter((code): code is string => Boolean(code)))];
  return markets.map((country) => ({ country, codes: certificationsForMarket(all, country, rules, euMembers) })).filter((market) => market.codes.length > 0);
}
