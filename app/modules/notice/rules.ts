import { z } from "zod";
import { employeeBands } from "~/modules/firm/firm-vocabulary";

/**
 * A notice's targeting rules, stored as JSON on the notice and validated by
 * this schema wherever they are read or written. Every criterion given must
 * hold (AND); within a criterion any value will do (OR). No criterion at all
 * means every firm.
 */
export const MAX_RULE_VALUES = 60;

const ids = z.array(z.string().trim().min(1).max(64)).max(MAX_RULE_VALUES);
const codes = (pattern: RegExp) => z.array(z.string().trim().toUpperCase().regex(pattern, "notices:errors.rules")).max(MAX_RULE_VALUES);

export const verifiedRules = ["any", "verified", "unverified"] as const;

export const TargetingRulesSchema = z
  .object({
    townIds: ids.default([]),
    clusterIds: ids.default([]),
    /** HS chapters (2 digits) or headings (4 digits): a firm matches when one of its products falls under one. */
    hsCodes: z.array(z.string().trim().regex(/^(\d{2}|\d{4})$/, "notices:errors.hsCode")).max(MAX_RULE_VALUES).default([]),
    /** ISO 3166-1 alpha-2 countries a firm exports to (Firm.exportMarkets). */
    markets: codes(/^[A-Z]{2}$/).default([]),
    certificationsHeld: codes(/^[A-Z0-9-]{1,20}$/).default([]),
    certificationsMissing: codes(/^[A-Z0-9-]{1,20}$/).default([]),
    sizeBands: z.array(z.enum(employeeBands)).max(employeeBands.length).default([]),
    verified: z.enum(verifiedRules).default("any"),
  })
  .strict();

export type TargetingRules = z.infer<typeof TargetingRulesSchema>;

export const emptyRules: TargetingRules = TargetingRulesSchema.parse({});

/** Stored rules, read defensively: anything malformed targets nobody rather than everybody. */
export function readRules(value: unknown): TargetingRules | null {
  const parsed = TargetingRulesSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : null;
}

/** Whether the rules narrow the audience at all (none: every firm). */
export function hasCriteria(rules: TargetingRules): boolean {
  return (
    rules.townIds.length > 0 ||
    rules.clusterIds.length > 0 ||
    rules.hsCodes.length > 0 ||
    rules.markets.length > 0 ||
    rules.certificationsHeld.length > 0 ||
    rules.certificationsMissing.length > 0 ||
    rules.sizeBands.length > 0 ||
    rules.verified !== "any"
  );
}
