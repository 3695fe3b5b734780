import { IANAZone } from "luxon";
import { z } from "zod";
import { calendarDay } from "~/utils/query";

/**
 * A fair edition as the bureau writes it: names in the three authored
 * languages, the city and venue, the calendar days where the fair is held
 * (in the venue's time zone) and the phases of fairs that have them (the
 * Canton Fair's three). Messages are translation keys of `delegation`.
 */

export const MAX_PHASES = 6;
/** Product categories of a phase, per language, separated by ";" or "；". */
export const MAX_CATEGORIES = 20;

/** The zones the form offers first; any valid IANA zone is accepted. */
export const commonFairTimeZones = ["Asia/Macau", "Asia/Shanghai", "Asia/Hong_Kong", "Europe/Lisbon", "America/Sao_Paulo", "Africa/Luanda", "Africa/Maputo"] as const;

const dayField = z
  .string({ required_error: "validation:required" })
  .trim()
  .min(1, "validation:required")
  .refine((value) => calendarDay.safeParse(value).success, "delegation:errors.date");

const text = (max: number) => z.string().trim().max(max, "delegation:errors.tooLong").optional();
const requiredText = (max: number) => z.string({ required_error: "validation:required" }).trim().min(1, "validation:required").max(max, "delegation:errors.tooLong");

export const PhaseSchema = z.object({
  startsOn: dayField,
  endsOn: dayField,
  categoriesZh: text(400),
  categoriesEn: text(400),
  categoriesPt: text(400),
});

export const EditionSchema = z
  .object({
    slug: z
      .string({ required_error: "validation:required" })
      .trim()
      .toLowerCase()
      .min(3, "delegation:errors.slug")
      .max(60, "delegation:errors.slug")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "delegation:errors.slug")
      // "new" is the address of the form that creates an edition.
      .refine((slug) => slug !== "new", "delegation:errors.slug"),
    seriesId: z.string().max(40).optional(),
    shortName: requiredText(40),
    nameZh: requiredText(120),
    nameEn: requiredText(120),
    namePt: text(120),
    cityZh: requiredText(60),
    cityEn: requiredText(60),
    cityPt: text(60),
    venueZh: text(160),
    venueEn: text(160),
    venuePt: text(160),
    startsOn: dayField,
    endsOn: dayField,
    timeZone: z
      .string({ required_error: "validation:required" })
      .trim()
      .max(60)
      .refine((zone) => IANAZone.isValidZone(zone), "delegation:errors.timeZone"),
    online: z.boolean().default(false),
    website: z.string().trim().max(300, "delegation:errors.tooLong").url("validation:url").regex(/^https?:\/\//i, "validation:url").optional(),
    phases: z.array(PhaseSchema).max(MAX_PHASES, "delegation:errors.tooMany").default([]),
  })
  .superRefine((edition, ctx) => {
    if (edition.endsOn < edition.startsOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: "delegation:errors.endBeforeStart" });
    edition.phases.forEach((phase, index) => {
      if (phase.endsOn < phase.startsOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phases", index, "endsOn"], message: "delegation:errors.endBeforeStart" });
      if (phase.startsOn < edition.startsOn || phase.endsOn > edition.endsOn) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phases", index, "startsOn"], message: "delegation:errors.phaseOutside" });
      }
      const counts = [phase.categoriesZh, phase.categoriesEn, phase.categoriesPt].map((value) => splitCategories(value).length);
      if (Math.max(...counts) > MAX_CATEGORIES) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phases", index, "categoriesZh"], message: "delegation:errors.tooMany" });
    });
  });
export type EditionInput = z.output<typeof EditionSchema>;

export function splitCategories(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[;；\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A phase's categories as LocalizedText entries, the n-th of each language together. */
export function phaseCategories(phase: { categoriesZh?: string; categoriesEn?: string; categoriesPt?: string }) {
  const zh = splitCategories(phase.categoriesZh);
  const en = splitCategories(phase.categoriesEn);
  const pt = splitCategories(phase.categoriesPt);
  const count = Math.max(zh.length, en.length, pt.length);
  return Array.from({ length: count }, (_, index) => ({ "zh-CN": zh[index], en: en[index], pt: pt[index] }));
}
