import { validCertificateCodes, type HeldCertificate } from "~/modules/reference/certificate-validity";
import type { TargetingRules } from "./rules";

/**
 * The one evaluation of a notice's targeting rules against a firm's profile,
 * used by the bureau's audience preview, the sending, and the firm's
 * "policies for me" page (no second copy in SQL). Pure: the profile is
 * read by notice/profiles.server.ts.
 */
export interface FirmTargetProfile {
  firmId: string;
  townId: string | null;
  clusterId: string | null;
  /** HS codes of the firm's products (any length; compared by prefix). */
  hsCodes: readonly string[];
  /** ISO 3166-1 alpha-2 (Firm.exportMarkets). */
  exportMarkets: readonly string[];
  /** Certification codes with their validity (Firm.certifications). */
  certifications: readonly HeldCertificate[];
  sizeBand: string | null;
  verified: boolean;
}

/**
 * Why a notice concerns the firm: a translation key of the `notices`
 * namespace (reason.*) and its parameters, as codes and ids the page names
 * in the reader's language (reasons.server.ts).
 */
export type TargetReason =
  | { key: "town"; params: { townId: string } }
  | { key: "cluster"; params: { clusterId: string } }
  | { key: "hs"; params: { code: string } }
  | { key: "market"; params: { country: string } }
  | { key: "certificationHeld"; params: { code: string } }
  | { key: "certificationMissing"; params: { code: string } }
  | { key: "size"; params: { band: string } }
  | { key: "verified"; params: Record<string, never> }
  | { key: "unverified"; params: Record<string, never> }
  | { key: "everyone"; params: Record<string, never> };

export type TargetResult = { match: true; reasons: TargetReason[] } | { match: false; failed: TargetReason["key"][] };

/** Certifications held on `today` (an expired one is not held). */
export function heldCertifications(profile: Pick<FirmTargetProfile, "certifications">, today: string): Set<string> {
  return new Set(validCertificateCodes(profile.certifications, today).map((code) => code.toUpperCase()));
}

/**
 * Whether the rules match the firm, with one reason per criterion that
 * matched (or the criteria that failed). `today` (YYYY-MM-DD in Zhongshan) decides
 * which certifications are still valid.
 */
export function evaluateTargeting(rules: TargetingRules, profile: FirmTargetProfile, today: string): TargetResult {
  const reasons: TargetReason[] = [];
  const failed: TargetReason["key"][] = [];

  if (rules.townIds.length) {
    if (profile.townId && rules.townIds.includes(profile.townId)) reasons.push({ key: "town", params: { townId: profile.townId } });
    else failed.push("town");
  }
  if (rules.clusterIds.length) {
    if (profile.clusterId && rules.clusterIds.includes(profile.clusterId)) reasons.push({ key: "cluster", params: { clusterId: profile.clusterId } });
    else failed.push("cluster");
  }
  if (rules.hsCodes.length) {
    const code = rules.hsCodes.find((prefix) => profile.hsCodes.some((hs) => hs.startsWith(prefix)));
    if (code) reasons.push({ key: "hs", params: { code } });
    else failed.push("hs");
  }
  if (rules.markets.length) {
    const markets = new Set(profile.exportMarkets.map((market) => market.toUpperCase()));
    const country = rules.markets.find((market) => markets.has(market));
    if (country) reasons.push({ key: "market", params: { country } });
    else failed.push("market");
  }
  const needsCerts = rules.certificationsHeld.length > 0 || rules.certificationsMissing.length > 0;
  const held = needsCerts ? heldCertifications(profile, today) : new Set<string>();
  if (rules.certificationsHeld.length) {
    const code = rules.certificationsHeld.find((wanted) => held.has(wanted));
    if (code) reasons.push({ key: "certificationHeld", params: { code } });
    else failed.push("certificationHeld");
  }
  if (rules.certificationsMissing.length) {
    // The notice is for firms that still lack one of these (e.g. how to get INMETRO).
    const code = rules.certificationsMissing.find((wanted) => !held.has(wanted));
    if (code) reasons.push({ key: "certificationMissing", params: { code } });
    else failed.push("certificationMissing");
  }
  if (rules.sizeBands.length) {
    if (profile.sizeBand && (rules.sizeBands as readonly string[]).includes(profile.sizeBand)) reasons.push({ key: "size", params: { band: profile.sizeBand } });
    else failed.push("size");
  }
  if (rules.verified === "verified") {
    if (profile.verified) reasons.push({ key: "verified", params: {} });
    else failed.push("verified");
  } else if (rules.verified === "unverified") {
    if (!profile.verified) reasons.push({ key: "unverified", params: {} });
    else failed.push("unverified");
  }

  if (failed.length) return { match: false, failed };
  if (!reasons.length) reasons.push({ key: "everyone", params: {} });
  return { match: true, reasons };
}

/** The firms of `profiles` the rules match, each with its reasons. */
export function selectAudience(rules: TargetingRules, profiles: Iterable<FirmTargetProfile>, today: string) {
  const matched: { firmId: string; reasons: TargetReason[] }[] = [];
  for (const profile of profiles) {
    const result = evaluateTargeting(rules, profile, today);
    if (result.match) matched.push({ firmId: profile.firmId, reasons: result.reasons });
  }
  return matched;
}
