import type { Locale } from "~/i18n/config";
import { displayTextIn } from "~/modules/i18n-text/display.server";
import { prisma } from "~/utils/db.server";

/** The managed list of certifications (CE, UL, RoHS...), named in the reader's language. */
export async function listCertifications(locale: Locale) {
  const rows = await prisma.certification.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } });
  return rows.map((row) => ({ code: row.code, name: displayTextIn(row.name, locale) || row.code }));
}

export async function certificationCodes(): Promise<Set<string>> {
  const rows = await prisma.certification.findMany({ select: { code: true } });
  return new Set(rows.map((row) => row.code));
}
