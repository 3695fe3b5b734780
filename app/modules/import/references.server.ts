import { isCountryCode } from "~/modules/reference/countries.server";
import { loadReferenceNameIndexes } from "~/modules/reference/aliases.server";
import { resolveHsInput } from "~/modules/hs/nomenclature.server";
import type { ImportReferences } from "./rows";

/**
 * The reference data rows are checked against, read once per import: towns,
 * clusters and certifications by every name and alias (see
 * ~/modules/reference/names.ts), HS codes of any edition.
 */
export async function loadImportReferences(now = new Date()): Promise<ImportReferences> {
  const names = await loadReferenceNameIndexes();
  return {
    town: (text) => names.town.match(text),
    cluster: (text) => names.cluster.match(text),
    certification: (text) => names.certification.match(text),
    suggest: (kind, text) => names[kind].suggest(text),
    isCountryCode,
    resolveHs: resolveHsInput,
    thisYear: now.getUTCFullYear(),
  };
}
