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

export const intents = ["rename", "addAlias", "renameAlias", "retireAlias"] as const;
export type Intent = (typeof intents)[number];

export const schemaOf = { rename: RenameSchema, addAlias: AddAliasSchema, renameAlias: RenameAliasSchema, retireAlias: RetireAliasSchema } as const;

/** The id of the form an intent belongs to, so that only that form shows the reply (and keeps what was typed). */
export function formIdOf(intent: Intent, target: { kind?: string; id?: string; aliasId?: string }): string {
  if (intent === "rename") return `rename-${target.kind}-${target.id}`;
  if (intent === "addAlias") return `alias-${target.kind}-${target.id}`;
  return `alias-${target.aliasId}`;
}
