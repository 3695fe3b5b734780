import { z } from "zod";

/**
 * The bureau's edits of reference data (pure: schemas and the rules a
 * change must keep). Names are the Chinese, English and Portuguese names;
 * a name may not be blanked in Chinese or English (imports and pages name
 * the record by them).
 */
export const referenceKinds = ["town", "cluster", "certification"] as const;

const requiredName = z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(80, "validation:tooLong");
const optionalName = z.string().trim().max(80, "validation:tooLong").optional();

export const MAX_HS_HEADINGS = 30;

/** "9405, 8513 9405" → ["8513", "9405"]: four-digit headings, each once, sorted. */
export function parseHsHeadings(text: string): { headings: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;，；、]+/u)
    .map((part) => part.normalize("NFKC").replace(/\./g, ""))
    .filter(Boolean);
  const invalid = parts.filter((part) => !/^\d{4}$/.test(part));
  return { headings: [...new Set(parts.filter((part) => /^\d{4}$/.test(part)))].sort(), invalid };
}

export const RenameSchema = z.object({
  intent: z.literal("rename"),
  kind: z.enum(["town", "cluster"]),
  id: z.string().min(1).max(64),
  nameZh: requiredName,
  nameEn: requiredName,
  namePt: optionalName,
  hsHeadings: z
    .string()
    .max(400, "validation:tooLong")
    .optional()
    .superRefine((value, context) => {
      if (!value) return;
      const { headings, invalid } = parseHsHeadings(value);
      if (invalid.length) context.addIssue({ code: "custom", message: `reference:errors.hsHeadingInvalid|value=${invalid[0].slice(0, 20)}` });
      if (headings.length > MAX_HS_HEADINGS) context.addIssue({ code: "custom", message: "validation:tooLong" });
    }),
});

export const AddAliasSchema = z.object({
  intent: z.literal("addAlias"),
  kind: z.enum(referenceKinds),
  id: z.string().min(1).max(64),
  alias: z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(100, "validation:tooLong"),
});

export const RenameAliasSchema = z.object({
  intent: z.literal("renameAlias"),
  aliasId: z.string().min(1).max(64),
  alias: z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(100, "validation:tooLong"),
});

export const RetireAliasSchema = z.object({
  intent: z.literal("retireAlias"),
  aliasId: z.string().min(1).max(64),
  /** The row's form sends its text field along; retiring ignores it. */
  alias: z.string().max(200).optional(),
});

/** A town's or cluster's code: the slug its pages and imports use ("guzhen"). */
const slug = z
  .string({ required_error: "validation:required" })
  .trim()
  .toLowerCase()
  .min(2, "validation:required")
  .max(40, "validation:tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "reference:errors.slugInvalid");

export const townDesignations = ["provincialSpecialtyTown", "nationalBase"] as const;
export type TownDesignation = (typeof townDesignations)[number];

const designationFields = {
  designation: z.enum(townDesignations).optional(),
  designatedBy: z.string().trim().max(120, "validation:tooLong").optional(),
};

export const AddTownSchema = z.object({ intent: z.literal("addTown"), slug, nameZh: requiredName, nameEn: requiredName, namePt: optionalName, ...designationFields });

export const AddClusterSchema = z.object({
  intent: z.literal("addCluster"),
  slug,
  nameZh: requiredName,
  nameEn: requiredName,
  namePt: optionalName,
  townId: z.string().max(64).optional(),
  hsHeadings: RenameSchema.shape.hsHeadings,
});

export const RemoveReferenceSchema = z.object({ intent: z.literal("removeReference"), kind: z.enum(["town", "cluster"]), id: z.string().min(1).max(64) });

export const DesignateTownSchema = z.object({
  intent: z.literal("designate"),
  id: z.string().min(1).max(64),
  ...designationFields,
  specialtyZh: optionalName,
  specialtyEn: optionalName,
  specialtyPt: optionalName,
});

/** Region codes a certification may matter for besides countries. */
export const MARKET_REGIONS = ["EU"] as const;
export const MAX_MARKETS = 60;
export const MAX_REMINDER_DAYS = 5;

/** "br, PT；EU" → ["BR", "EU", "PT"]: codes upper-cased, each once, sorted; those `isKnown` refuses listed apart. */
export function parseMarkets(text: string, isKnown: (code: string) => boolean): { markets: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;，；、]+/u)
    .map((part) => part.normalize("NFKC").toUpperCase())
    .filter(Boolean);
  const known = (code: string) => (MARKET_REGIONS as readonly string[]).includes(code) || (/^[A-Z]{2}$/.test(code) && isKnown(code));
  return { markets: [...new Set(parts.filter(known))].sort(), invalid: parts.filter((part) => !known(part)) };
}

