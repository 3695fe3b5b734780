import type { CertificationRules } from "./certificate-validity";
import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { prisma } from "~/utils/db.server";

/** The managed list of certifications (CE, UL, RoHS...), named in the reader's language. */
export async function listCertifications(locale: Locale) {
  const rows = await prisma.certification.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } });
  return rows.map((row) => ({ code: row.code, name: displayTextIn(row.name, locale) || row.code }));
}

/** The same list as select options, sorted by name in the reader's language. */
export async function certificationOptions(locale: Locale) {
  const collator = new Intl.Collator(locale);
  return (await listCertifications(locale))
    .map((row) => ({ value: row.code, label: row.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export async function certificationCodes(): Promise<Set<string>> {
  const rows = await prisma.certification.findMany({ select: { code: true } });
  return new Set(rows.map((row) => row.code));
}

/** The certifications' rules (markets, validity, reminders) as the bureau keeps them, by code. */
export async function loadCertificationRules(db: Pick<typeof prisma, "certification"> = prisma): Promise<CertificationRules> {
  const rows = await db.certification.findMany({ select: { code: true, markets: true, validityMonths: true, expiryRequired: true, reminderDays: true } });
  return new Map(rows.map((row) => [row.code, row]));
}
