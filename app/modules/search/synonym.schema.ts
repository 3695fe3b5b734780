import { z } from "zod";
import { MAX_TERM_LENGTH, MAX_TERMS_PER_GROUP, MAX_WORDS_PER_TERM, normalizeGroup } from "./synonyms";

/**
 * A synonym group as the bureau types it: words separated by commas,
 * semicolons or new lines ("电饭锅, rice cooker, panela de arroz").
 * Messages are translation keys (validation namespace or search namespace).
 */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function splitTerms(text: string): string[] {
  return normalizeGroup(text.split(/[,;，；、\n\r]+/));
}

export const SynonymGroupSchema = z.object({
  intent: z.literal("addSynonyms"),
  terms: z
    .string({ required_error: "validation:required" })
    .max(2000, "search:vocabulary.errors.tooLong")
    .refine((text) => !CONTROL.test(text), "search:vocabulary.errors.characters")
    .transform((text) => splitTerms(text))
    .refine((terms) => terms.length >= 2, "search:vocabulary.errors.tooFew")
    .refine((terms) => terms.length <= MAX_TERMS_PER_GROUP, "search:vocabulary.errors.tooMany")
    .refine((terms) => terms.every((term) => term.length <= MAX_TERM_LENGTH), "search:vocabulary.errors.termTooLong")
    // Meilisearch looks synonyms up for phrases of at most three words.
    .refine((terms) => terms.every((term) => term.split(/[\s\-/]+/).filter(Boolean).length <= MAX_WORDS_PER_TERM), "search:vocabulary.errors.tooManyWords"),
});
