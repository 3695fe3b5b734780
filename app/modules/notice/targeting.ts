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

type Outcome = TargetReason | { failed: TargetReason["key"] };

/**
 * One criterion of the rules, defined once: whether the rules use it, how it
 * judges a firm's profile, and, where the same rule can be said exactly over
 * the "Firm" table (alias f), the SQL that says it (targeting-sql.ts builds
 * the audience query from these, so the two cannot drift apart; a test
 * compares them on a generated population). A criterion without `sql` is
 * judged here only (certificates, whose validity depends on the day).
 */
export interface Criterion {
  applies(rules: TargetingRules): boolean;
  evaluate(rules: TargetingRules, profile: FirmTargetProfile, held: () => Set<string>): Outcome;
  /** A boolean SQL expression; `param` adds a bound parameter and returns its placeholder. */
  sql?(rules: TargetingRules, param: (value: unknown) => string): string;
}

const failed = (key: TargetReason["key"]): Outcome => ({ failed: key });

export const criteria: readonly Criterion[] = [
  {
    applies: (rules) => rules.townIds.length > 0,
    evaluate: (rules, profile) => (profile.townId && rules.townIds.includes(profile.townId) ? { key: "town", params: { townId: profile.townId } } : failed("town")),
    sql: (rules, param) => `f."townId" = ANY(${param(rules.townIds)}::text[])`,
  },
  {
    applies: (rules) => rules.clusterIds.length > 0,
    evaluate: (rules, profile) =>
      profile.clusterId && rules.clusterIds.includes(profile.clusterId) ? { key: "cluster", params: { clusterId: profile.clusterId } } : failed("cluster"),
    sql: (rules, param) => `f."clusterId" = ANY(${param(rules.clusterIds)}::text[])`,
  },
  {
    // Profiles carry the products' headings (4 digits); rules name chapters or headings, compared by prefix.
    applies: (rules) => rules.hsCodes.length > 0,
    evaluate: (rules, profile) => {
      const code = rules.hsCodes.find((prefix) => profile.hsCodes.some((hs) => hs.startsWith(prefix)));
      return code ? { key: "hs", params: { code } } : failed("hs");
    },
    sql: (rules, param) =>
      `EXISTS (SELECT 1 FROM "Product" p, unnest(${param(rules.hsCodes)}::text[]) AS c(prefix) WHERE p."firmId" = f."id" AND starts_with(left(p."hsCode", 4), c.prefix))`,
  },
  {
    applies: (rules) => rules.markets.length > 0,
    evaluate: (rules, profile) => {
      const markets = new Set(profile.exportMarkets.map((market) => market.toUpperCase()));
      const country = rules.markets.find((market) => markets.has(market));
      return country ? { key: "market", params: { country } } : failed("market");
    },
    // The array upper-cased as its text form (quoting untouched) and read back: one overlap test per firm.
    sql: (rules, param) => `upper(f."exportMarkets"::text)::text[] && ${param(rules.markets)}::text[]`,
  },
  {
    applies: (rules) => rules.certificationsHeld.length > 0,
    evaluate: (rules, _profile, held) => {
      const code = rules.certificationsHeld.find((wanted) => held().has(wanted));
      return code ? { key: "certificationHeld", params: { code } } : failed("certificationHeld");
    },
  },
  {
    // The notice is for firms that still lack one of these (e.g. how to get INMETRO).
    applies: (rules) => rules.certificationsMissing.length > 0,
    evaluate: (rules, _profile, held) => {
      const code = rules.certificationsMissing.find((wanted) => !held().has(wanted));
      return code ? { key: "certificationMissing", params: { code } } : failed("certificationMissing");
    },
  },
  {
    applies: (rules) => rules.sizeBands.length > 0,
    evaluate: (rules, profile) =>
      profile.sizeBand && (rules.sizeBands as readonly string[]).includes(profile.sizeBand) ? { key: "size", params: { band: profile.sizeBand } } : failed("size"),
    sql: (rules, param) => `f."employeesBand" = ANY(${param(rules.sizeBands)}::text[])`,
  },
  {
    applies: (rules) => rules.verified !== "any",
    evaluate: (rules, profile) => {
      if (rules.verified === "verified") return profile.verified ? { key: "verified", params: {} } : failed("verified");
      return !profile.verified ? { key: "unverified", params: {} } : failed("unverified");
    },
    sql: (rules) => (rules.verified === "verified" ? `f."verification" = 'VERIFIED'` : `f."verification" <> 'VERIFIED'`),
  },
];

/**
 * Whether the rules match the firm, with one reason per criterion that
 * matched (or the criteria that failed). `today` (YYYY-MM-DD in Zhongshan) decides
 * which certifications are still valid.
 */
export function evaluateTargeting(rules: TargetingRules, profile: FirmTargetProfile, today: string): TargetResult {
  const reasons: TargetReason[] = [];
  const failedKeys: TargetReason["key"][] = [];
  let heldCodes: Set<string> | undefined;
  const held = () => (heldCodes ??= heldCertifications(profile, today));
  for (const criterion of criteria) {
    if (!criterion.applies(rules)) continue;
    const outcome = criterion.evaluate(rules, profile, held);
    if ("failed" in outcome) failedKeys.push(outcome.failed);
    else reasons.push(outcome);
  }
  if (failedKeys.length) return { match: false, failed: failedKeys };
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
