import { prisma } from "~/utils/db.server";
import { textIn } from "~/modules/i18n-text/localized-text";
import { textFallbacks, type Locale } from "~/i18n/config";

/** The bureau's managed list of certifications, named in the reader's language. */
export async function certificationOptions(locale: Locale) {
  const rows = await prisma.certification.findMany({ select: { code: true, name: true } });
  const collator = new Intl.Collator(locale);
  return rows
    .map((row) => ({ value: row.code, label: textIn(row.name, locale, textFallbacks[locale]) || row.code }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
