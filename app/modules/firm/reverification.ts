import { asLocalizedText, type LocalizedText } from "~/modules/i18n-text/localized-text";

/**
 * Re-verification (issue 14, item 4): the bureau vouches for a firm's legal
 * name (Chinese or English), its unified social credit code and its town.
 * When a verified firm changes one of them, the change waits for the bureau
 * and the verified values stay public. Pure: no I/O.
 */
export const reverifiedFields = ["name", "uscc", "townId"] as const;
export type ReverifiedField = (typeof reverifiedFields)[number];

/** The languages of the legal name: a Portuguese name is a translation the firm may change freely. */
export const legalNameLocales = ["zh-CN", "en"] as const;

export interface IdentityValues {
  name: LocalizedText;
  uscc: string | null;
  townId: string | null;
}

export interface PendingValues {
  name: LocalizedText | null;
  uscc: string | null;
  townId: string | null;
  fields: ReverifiedField[];
}

/** The fields among name, USCC and town whose values differ (a name only by its legal languages when `legalOnly`). */
export function changedIdentityFields(before: IdentityValues, after: IdentityValues, legalOnly = false): ReverifiedField[] {
  const changed: ReverifiedField[] = [];
  const locales = legalOnly ? legalNameLocales : [...new Set([...Object.keys(before.name), ...Object.keys(after.name)])];
  if (locales.some((locale) => (before.name[locale]?.text ?? "") !== (after.name[locale]?.text ?? ""))) changed.push("name");
  if ((before.uscc ?? null) !== (after.uscc ?? null)) changed.push("uscc");
  if ((before.townId ?? null) !== (after.townId ?? null)) changed.push("townId");
  return changed;
}

/**
 * Where a submitted identity goes. A firm that is not verified, or the bureau
 * itself, changes its values at once (`apply`). A verified firm's change to its
 * legal name, USCC or town becomes `pending` (the whole new name, when the
 * name is among them); a change back to the verified values drops the pending
 * change (`pending: null`, `dropPending: true`), as does any save by a firm
 * that is no longer verified. A Portuguese-only name change
 * of a verified firm applies at once.
 */
export function routeIdentityChange(input: {
  verified: boolean;
  byBureau: boolean;
  stored: IdentityValues;
  submitted: IdentityValues;
}): { apply: Partial<IdentityValues>; pending: PendingValues | null; dropPending: boolean } {
  const { stored, submitted } = input;
  if (!input.verified || input.byBureau) {
    const apply: Partial<IdentityValues> = {};
    for (const field of changedIdentityFields(stored, submitted)) Object.assign(apply, { [field]: submitted[field] });
    // The bureau's own edit leaves a firm's pending change for its decision.
    return { apply, pending: null, dropPending: !input.byBureau };
  }
  const legal = changedIdentityFields(stored, submitted, true);
  const apply: Partial<IdentityValues> = {};
  // The name's other languages apply at once when the legal name itself did not change.
  if (!legal.includes("name") && changedIdentityFields(stored, submitted).includes("name")) apply.name = submitted.name;
  if (legal.length === 0) return { apply, pending: null, dropPending: true };
  return {
    apply,
    pending: {
      name: legal.includes("name") ? submitted.name : null,
      uscc: legal.includes("uscc") ? submitted.uscc : null,
      townId: legal.includes("townId") ? submitted.townId : null,
      fields: legal,
    },
    dropPending: false,
  };
}

/**
 * The values a reader sees: the public and search always the stored (verified)
 * ones; the firm's own editor and the bureau also the pending change on top.
 */
export function identityShown(stored: IdentityValues, pending: PendingValues | null, audience: "public" | "firm" | "bureau"): IdentityValues {
  if (!pending || audience === "public") return stored;
  return {
    name: pending.fields.includes("name") && pending.name ? pending.name : stored.name,
    uscc: pending.fields.includes("uscc") ? pending.uscc : stored.uscc,
    townId: pending.fields.includes("townId") ? pending.townId : stored.townId,
  };
}

/** The legal-name languages that had a name and would be left blank: a legal name can't be blanked. */
export function blankedLegalNames(stored: LocalizedText, submitted: LocalizedText): (typeof legalNameLocales)[number][] {
  return legalNameLocales.filter((locale) => !!stored[locale]?.text?.trim() && !submitted[locale]?.text?.trim());
}

/** A stored pending change read defensively. */
export function asPendingValues(row: { name: unknown; uscc: string | null; townId: string | null; fields: string[] } | null): PendingValues | null {
  if (!row) return null;
  const fields = row.fields.filter((field): field is ReverifiedField => (reverifiedFields as readonly string[]).includes(field));
  if (fields.length === 0) return null;
  return { name: row.name ? asLocalizedText(row.name) : null, uscc: row.uscc, townId: row.townId, fields };
}