/** "60, 15" → [60, 15]: whole days from 1 to 365, each once, largest first. */
export function parseReminderDays(text: string): { days: number[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;，；、]+/u)
    .map((part) => part.normalize("NFKC"))
    .filter(Boolean);
  const valid = (part: string) => /^\d{1,3}$/.test(part) && Number(part) >= 1 && Number(part) <= 365;
  return { days: [...new Set(parts.filter(valid).map(Number))].sort((a, b) => b - a), invalid: parts.filter((part) => !valid(part)) };
}

export const CertificationRulesSchema = z.object({
  intent: z.literal("certificationRules"),
  id: z.string().min(1).max(64),
  /** Checked against the country list by the service (this module stays free of it). */
  markets: z.string().max(400, "validation:tooLong").optional(),
  validityMonths: z.coerce.number({ invalid_type_error: "validation:invalid" }).int("validation:invalid").min(1, "validation:invalid").max(240, "validation:invalid").optional(),
  expiryRequired: z.literal("on").optional(),
  reminderDays: z
    .string()
    .max(100, "validation:tooLong")
    .optional()
    .superRefine((value, context) => {
      if (!value) return;
      const { days, invalid } = parseReminderDays(value);
      if (invalid.length) context.addIssue({ code: "custom", message: `reference:errors.reminderDaysInvalid|value=${invalid[0].slice(0, 20)}` });
      if (days.length > MAX_REMINDER_DAYS) context.addIssue({ code: "custom", message: "validation:tooLong" });
    }),
});

/** What uses a town or cluster; removing it is refused while any count is above zero (nothing is orphaned). */
export interface ReferenceUsage {
  firms: number;
  clusters: number;
  notices: number;
  calls: number;
  pending: number;
}

export function usageTotal(usage: ReferenceUsage): number {
  return usage.firms + usage.clusters + usage.notices + usage.calls + usage.pending;
}

export const intents = ["rename", "addAlias", "renameAlias", "retireAlias", "addTown", "addCluster", "removeReference", "designate", "certificationRules"] as const;
export type Intent = (typeof intents)[number];

export const schemaOf = {
  rename: RenameSchema,
  addAlias: AddAliasSchema,
  renameAlias: RenameAliasSchema,
  retireAlias: RetireAliasSchema,
  addTown: AddTownSchema,
  addCluster: AddClusterSchema,
  removeReference: RemoveReferenceSchema,
  designate: DesignateTownSchema,
  certificationRules: CertificationRulesSchema,
} as const;

/** The id of the form an intent belongs to, so that only that form shows the reply (and keeps what was typed). */
export function formIdOf(intent: Intent, target: { kind?: string; id?: string; aliasId?: string }): string {
  if (intent === "rename") return `rename-${target.kind}-${target.id}`;
  if (intent === "addAlias") return `alias-${target.kind}-${target.id}`;
  if (intent === "addTown" || intent === "addCluster") return intent;
  if (intent === "removeReference") return `remove-${target.kind}-${target.id}`;
  if (intent === "designate") return `designate-${target.id}`;
  if (intent === "certificationRules") return `rules-${target.id}`;
  return `alias-${target.aliasId}`;
}
